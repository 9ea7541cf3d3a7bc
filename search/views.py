from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from members.models import Member
from news.models import Event, Post
from practices.models import Practice

from .query import FEW, Group, Query, search_rows

PER_KIND = 5


def _groups(query):
    """Members, practices, news and events that match `query`: each kind's count, its
    best few and the address of its own list searched the same way."""
    kinds = [
        ("member", Member.objects.listed().for_cards(), "members:directory", _member_texts),
        ("practice", Practice.objects.published(), "practices:list", _publication_texts),
        ("post", Post.objects.published(), "news:list", _publication_texts),
        ("event", Event.objects.published(), "news:events", _publication_texts),
    ]
    groups = []
    for kind, rows, list_name, texts in kinds:
        count, hits = search_rows(query, rows, limit=PER_KIND, texts=texts)
        group = Group(kind, count, hits)
        group.list_url = f"{reverse(list_name)}?{urlencode({'q': query.text})}"
        groups.append(group)
    return groups


def _member_texts(member):
    return [member.summary, member.description, member.mission]


def _publication_texts(item):
    return [item.summary, item.body_html]


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
