"""Bad input at scale: random and hostile values (tests/fuzz_strategies.py) sent to every
list's query string and posted to every public and portal form. Whatever comes, no page
answers 500, no NUL reaches the database (PostgreSQL refuses it), and a form either
stores its whole sending (and says so with its redirect) or stores nothing: no row, no
file, no change to the row it edits.

A fixed budget of examples, the same ones at every run (derandomize), so CI is
repeatable and quick; FUZZ_EXAMPLES=500 tries many more (see the README)."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from collaboration.models import Call, Reply
from members.models import Affiliate, Application, Invitation, Member, MemberMessage, User
from news.models import Event, Post
from pages.models import ContactMessage
from pages.sitemaps import SITEMAPS
from practices.models import Adaptation, Practice

from . import fuzz_strategies as fuzz
from .factories import (
    PASSWORD,
    CallFactory,
    CategoryFactory,
    ContactPersonFactory,
    EventFactory,
    InvitationFactory,
    MemberDocumentFactory,
    MemberFactory,
    PostFactory,
    PracticeFactory,
    TopicFactory,
    UserFactory,
)
from .forms import (
    adaptation_data,
    application_data,
    call_data,
    contact_data,
    event_data,
    post_data,
    practice_data,
    profile_data,
    subscription_data,
)

pytestmark = pytest.mark.django_db

# Examples per form and per list: about a minute in all on this machine (see the README).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))


def budget():
    """The same examples at every run, however long each takes; the fixtures (the
    site's rows, a signed-in client) are made once per test, and each example starts
    afresh where it matters (`send` clears the cache)."""
    return hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


# What is stored: every table's row count, and the files of the uploads' folders (not
# those held for a form sent back with errors: that is their purpose, and
# `delete_held_uploads` removes them).


def table_counts():
    """{table: rows} for every table of the site but the sessions', in one query."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model is not Session and model._meta.managed
        }
    )
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def stored_files():
    found = set()
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)):
        for path in root.rglob("*") if root.exists() else ():
            if path.is_file() and path.relative_to(root).parts[0] != "held":
                found.add(path)
    return found


def added_rows(before, after):
    return {table: after[table] - count for table, count in before.items() if after[table] != count}


class NoNulInTheDatabase:
    """Every parameter sent to the database during a request: none may hold a NUL."""

    def __call__(self, execute, sql, params, many, context):
        for row in (params or []) if many else [params or []]:
            for value in row:
                assert not (isinstance(value, str) and "\x00" in value), (sql, value)
        return execute(sql, params, many, context)


def send(client, method, url, data=None, **extra):
    """The request, with the NUL check; `cache.clear()` first, so that the page cache,
    the forms' one-time tokens and the sending limits start afresh at every example,
    and the form's own checks are what answers."""
    cache.clear()
    with connection.execute_wrapper(NoNulInTheDatabase()):
        response = getattr(client, method)(url, data, **extra)
    assert response.status_code < 500, url
    return response


# The site's content: a little of everything the lists show and the forms refer to.


