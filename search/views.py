from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from members.models import Member
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
}


def _groups(query):
    """Members, practices, news and events that match `query`: each kind's count, its
    best few and the addresses of its own list searched the same way."""
    kinds = [
        ("member", Member.objects.listed().for_cards(), "members:directory"),
        ("practice", Practice.objects.published(), "practices:list"),
        ("post", Post.objects.published(), "news:list"),
        ("event", Event.objects.published(), "news:events"),
    ]
    groups = []
    for kind, rows, list_name in kinds:
        fields = EXCERPTS[kind]
        count, hits = search_rows(
            query,
            rows,
            limit=PER_KIND,
            texts=lambda row, fields=fields: [getattr(row, field) for field in fields],
        )
        for hit in hits:
            _mark_languages(kind, hit, fields)
        group = Group(kind, count, hits)
        group.links = _list_links(query, kind, list_name, count) if count > len(hits) else []
        groups.append(group)
    return groups


def _list_links(query, kind, list_name, count):
    """Where to see all of a kind's results: its own list with the same words, as
    (what, count, url). The events list shows upcoming or past events, never both: a
    link to each, with its own count, so the counts add up to the group's."""
    url = reverse(list_name)
    words = urlencode({"q": query.text})
    if kind != "event":
        return [(kind, count, f"{url}?{words}")]
    upcoming = query.filter(Event.objects.published().upcoming()).count()
    links = [
        ("upcoming", upcoming, f"{url}?{words}"),
        ("past", count - upcoming, f"{url}?when=past&{words}"),
    ]
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
    """The whole site searched: members, practices, news and events, grouped, with
    "Did you mean …?" when the words as typed find little."""
    query = Query(request.GET.get("q", ""))
    groups, suggestion, replaced = [], None, None
    if query:
        groups = _groups(query)
        total = sum(group.count for group in groups)
        if total < FEW and (corrected := query.corrected()):
            better = _groups(corrected)
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
