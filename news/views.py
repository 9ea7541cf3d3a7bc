from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django_countries import countries

from cpe_network.lib.listing import WORDS_CHIP, distinct_values, filter_chips
from cpe_network.lib.portal import published_already, send_for_review
from members.accounts import by_slug, moved, public_or_preview
from members.models import Member, Topic
from pages import pagecache
from pages.context_processors import language_alternates

from .feeds import calendar_response
from .forms import MemberEventForm, MemberPostForm, NewsFilterForm, sorted_by_name
from .models import Event, Post

PER_PAGE = 12


# The member filter offers the members with the most of the list's latest items (a
# select of every member with an item grew to thousands of options), sorted by name;
# every member's page links to its own items (?member=<slug>), which the filter then
# offers too.
MEMBERS_OFFERED = 12
RECENT = 200


def _listing(request, items, members_of, name):
    """A list's filters, from the query string, and its page of items. The panel's
    options (`_options`) are counted once while nothing changes."""
    topics = list(Topic.objects.all())
    options = pagecache.remembered(name, "options", compute=lambda: _options(items, members_of))
    form = NewsFilterForm(
        request.GET,
        topics=topics,
        options={
            # Named and sorted in the page's language.
            "countries": sorted_by_name(
                (code, countries.name(code)) for code in options["countries"]
            ),
            "members": options["members"],
        },
    )
    filters = form.filters()
    found = items.filter_by(filters)
    paginator = Paginator(found, PER_PAGE)
    # Counted once while nothing changes (16 ms for a topic's share of 100,000 posts).
    paginator.count = pagecache.remembered(
        name, "count", sorted(filters.items()), compute=found.count
    )
    page = paginator.get_page(request.GET.get("page"))
    return {
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "form": form,
        "filters": filters,
        # The words searched, as a chip that removes them (the panel's lists show the rest).
        "chips": filter_chips(request, filters, {}, free=[WORDS_CHIP]),
        "topics": topics,
    }


def _options(items, members_of):
    """What a list's filter panel offers: the codes of the countries that have items,
        and the `MEMBERS_OFFERED` listed members with the most of the list's latest
        `RECENT` items (`members_of(keys)`: the listed members of those items), sorted by
        name: those active now, found without counting a hundred thousand posts by member
        (100 ms). The countries by skipping through an index from one to the next, the
    members in one grouped query."""
    codes = set()
    for value in distinct_values(items, "countries"):
        codes.update(value.split(","))
    codes.discard("")
    recent = items.values("pk")[:RECENT]
    top = members_of(recent).order_by().values("slug", "name").annotate(n=Count("pk"))
    top = top.order_by("-n", "slug")[:MEMBERS_OFFERED]
    return {
        "countries": sorted(codes),
        "members": sorted_by_name((row["slug"], row["name"]) for row in top),
    }


def post_list(request):
    posts = Post.objects.published()
    context = _listing(
        request, posts, lambda keys: Member.objects.listed().filter(posts__in=keys), "news"
    )
    return render(request, "news/post_list.html", context)


def post_detail(request, slug):
    """A published post; staff also see drafts and scheduled posts, as a preview."""
    post = public_or_preview(
        request,
        Post.objects.select_related("submitted_by__category").prefetch_related(
            "topics", Prefetch("members", queryset=Member.objects.listed())
        ),
        slug,
    )
    if post.slug != slug:
        return moved(post)
    return render(
        request,
        "news/post_detail.html",
        {"post": post, "alternates": language_alternates(request, post.addresses())},
    )


def event_list(request):
    """Upcoming events, the soonest first; `?when=past` for those that are over."""
    past = request.GET.get("when") == "past"
    events = Event.objects.published()
    events = events.past() if past else events.upcoming()

    def members_of(keys):
        return Member.objects.listed().filter(Q(events__in=keys) | Q(organised_events__in=keys))

    context = _listing(request, events, members_of, "past events" if past else "events")
    return render(request, "news/event_list.html", {**context, "past": past})


def event_detail(request, slug):
    event = public_or_preview(
        request,
        Event.objects.select_related("organiser__category").prefetch_related(
            "topics", "documents", Prefetch("members", queryset=Member.objects.listed())
        ),
        slug,
    )
    if event.slug != slug:
        return moved(event)
    organiser = event.organiser if event.organiser and event.organiser.is_listed else None
    return render(
        request,
        "news/event_detail.html",
        {
            "event": event,
            "organiser": organiser,
            "alternates": language_alternates(request, event.addresses()),
        },
    )


def calendar(request):
    """Every upcoming event, for calendar programs to subscribe to."""
    events = Event.objects.published().upcoming()
    return calendar_response(events, filename="events.ics")


def event_calendar(request, slug):
    event = by_slug(Event.objects.published(), slug)
    if event.slug != slug:
        return redirect(event.get_calendar_url(), permanent=True)
    return calendar_response([event], filename=f"{event.slug}.ics")


# Members send news and events from the portal; editors publish them.

FORMS = {"post": MemberPostForm, "event": MemberEventForm}


@login_required
def submission(request, slug, kind, pk=None):
    """A news item or an event a representative sends, or changes until it is published."""
    # 404 for anyone who does not represent the member: nothing is revealed about others.
    member = get_object_or_404(Member.objects.represented_by(request.user), slug=slug)
    model = FORMS[kind]._meta.model
    item = get_object_or_404(model, pk=pk, submitted_by=member) if pk else None
    if item and not item.is_editable_by_sender:
        return published_already(request)
    form = FORMS[kind](request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        return send_for_review(request, form, member, change=bool(item))
    return render(
        request,
        "news/portal/submit.html",
        {"member": member, "form": form, "kind": kind, "item": item},
    )
