"""Working together: the calls' pages (open calls with filters, the archive, one call and
its document), members' replies, and the portal's pages for a member's calls."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cpe_network.lib.antispam import UserLimit
from cpe_network.lib.dates import long_date
from cpe_network.lib.listing import WORDS_CHIP, facet_options, filter_chips, result_count
from cpe_network.lib.uploads import pdf_download
from members.models import Member, Topic, is_member
from pages import pagecache

from .forms import CallFilterForm, FilledForm, MemberCallForm, ReplyForm
from .models import CALL_REPLIES_PER_HOUR, Call, Reply, facet_counts, filter_rows, listing_rows

PER_PAGE = 20

# The calls' public pages.


def call_list(request, archive=False):
    """Open calls, the soonest deadline first (`archive`: closed ones, the latest first),
    with their filters and counts. Members see every call; anyone else sees the public
    ones, and only how many members-only calls there are (of the kind chosen): neither
    the list nor the counts beside the filters tell anything else about them."""
    today = timezone.localdate()
    topics = list(Topic.objects.all())
    form = CallFilterForm(request.GET, topics=topics, archive=archive)
    filters = form.filters()
    members = is_member(request.user)
    # What these filters find, for this audience, is worked out once while nothing
    # changes: a list of thousands of calls is not filtered and counted again for
    # each visitor.
    counts, found, hidden_count = pagecache.remembered(
        "calls-found",
        archive,
        today.isoformat(),
        members,
        sorted(filters.items()),
        compute=lambda: _found(archive, today, members, filters, form),
    )
    paginator = Paginator(found, PER_PAGE)
    paginator.count = result_count(counts, filters)  # every call is of one kind
    page = paginator.get_page(request.GET.get("page"))
    calls = Call.objects.filter(pk__in=page.object_list).for_cards().in_bulk()
    page.object_list = [calls[pk] for pk in page.object_list if pk in calls]
    facets = facet_options(form, filters, counts, by_name=("country", "topic", "language"))
    return render(
        request,
        "collaboration/list.html",
        {
            "archive": archive,
            "heading": _("Closed calls") if archive else _("Working together"),
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "filters": filters,
            "facets": facets,
            "chips": filter_chips(request, filters, facets, free=[WORDS_CHIP]),
            "members_only_count": hidden_count,
            "may_post": members,
            "today": today.isoformat(),
        },
    )


def _found(archive, today, members, filters, form):
    """(the counts beside each filter's values, the keys of the calls found in the
    list's order, how many members-only calls a visitor is told of) for `filters`.
    Members see every call; anyone else the public ones, and only how many members-only
    calls there are of the kind chosen."""
    rows = pagecache.remembered(
        "calls", archive, today.isoformat(), compute=lambda: listing_rows(archive, today)
    )
    hidden_count = 0
    if not members:
        kind = {"kind": filters["kind"]} if "kind" in filters else {}
        hidden_count = len(filter_rows([row for row in rows if not row["is_public"]], kind, today))
        rows = [row for row in rows if row["is_public"]]
    # The words, found through the site search's index (after the members-only calls
    # are counted: words never tell a visitor anything about those).
    if words := filters.get("q"):
        matching = set(Call.objects.search(words).values_list("pk", flat=True))
        rows = [row for row in rows if row["pk"] in matching]
    chosen = {name: value for name, value in filters.items() if name != "q"}
    counts = facet_counts(rows, chosen, [name for name in form.fields if name != "q"], today)
    found = [row["pk"] for row in filter_rows(rows, chosen, today)]
    return counts, found, hidden_count


def _active_members(user):
    """The active members `user` represents: those who may post calls and reply."""
    return Member.objects.represented_by(user).filter(status=Member.Status.ACTIVE)


def _shown_call(request, slug):
    """The call `slug`, for anyone who may know it exists; 404 for anyone else (a hidden
    call is nobody's but staff's and its poster's)."""
    call = get_object_or_404(
        Call.objects.select_related("member__category").prefetch_related("topics"), slug=slug
    )
    if not call.exists_for(request.user):
        raise Http404
    return call


def call_detail(request, slug):
    """A call, for those who may read it; for anyone else (a members-only call), only
    that it exists: its kind, its deadline and its status, and how to read it."""
    call = _shown_call(request, slug)
    if not call.is_readable_by(request.user):
        return render(request, "collaboration/members_only.html", {"call": call})
    return render(
        request,
        "collaboration/detail.html",
        {
            "call": call,
            # The languages its text is written in (news/_language_notice.html).
            "text": {
                "languages": [
                    code for code, _name in settings.LANGUAGES if getattr(call, f"title_{code}")
                ]
            },
            "actions": _actions(request.user, call),
        },
    )


def _actions(user, call):
    """What the person reading `call` may do with it (collaboration/_actions.html):
    `poster` (they represent the member that posted it: the replies, a change),
    `reply_count`, `replied_on` (when one of their members replied), `may_reply`,
    `sign_in` (a visitor, to an open call)."""
    actions = {"poster": False, "reply_count": 0, "replied_on": None, "may_reply": False}
    actions["sign_in"] = not user.is_authenticated and call.is_open
    if not user.is_authenticated:
        return actions
    if call.is_posted_by(user):
        actions["poster"] = True
        actions["reply_count"] = call.replies.count()
        return actions
    represented = _active_members(user)
    reply = (
        Reply.objects.filter(call=call, member__in=Member.objects.represented_by(user))
        .order_by("created_at")
        .first()
    )
    if reply is not None:
        actions["replied_on"] = reply.created_at
    elif call.is_open and represented.exists():
        actions["may_reply"] = True
    return actions


def call_file(request, slug):
    """A call's document, for those who may read the call (404 for anyone else, as for
    a call with no document, or hidden by staff): sent as a PDF download, sandboxed; a
    members-only call's never kept by a shared cache."""
    call = _shown_call(request, slug)
    if not call.file or call.is_hidden or not call.is_readable_by(request.user):
        raise Http404
    response = pdf_download(call.file, call.download_name)
    if not call.is_public:
        add_never_cache_headers(response)  # no-store, private
    return response


# Replies, and the portal's pages for a member's calls.


def _own_call(request, slug, pk):
    """The call `pk` of the member `slug`, for its representatives only (a former
    member's too: 404 for everyone else, staff included, since replies are members'
    correspondence)."""
    member = get_object_or_404(_active_members(request.user), slug=slug)
    return get_object_or_404(Call.objects.select_related("member"), pk=pk, member=member)


@never_cache
@login_required
def reply(request, slug):
    """A representative of an active member replies to another member's open call; the
    poster's representatives receive the reply by email."""
    call = get_object_or_404(Call.objects.select_related("member"), slug=slug, is_hidden=False)
    represented = list(_active_members(request.user).order_by("sort_name"))
    if not represented or not call.is_readable_by(request.user):
        raise Http404
    refusal = None
    if call.member in represented:
        refusal = _("This is your organisation’s call: other members reply to it.")
    elif call.is_filled:
        refusal = _("This call is filled: it takes no more replies.")
    elif not call.is_open:
        refusal = _("This call closed on its deadline: it takes no more replies.")
    replied = dict(
        Reply.objects.filter(call=call, member__in=represented).values_list(
            "member_id", "created_at"
        )
    )
    members = [member for member in represented if member.pk not in replied]
    if refusal is None and not members:
        refusal = _("Your organisation replied on %(date)s.") % {
            "date": long_date(timezone.localdate(min(replied.values())))
        }
    if refusal:
        return render(
            request,
            "collaboration/portal/reply.html",
            {"call": call, "refusal": refusal},
            status=403,
        )
    limit = UserLimit("call-replies", request.user, CALL_REPLIES_PER_HOUR)
    form = ReplyForm(
        request.POST or None,
        members=members,
        limited=limit.reached,
        initial={"email": request.user.email},
    )
    if request.method == "POST" and form.is_valid():
        member = form.cleaned_data.get("member") or members[0]
        sent = call.receive_reply(
            member=member,
            by=request.user,
            message=form.cleaned_data["message"],
            email=form.cleaned_data["email"],
        )
        if sent is None:  # sent twice at once: the other one was stored
            messages.info(request, _("Your organisation has replied to this call already."))
        else:
            limit.count()
            messages.success(
                request,
                _(
                    "Your reply is sent: the organisation that posted the call will answer "
                    "you by email if it wishes."
                ),
            )
        return redirect(call)
    status = 429 if form.rate_limited else 200
    return render(
        request, "collaboration/portal/reply.html", {"call": call, "form": form}, status=status
    )


@never_cache
@login_required
def portal(request):
    """The calls of the members the person represents, with their replies; and the
    replies those members sent to others' calls."""
    members = list(_active_members(request.user).order_by("sort_name"))
    if not members:
        raise Http404
    return render(
        request,
        "collaboration/portal/calls.html",
        {
            "members": members,
            "calls": Call.objects.filter(member__in=members).for_portal(),
            "replies": Reply.objects.sent_by_member_of(request.user),
        },
    )


@never_cache
@login_required
def call_form(request, slug, pk=None):
    """A representative of an active member posts a call, published at once, or changes
    it while it is open."""
    member = get_object_or_404(_active_members(request.user), slug=slug)
    call = get_object_or_404(Call, pk=pk, member=member) if pk else None
    if call and not call.is_open:
        messages.info(request, _("This call is closed: it cannot be changed any more."))
        return redirect("collaboration:portal")
    form = MemberCallForm(request.POST or None, request.FILES or None, instance=call)
    if request.method == "POST" and form.is_valid():
        posted = form.save(commit=False)
        if call is None:
            posted.member = member
            posted.posted_by = request.user
        with transaction.atomic():  # the call and its topics, or nothing
            posted.save()
            form.save_m2m()
            if call is None:
                posted.tell_editors()
        if call is None:
            messages.success(request, _("Your call is published."))
        else:
            messages.success(request, _("Your changes are saved."))
        return redirect(posted)
    return render(
        request,
        "collaboration/portal/call_form.html",
        {"member": member, "form": form, "call": call},
    )


@never_cache
@login_required
def replies(request, slug, pk):
    """The replies to a call, for its poster's representatives only, with the form to
    mark it filled."""
    call = _own_call(request, slug, pk)
    return render(
        request,
        "collaboration/portal/replies.html",
        {
            "call": call,
            "replies": call.replies.select_related("member__category", "sent_by"),
            "form": FilledForm(),
        },
    )


@login_required
@require_POST
def mark_filled(request, slug, pk):
    """The poster marks the call filled; everyone who replied is thanked, once."""
    call = _own_call(request, slug, pk)
    form = FilledForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "collaboration/portal/replies.html",
            {
                "call": call,
                "replies": call.replies.select_related("member__category", "sent_by"),
                "form": form,
            },
        )
    if call.mark_filled(by=request.user, thanks=form.cleaned_data["thanks"]):
        messages.success(
            request, _("The call is marked filled. Everyone who replied is thanked by email.")
        )
    else:
        messages.info(request, _("This call was marked filled already."))
    return redirect("collaboration:replies", slug, pk)
