"""The practice database's pages: the list with its facets and exports, the overview
of the evidence, a practice's page; and what representatives send from the portal."""

import csv
import json

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from cpe_network.lib.listing import WORDS_CHIP, facet_options, filter_chips, result_count
from cpe_network.lib.portal import published_already, send_for_review
from members import geo
from members.accounts import by_slug, moved, public_or_preview
from members.models import Member, Topic
from pages.context_processors import language_alternates

from .forms import MemberAdaptationForm, MemberPracticeForm, PracticeFilterForm
from .models import Adaptation, Practice

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
    paginator.count = result_count(counts, filters)  # every practice has one kind
    page = paginator.get_page(request.GET.get("page"))
    facets = facet_options(form, filters, counts, by_name=("country", "topic"))
    chips = filter_chips(
        request,
        filters,
        facets,
        free=[WORDS_CHIP, ("from", _("From %s")), ("to", _("Until %s"))],
        named={"member": form.member_names},
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


# The columns of the exports, in order. In the CSV, lists are joined with "; ", an
# adaptation is "BE:2016", a source "title (year) <url>", and yes or no are "yes" and
# "no" in every language; the JSON keeps lists, objects, numbers and true or false.
EXPORT_COLUMNS = [
    "url",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "kind",
    "link",
    "published",
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
    "findings_en",
    "findings_fr",
    "sources",
    "shared_by",
    "adaptations",
]


class _Echo:
    """A file that gives back what is written to it, for streaming a CSV."""

    def write(self, value):
        return value


# What a spreadsheet reads as a formula when a cell begins with it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    """One cell of the CSV, as text a spreadsheet shows as it is: members' text that
    begins like a formula gets a quote before it (OWASP's advice), so it is not run."""
    if isinstance(value, list):
        value = "; ".join(_csv_part(part) for part in value)
    elif isinstance(value, bool):
        value = "yes" if value else "no"
    elif value is None:
        value = ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        value = "'" + value
    return value


def _csv_part(value):
    """An item of a list: a text, an adaptation ("BE:2016") or a source."""
    if not isinstance(value, dict):
        return value
    if "country" in value:
        return f"{value['country']}:{value['year'] or ''}".rstrip(":")
    text = value["title"]
    if value["year"]:
        text += f" ({value['year']})"
    if value["url"]:
        text += f" <{value['url']}>"
    return text


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
    overall, by_topic = Practice.objects.published().evidence_counts()
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
            "scale": Practice.scale(),
            "rows": rows,
            "all": row(_("All practices"), overall),
        },
    )


# One practice.


def practice_detail(request, slug):
    """A published practice, what the evidence says and where it has travelled; staff
    also see drafts and scheduled ones, as a preview."""
    practice = public_or_preview(request, Practice.objects.for_page(), slug)
    if practice.slug != slug:
        return moved(practice)
    adaptations = practice.published_adaptations
    shared_by = practice.submitted_by
    if shared_by and not shared_by.is_listed:
        shared_by = None
    return render(
        request,
        "practices/detail.html",
        {
            "practice": practice,
            "alternates": language_alternates(request, practice.addresses()),
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
        # Its address in either language: the language switcher keeps the slug.
        practice = by_slug(Practice.objects.published(), practice)
        choices = list(represented)
        if not choices:
            raise Http404
        member, item = choices[0], None
    form = MemberAdaptationForm(
        request.POST or None,
        instance=item,
        practice=practice,
        members=represented if choices and len(choices) > 1 else None,
        member=member,
    )
    if request.method == "POST" and form.is_valid():
        member = form.cleaned_data.get("sender") or member
        try:
            with transaction.atomic():
                return send_for_review(request, form, member, change=bool(item))
        except IntegrityError:  # the same sent twice at once: the other one was saved
            form.add_error("country", form.ALREADY_RECORDED)
    return render(
        request,
        "practices/portal/adaptation.html",
        {"member": member, "form": form, "kind": "adaptation", "item": item, "practice": practice},
    )
