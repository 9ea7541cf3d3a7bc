"""The practice database's pages: the list with its facets and exports, the overview
of the evidence, a practice's page; and what representatives send from the portal."""

from django.http import Http404

# The list, its exports and the overview of the evidence.


def practice_list(request):
    raise Http404


def export(request, format):
    raise Http404


def evidence(request):
    raise Http404


# One practice.


def practice_detail(request, slug):
    raise Http404


# Members' practices and adaptations, sent from the portal.


def submission(request, slug, pk=None):
    raise Http404


def adaptation(request, practice=None, slug=None, pk=None):
    raise Http404
