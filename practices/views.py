"""The practice database's pages: the list with its facets and exports, the overview
of the evidence, a practice's page; and what representatives send from the portal."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from cpe_network.lib.portal import published_already, send_for_review
from members import geo
from members.accounts import public_or_preview
from members.models import Member

from .forms import MemberAdaptationForm, MemberPracticeForm
from .models import Adaptation, Practice

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


@login_required
def submission(request, slug, pk=None):
    """A practice a representative shares, or changes until it is published."""
    # 404 for anyone who does not represent the member: nothing is revealed about others.
    member = get_object_or_404(Member.objects.represented_by(request.user), slug=slug)
    item = get_object_or_404(Practice, pk=pk, submitted_by=member) if pk else None
    if item and not item.is_editable_by_sender:
        return published_already(request)
    form = MemberPracticeForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        return send_for_review(request, form, member, change=bool(item))
    return render(
        request,
        "practices/portal/submit.html",
        {"member": member, "form": form, "kind": "practice", "item": item},
    )


@login_required
def adaptation(request, practice=None, slug=None, pk=None):
    """A representative records that their organisation adapted a published practice
    (`practice`: its slug), or changes what they recorded until it is published (`slug`:
    the member's, `pk`: the adaptation's)."""
    represented = Member.objects.represented_by(request.user).order_by("sort_name")
    if pk:
        member = get_object_or_404(represented, slug=slug)
        item = get_object_or_404(
            Adaptation.objects.select_related("practice"), pk=pk, submitted_by=member
        )
        if not item.is_editable_by_sender:
            return published_already(request)
        practice, choices = item.practice, None
    else:
        practice = get_object_or_404(Practice.objects.published(), slug=practice)
        choices = list(represented)
        if not choices:
            raise Http404
        member, item = choices[0], None
    form = MemberAdaptationForm(
        request.POST or None,
        instance=item,
        practice=practice,
        members=represented if choices and len(choices) > 1 else None,
    )
    if request.method == "POST" and form.is_valid():
        member = form.cleaned_data.get("sender") or member
        return send_for_review(request, form, member, change=bool(item))
    return render(
        request,
        "practices/portal/adaptation.html",
        {"member": member, "form": form, "kind": "adaptation", "item": item, "practice": practice},
    )
