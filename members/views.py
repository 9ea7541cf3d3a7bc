import reversion
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_countries import countries

from collaboration.models import Call
from cpe_network.lib.antispam import SendingLimit
from cpe_network.lib.listing import WORDS_CHIP, facet_options, filter_chips, result_count
from cpe_network.lib.uploads import pdf_download
from news.models import Event, Post
from pages import pagecache
from practices.models import Adaptation, Practice

from .accounts import staff_access_allowed
from .forms import (
    ApplicationForm,
    ContactDetailsForm,
    ContactPersonForm,
    DirectoryFilterForm,
    DocumentFilterForm,
    InviteForm,
    ProfileForm,
    SubscribeForm,
)
from .geo import map_context
from .models import (
    Affiliate,
    Application,
    Invitation,
    InvitationError,
    InvitationExpired,
    Member,
    MemberDocument,
    MembershipCategory,
    Topic,
    User,
    is_member,
    sort_key,
    unsubscribe_address,
)

PER_PAGE = 20
# How many of its practices, and of those it adapted, a member's page shows.
MEMBER_PRACTICES = 6


def directory(request):
    categories = list(MembershipCategory.objects.filter(listed=True))
    topics = list(Topic.objects.all())
    form = DirectoryFilterForm(request.GET, categories=categories, topics=topics)
    filters = form.filters()
    listed = Member.objects.listed()
    counts = pagecache.remembered(
        "directory-counts", sorted(filters.items()), compute=lambda: listed.facet_counts(filters)
    )
    paginator = Paginator(listed.filter_by(filters).for_cards(), PER_PAGE)
    paginator.count = result_count(counts, filters)  # every member is of one kind
    page = paginator.get_page(request.GET.get("page"))
    facets = facet_options(form, filters, counts, by_name=("country", "topic"))
    no_support = filters.get("support") == "families" and not page.paginator.count
    chosen = filters.get("country", [])
    return render(
        request,
        "members/directory.html",
        {
            # A parent or carer who finds no family support where they live is pointed
            # to the members that help families across borders.
            "no_support": no_support,
            "no_support_country": countries.name(chosen[0]) if len(chosen) == 1 else "",
            "across_borders": (
                listed.filter(works_across_borders=True).order_by("sort_name") if no_support else []
            ),
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "filters": filters,
            "facets": facets,
            "chips": filter_chips(request, filters, facets, free=[WORDS_CHIP]),
        },
    )


def detail(request, slug):
    member = get_object_or_404(
        Member.objects.listed().select_related("category").prefetch_related("topics"),
        slug=slug,
    )
    posts = Post.objects.published().for_member(member)[:5]
    events = Event.objects.published().for_member(member).upcoming()[:5]
    if not events:
        events = Event.objects.published().for_member(member).past()[:3]
    adapted = (
        Adaptation.objects.public()
        .for_member(member)
        .select_related("practice")
        .order_by("-year", "-pk")[:MEMBER_PRACTICES]
    )
    practices = list(
        Practice.objects.published().for_member(member).with_total()[:MEMBER_PRACTICES]
    )
    # Its contact persons, for members only: a visitor's page (the one the page cache
    # keeps) never holds them.
    viewer_is_member = is_member(request.user)
    return render(
        request,
        "members/detail.html",
        {
            "member": member,
            "viewer_is_member": viewer_is_member,
            "contact_persons": list(member.contact_persons()) if viewer_is_member else [],
            "posts": posts,
            "events": events,
            "practices": practices,
            # All of them, in the practices' list, when the page shows only some.
            "practice_total": practices[0].total if practices else 0,
            # A practice adapted in two countries is shown once.
            "adapted": list(dict.fromkeys(adaptation.practice for adaptation in adapted)),
        },
    )


def membership(request):
    listed = Q(members__published=True, members__status=Member.Status.ACTIVE)
    categories = MembershipCategory.objects.annotate(member_count=Count("members", filter=listed))
    # Counted once while nothing changes (every member is read: 5 ms at 10,000).
    categories = pagecache.remembered("membership", compute=lambda: list(categories))
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


# The member portal: a representative sees and changes only their own organisations.


def _member_for_representative(request, slug):
    """The member `slug` if the signed-in person represents it; 404 for anyone else,
    so nothing is revealed about other members."""
    return get_object_or_404(
        Member.objects.represented_by(request.user).select_related("category"), slug=slug
    )


# How many open calls that match their work the portal shows a representative.
MATCHING_CALLS = 5


@login_required
def portal(request):
    members = (
        Member.objects.represented_by(request.user)
        .select_related("category")
        .prefetch_related(
            "topics",
            Prefetch("submitted_posts", queryset=Post.objects.order_by("-created_at")),
            Prefetch("submitted_events", queryset=Event.objects.order_by("-created_at")),
            Prefetch("submitted_practices", queryset=Practice.objects.order_by("-created_at")),
            Prefetch(
                "submitted_adaptations",
                queryset=Adaptation.objects.select_related("practice").order_by("-created_at"),
            ),
        )
        .order_by("sort_name")
    )
    return render(
        request,
        "members/portal/dashboard.html",
        {
            "members": members,
            "is_member": is_member(request.user),
            **_matching_calls(list(members)),
        },
    )


