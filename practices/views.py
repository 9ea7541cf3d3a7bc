"""The practice database's pages: the list with its facets and exports, the overview
of the evidence, a practice's page; and what representatives send from the portal."""

from django.http import Http404
from django.shortcuts import render

from members import geo
from members.accounts import public_or_preview
from members.models import Member

from .models import Practice

# The list, its exports and the overview of the evidence.


def practice_list(request):
    raise Http404


def export(request, format):
    raise Http404


def evidence(request):
    raise Http404


# One practice.


def practice_detail(request, slug):
    """A published practice, what the evidence says and where it has travelled; staff
    also see drafts and scheduled ones, as a preview."""
    practice = public_or_preview(request, Practice.objects.for_page(), slug)
    adaptations = practice.published_adaptations
    shared_by = practice.submitted_by
    if shared_by and not shared_by.is_listed:
        shared_by = None
    return render(
        request,
        "practices/detail.html",
        {
            "practice": practice,
            "shared_by": shared_by,
            # Listed members (see for_page), other than the one who shared it.
            "related": [member for member in practice.members.all() if member != shared_by],
            "adaptations": adaptations,
            "map": _reach_map(practice, adaptations),
            "may_tell_adaptation": request.user.is_authenticated
            and Member.objects.represented_by(request.user).exists(),
        },
    )


def _reach_map(practice, adaptations):
    """The small map of the countries where it is used: where it comes from, and where
    it was adapted. None when none of them is on the map."""
    marks = {str(adaptation.country.code): "adapted" for adaptation in adaptations}
    marks.update(dict.fromkeys((str(country.code) for country in practice.countries), "origin"))
    shapes = geo.countries()
    marks = {code: mark for code, mark in marks.items() if code in shapes}
    if not marks:
        return None
    return {
        **geo.map_context(dict.fromkeys(marks, 1), marks=marks),
        # What the legend names: only what the map shows.
        "shows": set(marks.values()),
    }


# Members' practices and adaptations, sent from the portal.


def submission(request, slug, pk=None):
    raise Http404


def adaptation(request, practice=None, slug=None, pk=None):
    raise Http404
