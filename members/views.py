from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django_countries import countries

from .forms import DirectoryFilterForm
from .geo import map_context
from .models import Member, MembershipCategory, Topic, sort_key

PER_PAGE = 20


def directory(request):
    categories = list(MembershipCategory.objects.filter(listed=True))
    topics = list(Topic.objects.all())
    form = DirectoryFilterForm(request.GET, categories=categories, topics=topics)
    filters = form.filters()
    listed = Member.objects.listed()
    page = Paginator(listed.filter_by(filters).for_cards(), PER_PAGE).get_page(
        request.GET.get("page")
    )
    facets = _facets(form, filters, listed.facet_counts(filters))
    return render(
        request,
        "members/directory.html",
        {
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "filters": filters,
            "facets": facets,
            "chips": _chips(request, facets),
        },
    )


def _facets(form, filters, counts):
    """Each filter's values with their counts, for the filter panel: values that
    would show nothing are left out unless chosen."""

    def options(facet, choices, *, by_name=False):
        chosen = filters.get(facet, [])
        chosen = chosen if isinstance(chosen, list) else [chosen]
        values = [
            {
                "value": value,
                "label": label,
                "count": counts[facet].get(value, 0),
                "chosen": value in chosen,
            }
            for value, label in choices
            if counts[facet].get(value) or value in chosen
        ]
        if by_name:
            values.sort(key=lambda option: sort_key(str(option["label"])))
        return values

    return {
        "country": options("country", form.fields["country"].choices, by_name=True),
        "category": options("category", form.fields["category"].choices),
        "topic": options("topic", form.fields["topic"].choices, by_name=True),
        "kind": options("kind", form.fields["kind"].choices),
        "setting": options("setting", form.fields["setting"].choices),
    }


def _chips(request, facets):
    """The active filters, each with the address of the same list without it."""
    chips = []
    if text := request.GET.get("q", "").strip():
        params = request.GET.copy()
        params.pop("q")
        params.pop("page", None)
        chips.append({"label": f"“{text}”", "url": f"?{params.urlencode()}"})
    for name, options in facets.items():
        for option in options:
            if option["chosen"]:
                params = request.GET.copy()
                params.setlist(name, [v for v in params.getlist(name) if v != option["value"]])
                params.pop("page", None)
                chips.append({"label": option["label"], "url": f"?{params.urlencode()}"})
    return chips


def detail(request, slug):
    member = get_object_or_404(
        Member.objects.listed().select_related("category").prefetch_related("topics"),
        slug=slug,
    )
    return render(request, "members/detail.html", {"member": member})


def membership(request):
    listed = Q(members__published=True, members__status=Member.Status.ACTIVE)
    categories = MembershipCategory.objects.annotate(member_count=Count("members", filter=listed))
    return render(request, "members/membership.html", {"categories": categories})


def member_map(request):
    listed = Member.objects.listed()
    counts = listed.country_counts()
    pins = (
        listed.exclude(latitude=None)
        .exclude(longitude=None)
        .values_list("name", "slug", "latitude", "longitude")
    )
    table = sorted(
        ({"code": code, "name": countries.name(code), "count": n} for code, n in counts.items()),
        key=lambda row: sort_key(str(row["name"])),
    )
    return render(
        request,
        "members/map.html",
        {
            "map": map_context(counts, pins),
            "table": table,
            "total": sum(counts.values()),
        },
    )