def _matching_calls(members):
    """The portal's "Calls that match your work", for a representative of an active
    member: other members' open calls on their topics or seeking their countries
    (Call.objects.matching), and the list of open calls filtered by their topics."""
    active = [member for member in members if member.status == Member.Status.ACTIVE]
    if not active:
        return {}
    calls = Call.objects.matching(active).exclude(member__in=[member.pk for member in members])
    slugs = sorted({topic.slug for member in active for topic in member.topics.all()})
    return {
        "matching_calls_shown": True,
        "matching_calls": list(calls[:MATCHING_CALLS]),
        "matching_calls_query": urlencode([("topic", slug) for slug in slugs]),
    }


# Members' documents: for representatives of active members (and staff), nobody else.


def _require_member(request):
    """404 for a signed-in person who is not a member: nothing says the page exists."""
    if not is_member(request.user):
        raise Http404


@never_cache
@login_required
def documents(request):
    _require_member(request)
    published = MemberDocument.objects.published()
    years = sorted(set(published.values_list("year", flat=True)), reverse=True)
    form = DocumentFilterForm(request.GET, years=years)
    filters = form.filters()
    paginator = Paginator(published.filter(**filters), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "members/portal/documents.html",
        {
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
            "form": form,
            "filters": filters,
            "categories": MemberDocument.Category.choices,
            "years": years,
        },
    )


@never_cache
@login_required
def document_file(request, pk):
    """A member's document, after the same check as the list: sent as a PDF download,
    sandboxed, never kept by a shared cache."""
    document = get_object_or_404(MemberDocument, pk=pk)
    if not document.is_visible_to(request.user, as_staff=staff_access_allowed(request)):
        raise Http404
    return pdf_download(document.file, document.download_name)


@never_cache
@login_required
def contact_person(request, slug, user_id):
    """A member writes to a contact person of another member (or of its own), relayed by
    email: 404 for anyone but a member, for anyone but a shown contact person of that
    listed member, and for oneself."""
    _require_member(request)
    member = get_object_or_404(Member.objects.listed(), slug=slug)
    person = get_object_or_404(member.contact_persons().exclude(pk=request.user.pk), pk=user_id)
    form = ContactPersonForm(
        request.POST or None, sender=request.user, recipient=person, member=member
    )
    if request.method == "POST" and form.is_valid():
        message = form.send()
        messages.success(
            request,
            _("Your message was sent to %(name)s. Their reply will come to %(address)s.")
            % {"name": person.get_full_name(), "address": message.reply_email},
        )
        return redirect(member)
    status = 429 if form.rate_limited else 200
    return render(
        request,
        "members/contact_person.html",
        {
            "member": member,
            "person": person,
            "form": form,
            "chooses_organisation": "sender_member" in form.fields,
        },
        status=status,
    )


@login_required
def contact_details(request):
    """A representative chooses whether other members see them as a contact person, and
    with which role and languages."""
    if not Member.objects.represented_by(request.user).exists():
        raise Http404
    form = ContactDetailsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your contact details are saved."))
        return redirect("members:portal")
    return render(request, "members/portal/contact_details.html", {"form": form})


@login_required
def edit_profile(request, slug):
    member = _member_for_representative(request, slug)
    member.keep_first_version()
    form = ProfileForm(request.POST or None, request.FILES or None, instance=member)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            with reversion.create_revision():
                form.save()
                reversion.set_user(request.user)
                reversion.set_comment(
                    _("Changed in the member portal: %(fields)s")
                    % {"fields": ", ".join(form.changes())}
                )
            messages.success(request, _("Your organisation’s profile is saved."))
        return redirect("members:portal")
    return render(request, "members/portal/profile.html", {"member": member, "form": form})


@login_required
@require_POST
def confirm_profile(request, slug):
    member = _member_for_representative(request, slug)
    member.confirm_profile()
    messages.success(request, _("Thank you: the profile is marked as up to date."))
    return redirect("members:portal")


@login_required
def representatives(request, slug):
    """The member's representatives, and its pending invitations by the invited address
    only: nobody is made a representative, nor learns an account's name, by inviting."""
    member = _member_for_representative(request, slug)
    form = InviteForm(request.POST or None, initial={"language": get_language()}, member=member)
    if request.method == "POST" and form.is_valid():
        messages.success(request, form.send(invited_by=request.user))
        return redirect("members:representatives", slug=member.slug)
    return render(
        request,
        "members/portal/representatives.html",
        {
            "member": member,
            "form": form,
            "people": member.representatives.order_by("email"),
            "invitations": member.invitations.pending(),
        },
    )


@login_required
@require_POST
def remove_representative(request, slug, user_id):
    member = _member_for_representative(request, slug)
    person = get_object_or_404(member.representatives, pk=user_id)
    if person == request.user:
        messages.error(request, _("You cannot remove yourself; ask a colleague or the network."))
    else:
        member.representatives.remove(person)
        messages.success(
            request,
            _("%(email)s no longer represents %(member)s.")
            % {"email": person.email, "member": member.name},
        )
    return redirect("members:representatives", slug=member.slug)


