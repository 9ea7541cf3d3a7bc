from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from collaboration.models import Call
from members.models import Member, is_member
from news.models import Event, Post
from pages.templatetags.site import shown_language
from practices.models import Practice

from .query import FEW, Group, Query, search_rows

PER_KIND = 5

# The texts an excerpt is taken from, by kind, in this order (the first that matches).
EXCERPTS = {
    "member": ("summary", "description", "mission"),
    "practice": ("summary", "body_html", "findings"),
    "post": ("summary", "body_html"),
    "event": ("summary", "body_html"),
    "call": ("description",),
}


def _groups(query, member):
    """Members, practices, news, events and calls that match `query`: each kind's count,
    its best few and the addresses of its own list searched the same way. Calls: the
    public ones for everyone, members-only ones too for members (`is_member`), hidden
    ones for nobody; closed ones are found, and say so. A member's results are never
    kept by the page cache, which keeps only what visitors who are not signed in see."""
    calls = Call.objects.shown().select_related("member")  # its status reads its member's
    calls = calls if member else calls.public()
    kinds = [
        ("member", Member.objects.listed().for_cards(), "members:directory"),
        ("practice", Practice.objects.published(), "practices:list"),
        ("post", Post.objects.published(), "news:list"),
        ("event", Event.objects.published(), "news:events"),
        ("call", calls, "collaboration:list"),
    ]
    groups = []
    for kind, rows, list_name in kinds:
        fields = EXCERPTS[kind]
        count, hits = search_rows(
            query,
            rows,
            limit=PER_KIND,
            texts=lambda row, fields=fields: [getattr(row, field) for field in fields],
            public_only=not (kind == "call" and member),
        )
        for hit in hits:
            _mark_languages(kind, hit, fields)
        group = Group(kind, count, hits)
        group.links = _list_links(query, kind, list_name, count, rows) if count > len(hits) else []
        groups.append(group)
    return groups


def _list_links(query, kind, list_name, count, rows):
    """Where to see all of a kind's results: its own list with the same words, as
    (what, count, url). The events list shows upcoming or past events, never both, and
    the calls list open calls, its archive closed ones: a link to each, with its own
    count, so the counts add up to the group's."""
    url = reverse(list_name)
    words = urlencode({"q": query.text})
    if kind == "event":
        upcoming = query.filter(Event.objects.published().upcoming()).count()
        links = [
            ("upcoming", upcoming, f"{url}?{words}"),
            ("past", count - upcoming, f"{url}?when=past&{words}"),
        ]
    elif kind == "call":
        still_open = query.filter(rows.open()).count()
        links = [
            ("open", still_open, f"{url}?{words}"),
            ("closed", count - still_open, f"{reverse('collaboration:archive')}?{words}"),
        ]
    else:
        return [(kind, count, f"{url}?{words}")]
    return [link for link in links if link[1]]


def _mark_languages(kind, hit, fields):
    """The languages of the hit's title and excerpt where they are not the page's (the
    other language's text, shown as a fallback), for their `lang`. The excerpt's is that
    of the first of `fields` it was taken from."""
    shown = get_language()
    title = None if kind == "member" else shown_language(hit.row, "title")
    hit.title_lang = title if title != shown else None
    hit.excerpt_lang = None
    if hit.excerpt_from is not None:
        language = shown_language(hit.row, fields[hit.excerpt_from])
        hit.excerpt_lang = language if language != shown else None


def search(request):
    """The whole site searched: members, practices, news, events and calls, grouped, with
    "Did you mean …?" when the words as typed find little."""
    query = Query(request.GET.get("q", ""))
    groups, suggestion, replaced = [], None, None
    if query:
        member = is_member(request.user)
        groups = _groups(query, member)
        total = sum(group.count for group in groups)
        if total < FEW and (corrected := query.corrected()):
            better = _groups(corrected, member)
            if sum(group.count for group in better) > total:
                if total:
                    suggestion = corrected
                else:  # Nothing as typed: show what the likelier words find.
                    groups, replaced, query = better, query, corrected
    return render(
        request,
        "search/results.html",
        {
            "query": query,
            "groups": groups,
            "total": sum(group.count for group in groups),
            "suggestion": suggestion,
            "suggestion_url": suggestion and f"?{urlencode({'q': suggestion.text})}",
            "replaced": replaced,
        },
    )