@pytest.fixture
def site(db, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["secretariat@example.org"]
    topics = [TopicFactory(slug="visits"), TopicFactory(slug="schools")]
    category = CategoryFactory()
    relais = MemberFactory(name="Relais Lyon", slug="relais-lyon", topics=topics[:1])
    rep = UserFactory(email="rep@example.org", first_name="Camille", password=None)
    relais.representatives.add(rep)
    berlin = MemberFactory(name="Kinder Berlin", slug="kinder-berlin", country="DE")
    contact = ContactPersonFactory(email="sophie@example.org")
    berlin.representatives.add(contact)
    post, event = PostFactory(), EventFactory()
    EventFactory(start=timezone.now() - timedelta(days=30))
    practice = PracticeFactory(slug="family-visits", submitted_by=berlin)
    for item in (post, event, practice):
        item.members.add(berlin)
        item.topics.set(topics)
    call = CallFactory(member=berlin, slug="partners", topics=topics)
    MemberDocumentFactory()
    return {
        "topics": topics,
        "category": category,
        "relais": relais,
        "rep": rep,
        "berlin": berlin,
        "contact": contact,
        "practice": practice,
        "call": call,
    }


@pytest.fixture
def rep_client(client, site):
    """Signed in as Relais Lyon's representative, Camille."""
    client.force_login(site["rep"])
    return client


# Lists: every query parameter, each with some valid values.

PAGE = ["1", "2", "last", "0", "-1", "999999"]
COUNTRIES = ["FR", "DE", "PT", "XX", "fr"]
TOPICS = ["visits", "schools", "nothing"]
WORDS = ["visits", "famille", "prison visits"]
LISTS = {
    "members:directory": {
        "q": WORDS,
        "country": COUNTRIES,
        "category": ["member-organisation"],
        "topic": TOPICS,
        "kind": ["organisation", "individual"],
        "setting": ["prison", "community", "both"],
        "support": ["families"],
        "page": PAGE,
    },
    "members:map": {},
    "members:documents": {
        "category": ["annual-report", "template"],
        "year": ["2024", "2025"],
        "page": PAGE,
    },
    "news:list": {
        "q": WORDS,
        "topic": TOPICS,
        "country": COUNTRIES,
        "member": ["kinder-berlin"],
        "page": PAGE,
    },
    "news:events": {
        "when": ["past", "upcoming"],
        "q": WORDS,
        "topic": TOPICS,
        "country": COUNTRIES,
        "member": ["kinder-berlin"],
        "page": PAGE,
    },
    "news:feed": {},
    "news:calendar": {},
    "practices:list": {
        "q": WORDS,
        "kind": ["programme", "research"],
        "country": COUNTRIES,
        "topic": TOPICS,
        "age": ["0-5", "12-17"],
        "setting": ["prison", "school"],
        "rating": ["promising", "not-evaluated"],
        "adapted": ["yes"],
        "reach": ["several"],
        "member": ["kinder-berlin", "relais-lyon"],
        "sort": ["newest", "title", "evidence"],
        "from": ["2010", "1900"],
        "to": ["2030", "2100"],
        "page": PAGE,
    },
    "practices:export_csv": {"q": WORDS, "topic": TOPICS, "sort": ["title"], "from": ["2010"]},
    "practices:export_json": {"q": WORDS, "kind": ["programme"], "sort": ["evidence"]},
    "practices:evidence": {},
    "collaboration:list": {
        "q": WORDS,
        "kind": ["partners", "research"],
        "topic": TOPICS,
        "country": COUNTRIES,
        "language": ["en", "fr", "de"],
        "soon": ["yes"],
        "page": PAGE,
    },
    "collaboration:archive": {"q": WORDS, "kind": ["partners"], "topic": TOPICS, "page": PAGE},
    "search": {"q": WORDS, "page": PAGE},
    "home": {},
    "account_login": {"next": ["/en/portal/", "//evil.example/", "https://evil.example/"]},
}
# Addresses outside the languages' prefixes.
PLAIN = {
    "sitemap": {"p": ["1", "2", "02", "0", "9" * 7]},
    **{
        f"sitemap-{name}": {"p": ["1", "2", "02", "0", "9" * 7]}
        for name in SITEMAPS  # the section's files
    },
    "choose_language": {"next": ["/fr/membres/", "/en/", "//evil.example/", "/fr/\x00"]},
}


def _list_url(name, language):
    if name.startswith("sitemap-"):
        return reverse("sitemap_section", args=[name.removeprefix("sitemap-")])
    if name == "choose_language":
        return reverse("choose_language", args=[language])
    with override(language):
        return reverse(name)


@pytest.mark.parametrize("name", [*LISTS, *PLAIN])
@budget()
@given(data=st.data())
def test_no_query_string_breaks_a_list(client, site, name, data):
    """Random and hostile parameters, repeated, unknown, in invalid UTF-8, to every
    list, in each language, for a visitor and for a member (who sees more)."""
    language = data.draw(st.sampled_from(["en", "fr"]), label="language")
    if data.draw(st.booleans(), label="signed in") or name == "members:documents":
        client.force_login(site["rep"])
    else:
        client.logout()
    query = data.draw(fuzz.query_string({**LISTS, **PLAIN}[name]), label="query")

    response = send(client, "get", _list_url(name, language), QUERY_STRING=query)

    # 400: an address too large or with too many fields, refused with the site's page.
    assert response.status_code in {200, 301, 302, 400, 404}


def fuzzed(changes):
    """A form's test, given `changes` to its valid sending: first none (the valid
    sending, which must succeed), then the budget's worth of random ones."""

    def decorate(test):
        return budget()(example(changes=fuzz.UNCHANGED)(given(changes=changes)(test)))

    return decorate


# Forms. `check_post` sends a form and checks what it stored: on its success redirect,
# `on_success` checks the sending is stored whole; on anything else, nothing changed.


def check_post(client, url, data, changes, *, success, on_success, watched=lambda: None):
    """Post `data`; `success`: the address of the redirect that says it was stored (or
    a test of the address); `on_success(added rows, added files)`; `watched`: the state
    of the row the form edits, which must not change unless the form succeeds. The
    valid sending, without `changes`, must succeed."""
    before, files, state = table_counts(), stored_files(), watched()

    response = send(client, "post", url, data)

    rows, new_files = added_rows(before, table_counts()), stored_files() - files
    location = response.get("Location") if response.status_code == 302 else None
    succeeded = location is not None and (
        success(location) if callable(success) else location == success
    )
    if succeeded:
        on_success(rows, new_files)
    else:
        assert changes != fuzz.UNCHANGED, f"the valid sending is refused: {response.status_code}"
        assert response.status_code in {200, 400, 403, 404, 413, 429}
        assert not rows, f"refused ({response.status_code}), yet stored: {rows}"
        assert not new_files
        assert watched() == state
    return response


def _table(model):
    return model._meta.db_table


def _robot(data):
    """Whether the honeypot is filled in, as the view reads it (the last value sent)."""
    given = data.get("nickname")
    return bool(given[-1] if isinstance(given, list) and given else given)


# Public forms.


@fuzzed(
    fuzz.form_changes(
        [*application_data(CategoryFactory.build()), "extra"],
        files=["annual_report_1", "annual_report_2", "reference_letter"],
        choices={"country": ["BE", "FR", "ZZ"], "language": ["en", "fr", "de"], "consent": ["on"]},
    )
)
def test_join(client, site, changes):
    data = fuzz.applied(application_data(site["category"]), changes)

    def stored(rows, files):
        if _robot(data):  # dropped silently: nothing stored
            assert not rows and not files
            return
        assert rows[_table(Application)] == 1
        application = Application.objects.latest("pk")
        for name in Application.DOCUMENTS:
            assert getattr(application, name).read().startswith(b"%PDF-")
        assert len(files) == 3
        assert application.organisation and application.contact_email

    with override("en"):
        url, thanks = reverse("members:join"), reverse("members:join_thanks")
    check_post(client, url, data, changes, success=thanks, on_success=stored)


@fuzzed(
    fuzz.form_changes(
        [*contact_data(), "extra"], choices={"kind": ["family", "professional", "other"]}
    )
)
def test_contact(client, site, changes):
    data = fuzz.applied(contact_data(), changes)

    def stored(rows, files):
        if _robot(data):
            assert not rows
            return
        assert rows[_table(ContactMessage)] == 1
        message = ContactMessage.objects.latest("pk")
        assert message.subject and message.message

    with override("fr"):
        url, thanks = reverse("contact"), reverse("contact_thanks")
    check_post(client, url, data, changes, success=thanks, on_success=stored)


@fuzzed(
    fuzz.form_changes(
        [*subscription_data(), "extra"],
        choices={"country": ["IE", "FR", ""], "language": ["en", "fr"], "consent": ["on"]},
    )
)
def test_subscribe(client, site, changes):
    data = fuzz.applied(subscription_data(), changes)
    Affiliate.objects.all().delete()

    def stored(rows, files):
        if _robot(data):
            assert not rows
            return
        assert rows[_table(Affiliate)] == 1
        affiliate = Affiliate.objects.get()
        assert affiliate.email and affiliate.name

    with override("en"):
        url, thanks = reverse("members:subscribe"), reverse("members:subscribe_thanks")
    check_post(client, url, data, changes, success=thanks, on_success=stored)


@fuzzed(
    fuzz.form_changes(
        ["login", "password", "remember", "next"],
        choices={
            "login": ["sophie@example.org"],
            "password": [PASSWORD],
            "next": ["/en/portal/", "//evil.example/"],
        },
    )
)
def test_sign_in(client, site, changes):
    """Signing in, with allauth's own limits on failed attempts cleared at each try:
    a session, or nothing stored."""
    client.logout()
    data = fuzz.applied({"login": "sophie@example.org", "password": PASSWORD}, changes)
    with override("en"):
        url = reverse("account_login")
    before = table_counts()

    response = send(client, "post", url, data)

    assert response.status_code in {200, 302, 400, 429}
    assert response.status_code == 302 or changes != fuzz.UNCHANGED
    assert not added_rows(before, table_counts())


@fuzzed(fuzz.form_changes(["email"], choices={"email": ["rep@example.org"]}))
def test_password_reset(client, site, changes):
    client.logout()
    data = fuzz.applied({"email": "rep@example.org"}, changes)
    with override("fr"):
        url, done = reverse("account_reset_password"), reverse("account_reset_password_done")

    check_post(client, url, data, changes, success=done, on_success=lambda rows, files: None)


@fuzzed(fuzz.form_changes(["new_password1", "new_password2"]))
def test_accepting_an_invitation(client, site, changes):
    """A new person chooses a password: an account, which represents the member, or
    nothing."""
    client.logout()
    invitation = InvitationFactory(member=site["relais"], email="new@example.org")
    password = "a-long-and-unusual-passphrase"
    data = fuzz.applied({"new_password1": password, "new_password2": password}, changes)

    def stored(rows, files):
        person = User.objects.get(email="new@example.org")
        assert site["relais"].representatives.filter(pk=person.pk).exists()
        person.delete()

    with override("en"):
        url, login = invitation.get_absolute_url(), reverse("account_login")
    check_post(client, url, data, changes, success=login, on_success=stored)
    Invitation.objects.all().delete()


@fuzzed(fuzz.form_changes(["oldpassword", "password1", "password2"]))
def test_changing_a_password(client, site, changes):
    """A signed-in person changes their password: the password, or nothing, changes."""
    contact = site["contact"]
    client.force_login(contact)
    new = "another-long-and-unusual-passphrase"
    data = fuzz.applied({"oldpassword": PASSWORD, "password1": new, "password2": new}, changes)

    def stored(rows, files):
        contact.refresh_from_db()
        assert contact.check_password(data["password1"])
        contact.set_password(PASSWORD)
        contact.save()

    with override("en"):
        url = reverse("account_change_password")
    check_post(
        client,
        url,
        data,
        changes,
        success=url,
        on_success=stored,
        watched=lambda: _row(contact),
    )


@fuzzed(
    fuzz.form_changes(
        ["email", "action_add", "action_primary", "action_remove", "action_send"],
        choices={"action_add": [""], "email": ["sophie@example.org", "other@example.org"]},
    )
)
def test_managing_email_addresses(client, site, changes):
    """Adding an address (or acting on one): the address waits for confirmation, or
    nothing is stored."""
    client.force_login(site["contact"])
    site["contact"].emailaddress_set.exclude(email="sophie@example.org").delete()
    data = fuzz.applied({"email": "new.address@example.org", "action_add": ""}, changes)
    with override("fr"):
        url = reverse("account_email")

    check_post(client, url, data, changes, success=url, on_success=lambda rows, files: None)


# Members writing to members.


@fuzzed(fuzz.form_changes(["message", "reply_email", "sender_member", "extra"]))
def test_message_to_a_contact_person(rep_client, site, changes):
    MemberMessage.objects.all().delete()  # the same message again would be a repeat
    data = fuzz.applied(
        {"message": "Would you join our project?", "reply_email": "rep@example.org"}, changes
    )
    berlin, contact = site["berlin"], site["contact"]

    def stored(rows, files):
        assert rows[_table(MemberMessage)] == 1
        message = MemberMessage.objects.latest("pk")
        assert message.message and message.reply_email and message.recipient == contact

    with override("en"):
        url = reverse("members:contact_person", args=[berlin.slug, contact.pk])
    check_post(rep_client, url, data, changes, success=berlin.get_absolute_url(), on_success=stored)


@fuzzed(fuzz.form_changes(["message", "email", "member", "extra"]))
def test_reply_to_a_call(rep_client, site, changes):
    Reply.objects.all().delete()
    call = site["call"]
    data = fuzz.applied({"message": "We run visits.", "email": "rep@example.org"}, changes)

    def stored(rows, files):
        assert rows[_table(Reply)] == 1
        reply = Reply.objects.get()
        assert reply.member == site["relais"] and reply.message and reply.email

    with override("fr"):
        url, page = reverse("collaboration:reply", args=[call.slug]), call.get_absolute_url()
    check_post(rep_client, url, data, changes, success=page, on_success=stored)


# The portal's forms.


def _row(instance, *names):
    """What the row holds now, with its many-to-many fields (`names`)."""
    instance.refresh_from_db()
    state = model_to_dict(instance)
    state.update(
        {name: sorted(getattr(instance, name).values_list("pk", flat=True)) for name in names}
    )
    return state


@fuzzed(
    fuzz.form_changes(
        [*profile_data(MemberFactory.build()), "topics", "logo", "logo-clear"],
        files=["logo"],
        choices={"topics": ["1", "2"], "latitude": ["45.7", "91"], "longitude": ["4.8", "-181"]},
    )
)
def test_member_profile(rep_client, site, changes):
    relais = site["relais"]
    with override("en"):
        url, portal = reverse("members:edit_profile", args=[relais.slug]), reverse("members:portal")
    rep_client.get(url)  # keeps the profile's first version, as the page always does
    # Each example starts from the profile as the factory made it (an example before
    # may have emptied the summary in one language: a NULL, which no form field sends).
    Member.objects.filter(pk=relais.pk).update(
        summary_en=MemberFactory.summary_en, summary_fr=MemberFactory.summary_fr
    )
    relais.refresh_from_db()
    data = fuzz.applied(profile_data(relais), changes)

    def stored(rows, files):
        relais.refresh_from_db()
        assert relais.summary_en or relais.summary_fr

    check_post(
        rep_client,
        url,
        data,
        changes,
        success=portal,
        on_success=stored,
        watched=lambda: _row(relais, "topics"),
    )


@fuzzed(
    fuzz.form_changes(
        ["shown_to_members", "first_name", "last_name", "role", "spoken_languages"],
        choices={"spoken_languages": ["en", "fr", "xx"], "shown_to_members": ["on"]},
    )
)
def test_contact_details(rep_client, site, changes):
    rep = site["rep"]
    data = fuzz.applied(
        {"shown_to_members": "on", "first_name": "Camille", "last_name": "Roux"}, changes
    )
    with override("en"):
        url, portal = reverse("members:contact_details"), reverse("members:portal")

    check_post(
        rep_client,
        url,
        data,
        changes,
        success=portal,
        on_success=lambda rows, files: None,
        watched=lambda: _row(rep, "groups"),
    )


@fuzzed(
    fuzz.form_changes(
        ["first_name", "last_name", "email", "language"], choices={"language": ["en", "fr"]}
    )
)
def test_inviting_a_representative(rep_client, site, changes):
    relais = site["relais"]
    data = fuzz.applied(
        {"first_name": "Léa", "last_name": "Morel", "email": "lea@example.org", "language": "fr"},
        changes,
    )

    def stored(rows, files):
        assert relais.invitations.pending().exists()

    with override("en"):
        url = reverse("members:representatives", args=[relais.slug])
    check_post(rep_client, url, data, changes, success=url, on_success=stored)


def _submitted(model, rows):
    assert rows[_table(model)] == 1
    item = model.objects.latest("pk")
    assert item.status == "submitted"
    assert item.submitted_by.slug == "relais-lyon"
    return item


@fuzzed(
    fuzz.form_changes(
        [*post_data(), "topics", "countries", "image"],
        files=["image"],
        choices={"topics": ["1", "2"], "countries": ["FR", "ZZ"]},
    )
)
def test_sending_news(rep_client, site, changes):
    data = fuzz.applied(post_data(), changes)

    def stored(rows, files):
        post = _submitted(Post, rows)
        assert post.title_en or post.title_fr

    with override("en"):
        url = reverse("news:submit_post", args=["relais-lyon"])
        portal = reverse("members:portal")
    check_post(rep_client, url, data, changes, success=portal, on_success=stored)


@fuzzed(
    fuzz.form_changes(
        [*event_data(), "topics", "image", "programme", "online", "registration_url"],
        files=["image", "programme"],
        choices={"time_zone": ["Europe/Paris", "Etc/GMT+12", "UTC", "Mars/Olympus"]},
    )
)
def test_sending_an_event(rep_client, site, changes):
    data = fuzz.applied(event_data(), changes)

    def stored(rows, files):
        event = _submitted(Event, rows)
        assert event.start <= event.end

    with override("en"):
        url = reverse("news:submit_event", args=["relais-lyon"])
        portal = reverse("members:portal")
    check_post(rep_client, url, data, changes, success=portal, on_success=stored)


@fuzzed(fuzz.form_changes([*post_data(), "topics"], choices={"topics": ["1", "2"]}))
def test_changing_sent_news(rep_client, site, changes):
    post = PostFactory(submitted_by=site["relais"], status="submitted")
    data = fuzz.applied(post_data(), changes)
    with override("en"):
        url = reverse("news:edit_post", args=["relais-lyon", post.pk])
        portal = reverse("members:portal")

    check_post(
        rep_client,
        url,
        data,
        changes,
        success=portal,
        on_success=lambda rows, files: None,
        watched=lambda: _row(post, "topics"),
    )


@fuzzed(
    fuzz.form_changes(
        [
            *practice_data(),
            "sources-0-title",
            "sources-0-year",
            "sources-0-url",
            "document",
            "image",
        ],
        files=["document", "image"],
        choices={
            "sources-TOTAL_FORMS": ["3", "0", "1001", "-1"],
            "sources-INITIAL_FORMS": ["0", "3"],
            "sources-0-year": ["2019", "1200"],
            "countries": ["PT", "ZZ"],
            "age_groups": ["0-5", "99"],
        },
    )
)
def test_sharing_a_practice(rep_client, site, changes):
    data = fuzz.applied(practice_data(), changes)

    def stored(rows, files):
        practice = _submitted(Practice, rows)
        assert practice.title_en or practice.title_fr

    with override("en"):
        url = reverse("practices:submit", args=["relais-lyon"])
        portal = reverse("members:portal")
    check_post(rep_client, url, data, changes, success=portal, on_success=stored)


@fuzzed(
    fuzz.form_changes(
        [*adaptation_data(), "sender"], choices={"country": ["PT", "FR", "ZZ"], "year": ["2024"]}
    )
)
def test_recording_an_adaptation(rep_client, site, changes):
    Adaptation.objects.all().delete()
    data = fuzz.applied(adaptation_data(), changes)

    def stored(rows, files):
        adaptation = _submitted(Adaptation, rows)
        assert adaptation.practice == site["practice"]

    with override("en"):
        url = reverse("practices:adapt", args=[site["practice"].slug])
        portal = reverse("members:portal")
    check_post(rep_client, url, data, changes, success=portal, on_success=stored)


@fuzzed(
    fuzz.form_changes(
        [*call_data(), "topics", "countries", "file"],
        files=["file"],
        choices={
            "kind": ["partners", "research"],
            "languages": ["en", "fr", "xx"],
            "is_public": ["True", "False"],
            "deadline": ["2031-01-01", "2020-01-01"],
        },
    )
)
def test_posting_a_call(rep_client, site, changes):
    data = fuzz.applied(call_data(), changes)
    before = set(Call.objects.values_list("pk", flat=True))

    def stored(rows, files):
        assert rows[_table(Call)] == 1
        call = Call.objects.exclude(pk__in=before).get()
        assert call.member == site["relais"] and call.posted_by == site["rep"]
        assert call.title_en or call.title_fr

    with override("en"):
        url = reverse("collaboration:new", args=["relais-lyon"])
        page = reverse("collaboration:list")
    check_post(
        rep_client, url, data, changes, success=lambda to: to.startswith(page), on_success=stored
    )


@fuzzed(
    fuzz.form_changes(
        [*call_data(), "topics", "countries", "file"],
        files=["file"],
        choices={"kind": ["research"], "languages": ["fr"], "is_public": ["False"]},
    )
)
def test_changing_a_call(rep_client, site, changes):
    """A call changed while it is open: all the changes, or none."""
    call = CallFactory(member=site["relais"], posted_by=site["rep"])
    data = fuzz.applied(call_data(), changes)
    with override("en"):
        url = reverse("collaboration:edit", args=["relais-lyon", call.pk])

    def stored(rows, files):
        call.refresh_from_db()
        assert call.title_en or call.title_fr

    with override("en"):
        page = reverse("collaboration:list")
    check_post(
        rep_client,
        url,
        data,
        changes,
        success=lambda to: to.startswith(page),
        on_success=stored,
        watched=lambda: _row(call, "topics"),
    )


@fuzzed(fuzz.form_changes(["thanks", "extra"]))
def test_marking_a_call_filled(rep_client, site, changes):
    call = CallFactory(member=site["relais"])
    data = fuzz.applied({"thanks": "We chose three partners."}, changes)

    def stored(rows, files):
        call.refresh_from_db()
        assert call.is_filled

    with override("en"):
        url = reverse("collaboration:filled", args=["relais-lyon", call.pk])
        replies = reverse("collaboration:replies", args=["relais-lyon", call.pk])
    check_post(
        rep_client,
        url,
        data,
        changes,
        success=replies,
        on_success=stored,
        watched=lambda: _row(call),
    )