@login_required
@require_POST
def withdraw_invitation(request, slug, pk):
    member = _member_for_representative(request, slug)
    invitation = get_object_or_404(member.invitations.pending(), pk=pk)
    invitation.delete()
    messages.success(
        request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email}
    )
    return redirect("members:representatives", slug=member.slug)


@never_cache
def invitation(request, token):
    """The link in an invitation. A new person chooses a password, which accepts it; a
    person with an account signs in, as that account, and accepts."""
    try:
        invitation = Invitation.from_token(token)
    except InvitationExpired:
        return render(request, "members/invitation_invalid.html", {"expired": True}, status=410)
    except InvitationError:
        return render(request, "members/invitation_invalid.html", status=404)
    if not invitation.needs_password:
        return _accept_signed_in(request, invitation)
    person = invitation.account() or User(
        email=invitation.email, first_name=invitation.first_name, last_name=invitation.last_name
    )
    form = SetPasswordForm(person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accepted = invitation.accept_with_password(form.cleaned_data["new_password1"])
        except InvitationError:  # the address got an account meanwhile: sign in to accept
            return redirect(request.path)
        if accepted is None:  # accepted or withdrawn meanwhile
            return render(request, "members/invitation_invalid.html", status=404)
        messages.success(
            request,
            _("Your password is set and you represent %(member)s. Sign in with your email address.")
            % {"member": invitation.member.name},
        )
        return redirect("account_login")
    return render(request, "members/invitation.html", {"form": form, "invitation": invitation})


def _accept_signed_in(request, invitation):
    user = request.user
    if not user.is_authenticated or user.email.lower() != invitation.email.lower():
        # Signed out, or signed in as someone else: sign in as the invited address.
        return render(request, "members/invitation_accept.html", {"invitation": invitation})
    if request.method == "POST":
        if not invitation.accept(user):  # withdrawn meanwhile
            return render(request, "members/invitation_invalid.html", status=404)
        messages.success(
            request, _("You now represent %(member)s.") % {"member": invitation.member.name}
        )
        return redirect("members:portal")
    return render(request, "members/invitation_accept.html", {"invitation": invitation})


# Joining: the application form and the affiliates' subscription.


def join(request):
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if not form.fields["category"].queryset.exists():
        # No category takes applications (staff closed them, or set-up is not done).
        return render(request, "members/join.html", {"closed": True})
    if request.method == "POST":
        valid = form.is_valid_within(SendingLimit(request, "join"))
        if form.is_robot:  # dropped silently: nothing stored, nobody told
            return redirect("members:join_thanks")
        if form.already_sent:  # a second click: the first one's page
            if form.first_result:
                request.session["application_token"] = form.first_result
            return redirect("members:join_thanks")
        if valid:
            with form.sending() as sent, transaction.atomic():
                application = form.save()
                application.send_acknowledgements()
                sent.result = application.token
            request.session["application_token"] = application.token
            return redirect("members:join_thanks")
    status = 429 if form.rate_limited else 200
    return render(request, "members/join.html", {"form": form}, status=status)


@never_cache
def join_thanks(request):
    token = request.session.get("application_token")
    application = Application.objects.filter(token=token).first() if token else None
    return render(request, "members/join_thanks.html", {"application": application})


@never_cache
def application_status(request, token):
    application = get_object_or_404(Application.objects.select_related("category"), token=token)
    return render(request, "members/application_status.html", {"application": application})


def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST":
        valid = form.is_valid_within(SendingLimit(request, "subscribe"))
        if form.is_robot or form.already_sent:  # dropped silently; a second click
            return redirect("members:subscribe_thanks")
        if valid:
            with form.sending():
                Affiliate.objects.subscribe(form.cleaned_data["email"], form.save(commit=False))
            return redirect("members:subscribe_thanks")
    status = 429 if form.rate_limited else 200
    return render(request, "members/subscribe.html", {"form": form}, status=status)


def subscribe_thanks(request):
    return render(request, "members/subscribe_thanks.html")


@never_cache
def confirm_subscription(request, token):
    affiliate = Affiliate.from_token(token, "confirm")
    if affiliate is None:
        return render(request, "members/link_invalid.html", status=404)
    if request.method == "POST":
        affiliate.confirm()
        return render(request, "members/subscription_confirmed.html", {"affiliate": affiliate})
    return render(request, "members/subscription_confirm.html", {"affiliate": affiliate})


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    """The link in every email to affiliates and in the digest to representatives: one
    button, no sign-in. A GET changes nothing, so mail scanners that open links cannot
    unsubscribe anyone; mail programs that offer one-click unsubscribe (RFC 8058) POST
    here from outside the site, so there is no CSRF token: the signed token is the proof."""
    subscriber = Affiliate.from_token(token, "unsubscribe") or User.from_unsubscribe_token(token)
    if subscriber is None:
        return render(request, "members/link_invalid.html", status=404)
    if request.method == "POST":
        unsubscribe_address(subscriber.email)
        return render(request, "members/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "members/unsubscribe.html", {"subscriber": subscriber})
