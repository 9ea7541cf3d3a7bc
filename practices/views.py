"""The practice database's pages: the list with its facets and exports, the overview
of the evidence, a practice's page; and what representatives send from the portal."""

import csv
import json

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from cpe_network.lib.listing import facet_options, filter_chips
from members.models import Topic

from .forms import PracticeFilterForm
from .models import Practice

PER_PAGE = 20

# The list, its exports and the overview of the evidence.


def _filter_form(request):
    return PracticeFilterForm(request.GET, topics=list(Topic.objects.all()))


def practice_list(request):
    form = _filter_form(request)
    filters = form.filters()
    sort = form.sort_order()
    published = Practice.objects.published()
    counts = published.facet_counts(filters)
    paginator = Paginator(published.filter_by(filters).sorted_by(sort).for_cards(), PER_PAGE)
    # The counts hold the number of results: every practice has one kind.
    kinds = counts["kind"]
    paginator.count = kinds.get(filters["kind"], 0) if "kind" in filters else sum(kinds.values())
    page = paginator.get_page(request.GET.get("page"))
    facets = facet_options(form, filters, counts, by_name=("country", "topic"))
    chips = filter_chips(
        request,
        filters,
        facets,
        free=[("q", "“%s”"), ("from", _("From %s")), ("to", _("Until %s"))],
    )
    exported = request.GET.copy()
    exported.pop("page", None)
    return render(
        request,
        "practices/list.html",
        {
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "filters": filters,
            "facets": facets,
            "chips": chips,
            "sort": sort,
            "sorts": form.SORTS,
            "export_query": f"?{exported.urlencode()}" if exported else "",
        },
    )


# The columns of the exports, in order; lists are joined with "; " in the CSV.
EXPORT_COLUMNS = [
    "url",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "kind",
    "countries",
    "country_names",
    "worldwide",
    "start_year",
    "end_year",
    "topics",
    "age_groups",
    "settings",
    "providers",
    "rating",
    "evaluation",
    "shared_by",
    "adaptations",
]


class _Echo:
    """A file that gives back what is written to it, for streaming a CSV."""

    def write(self, value):
        return value


def _csv_cell(value):
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


def export(request, format):
    """Every published practice that the list's filters find (not only one page), in
    the list's order: CSV (UTF-8 with a byte order mark, so spreadsheets read accents)
    or JSON, both with the same columns."""
    form = _filter_form(request)
    practices = Practice.objects.published().filter_by(form.filters())
    rows = practices.sorted_by(form.sort_order()).export_rows()
    name = f"practices-{timezone.localdate():%Y-%m-%d}.{format}"
    if format == "csv":
        response = StreamingHttpResponse(
            _csv_lines(rows, get_language()), content_type="text/csv; charset=utf-8"
        )
    elif format == "json":
        response = HttpResponse(
            json.dumps(list(rows), ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _csv_lines(rows, language):
    """The CSV's lines, made as they are sent, in the page's language (countries'
    names, addresses), with a byte order mark first."""
    writer = csv.writer(_Echo())
    with override(language):
        yield "\ufeff" + writer.writerow(EXPORT_COLUMNS)
        for row in rows:
            yield writer.writerow([_csv_cell(row[column]) for column in EXPORT_COLUMNS])


def evidence(request):
    """For each topic, how many practices have each rating, each number linking to the
    list of them; and what the ratings and the kinds of evaluation mean."""
    published = Practice.objects.published()
    by_topic = published.rating_counts_by_topic()
    list_url = reverse("practices:list")

    def row(label, counts, **filters):
        return {
            "label": label,
            "cells": [
                {
                    "label": label,
                    "count": counts.get(rating, 0),
                    "url": f"{list_url}?{urlencode({**filters, 'rating': rating})}",
                }
                for rating, label in Practice.Rating.choices
            ],
            "total": sum(counts.values()),
            "url": f"{list_url}?{urlencode(filters)}" if filters else list_url,
        }

    rows = [
        row(topic.name, by_topic.get(topic.pk, {}), topic=topic.slug)
        for topic in Topic.objects.all()
    ]
    return render(
        request,
        "practices/evidence.html",
        {
            "ratings": Practice.Rating.choices,
            "rows": rows,
            "all": row(_("All practices"), published.rating_counts()),
        },
    )


# One practice.


def practice_detail(request, slug):
    raise Http404


# Members' practices and adaptations, sent from the portal.


def submission(request, slug, pk=None):
    raise Http404


def adaptation(request, practice=None, slug=None, pk=None):
    raise Http404
