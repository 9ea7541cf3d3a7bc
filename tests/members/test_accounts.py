import re
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.sites.models import Site
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import override

from members.models import Invitation, User
from tests.factories import PASSWORD, UserFactory
from tests.read import link_in, totp_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(relais, django_capture_on_commit_callbacks):
    """Invite someone to represent Relais Lyon, sending the email as a commit would."""

    def invite(email="camille@example.org", language="en"):
        with django_capture_on_commit_callbacks(execute=True):
            return Invitation.objects.invite(
                relais,
                email=email,
                first_name="Camille",
                last_name="Martin",
                language=language,
                invited_by=None,
            )

    return invite


def test_invitation_email_is_in_the_persons_language_with_a_link(invite, mailoutbox):
    invite(language="fr")

    (message,) = mailoutbox
    assert message.to == ["camille@example.org"]
    assert message.subject == (
        "[Children of Prisoners Europe] Invitation à représenter Relais Lyon"
    )
    assert "/fr/comptes/invitation/" in message.body
    assert "Choisissez votre mot de passe ici" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_nothing_changes_for_the_invited_person_until_they_accept(invite, relais):
    invite()

    assert not User.objects.filter(email="camille@example.org").exists()
    assert not relais.representatives.exists()


def test_invited_person_sets_a_password_and_can_then_sign_in(client, invite, relais, mailoutbox):
    invite()
    link = "/" + link_in(mailoutbox[0])

    response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    assert response.status_code == 302
    assert relais.representatives.get().email == "camille@example.org"
    person = User.objects.get(email="camille@example.org")
    assert (person.first_name, person.last_name, person.language) == ("Camille", "Martin", "en")
    signed_in = client.post(
        "/en/accounts/login/", {"login": "camille@example.org", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    assert client.get("/en/portal/").status_code == 200
    assert "Relais Lyon" in client.get("/en/portal/").text


def test_invitation_works_only_once(client, invite, mailoutbox):
    invite("c@example.org")
    link = "/" + link_in(mailoutbox[0])
    client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    again = client.get(link)

    assert again.status_code == 404
    assert "already been used" in again.text


def test_tampered_invitation_is_refused(client, invite):
    token = invite("c@example.org").token()

    response = client.post(
        f"/en/accounts/invitation/{token[:-2]}xx/",
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
    )

    assert response.status_code == 404
    assert not User.objects.filter(email="c@example.org").exists()


def test_expired_invitation_is_refused(client, invite, settings):
    token = invite("c@example.org").token()
    settings.INVITATION_MAX_AGE_DAYS = -1  # as if the fortnight had passed

    response = client.get(f"/en/accounts/invitation/{token}/")

    assert response.status_code == 410
    assert "expired" in response.text


def test_a_withdrawn_invitation_is_refused(client, invite):
    invitation = invite("c@example.org")
    token = invitation.token()
    invitation.delete()

    response = client.get(f"/en/accounts/invitation/{token}/")

    assert response.status_code == 404


def test_an_account_is_invited_to_sign_in_and_accept(client, invite, relais, mailoutbox):
    known = UserFactory(email="known@example.org", first_name="Dominique", last_name="Known")

    invite("known@example.org")
    link = "/" + link_in(mailoutbox[0])

    assert mailoutbox[0].subject.endswith("You are invited to represent Relais Lyon")
    assert "Sign in with your usual email address and password" in mailoutbox[0].body
    assert not relais.representatives.exists()
    signed_out = client.post(link)
    assert "Sign in with this address to accept the invitation." in signed_out.text
    assert not relais.representatives.exists()
    client.force_login(known)
    assert "Accept the invitation" in client.get(link).text
    accepted = client.post(link)
    assert accepted.status_code == 302
    assert accepted["Location"] == "/en/portal/"
    assert list(relais.representatives.all()) == [known]
    assert User.objects.get(pk=known.pk).first_name == "Dominique"  # not the inviter's name
    assert client.get(link).status_code == 404  # used


def test_another_account_cannot_accept_an_invitation(client, invite, relais, mailoutbox):
    UserFactory(email="known@example.org")
    invite("known@example.org")
    link = "/" + link_in(mailoutbox[0])
    client.force_login(UserFactory(email="intruder@example.org"))

    response = client.post(link)

    assert "You are signed in as intruder@example.org" in response.text
    assert not relais.representatives.exists()


def test_an_account_with_a_password_cannot_be_given_another_by_the_link(client, invite, mailoutbox):
    UserFactory(email="known@example.org")
    invite("known@example.org")
    link = "/" + link_in(mailoutbox[0])

    client.post(
        link, {"new_password1": "hijacked-passphrase", "new_password2": "hijacked-passphrase"}
    )

    assert User.objects.get(email="known@example.org").check_password(PASSWORD)


def test_an_account_without_a_password_chooses_one_and_accepts(client, invite, relais, mailoutbox):
    old = User.objects.create_user("old", "old@example.org")  # invited before acceptance
    invite("old@example.org")
    link = "/" + link_in(mailoutbox[0])

    client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    assert User.objects.get(pk=old.pk).check_password(PASSWORD)
    assert list(relais.representatives.all()) == [old]


def test_inviting_again_renews_the_pending_invitation(invite, mailoutbox):
    invite("c@example.org")
    invite("C@example.org", language="fr")

    (invitation,) = Invitation.objects.all()
    assert invitation.language == "fr"
    assert len(mailoutbox) == 2


def test_nobody_can_sign_up(client):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert not User.objects.filter(email="new@example.org").exists()
    assert "Sign Up Closed" in response.text or response.status_code == 200


def test_unverified_address_cannot_sign_in_and_gets_a_verification_email(client, mailoutbox):
    UserFactory(email="unverified@example.org", verified=False)

    response = client.post(
        "/en/accounts/login/", {"login": "unverified@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert client.get("/en/portal/").status_code == 302
    assert "Confirm" in mailoutbox[0].subject


def test_the_verification_email_names_the_site(client, mailoutbox, settings):
    Site.objects.filter(pk=settings.SITE_ID).update(domain="network.example.org")
    UserFactory(email="unverified@example.org", verified=False)

    client.post("/en/accounts/login/", {"login": "unverified@example.org", "password": PASSWORD})

    assert "register an account on network.example.org." in mailoutbox[0].body


def test_password_reset_by_email(client, mailoutbox):
    UserFactory(email="forgetful@example.org")

    client.post("/en/accounts/password/reset/", {"email": "forgetful@example.org"})
    link = "/" + link_in(mailoutbox[0])
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "another-long-passphrase", "password2": "another-long-passphrase"},
    )

    assert client.login(username="forgetful", password="another-long-passphrase")


def test_password_reset_does_not_reveal_whether_an_address_exists(client, mailoutbox):
    known = client.post("/en/accounts/password/reset/", {"email": "forgetful@example.org"})
    UserFactory(email="forgetful@example.org")
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_failed_sign_ins_are_rate_limited(client):
    UserFactory(email="target@example.org")
    for _ in range(10):
        client.post("/en/accounts/login/", {"login": "target@example.org", "password": "wrong"})

    response = client.post(
        "/en/accounts/login/", {"login": "target@example.org", "password": PASSWORD}
    )

    assert response.status_code in (200, 429)
    assert client.get("/en/portal/").status_code == 302  # still not signed in


def test_admin_is_refused_to_someone_who_is_not_staff(client):
    UserFactory(email="rep@example.org")
    client.post("/en/accounts/login/", {"login": "rep@example.org", "password": PASSWORD})

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403


def test_admin_sign_in_goes_through_the_sites_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    login = client.get(response["Location"])
    assert login.status_code == 302
    assert "/accounts/login/" in login["Location"]


def test_staff_set_up_a_second_factor_and_sign_in_with_a_code(client):
    UserFactory(email="staff@example.org", is_staff=True)
    client.post("/en/accounts/login/", {"login": "staff@example.org", "password": PASSWORD})

    # Setting up a second factor asks for the password again.
    client.post(
        "/en/accounts/reauthenticate/?next=/en/accounts/2fa/totp/activate/",
        {"password": PASSWORD},
    )
    page = client.get("/en/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    client.post("/en/accounts/2fa/totp/activate/", {"code": totp_now(secret)})
    assert Authenticator.objects.filter(type="totp").exists()

    client.post("/en/accounts/logout/")
    step = client.post("/en/accounts/login/", {"login": "staff@example.org", "password": PASSWORD})
    assert step["Location"] == "/en/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not yet
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_now(secret)})
    assert client.get("/admin/").status_code == 200


def test_staff_without_a_second_factor_are_asked_to_set_one_up(client):
    UserFactory(email="staff@example.org", is_staff=True)
    client.post("/en/accounts/login/", {"login": "staff@example.org", "password": PASSWORD})

    response = client.get("/admin/")

    assert "no second factor yet" in response.text


@override_settings(STAFF_REQUIRE_MFA=True)
def test_a_setting_closes_the_admin_to_staff_without_a_second_factor(client):
    UserFactory(email="staff@example.org", is_staff=True)
    client.post("/en/accounts/login/", {"login": "staff@example.org", "password": PASSWORD})

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"


def test_invitation_link_lasts_two_weeks(settings):
    assert timedelta(days=settings.INVITATION_MAX_AGE_DAYS) == timedelta(days=14)


def test_account_emails_name_the_network_in_the_persons_language(client, mailoutbox):
    UserFactory(email="forgetful@example.org")

    client.post("/fr/comptes/password/reset/", {"email": "forgetful@example.org"})

    (message,) = mailoutbox
    assert message.subject.startswith("[Children of Prisoners Europe] ")
    assert "Bonjour, ce message vous est envoyé par Children of Prisoners Europe." in message.body
    assert "example.com" not in message.body


def test_password_rules_are_a_list_under_the_label_not_inside_a_paragraph(client):
    client.force_login(UserFactory())

    html = client.get("/en/accounts/password/change/").text

    # A list inside <p> is invalid HTML: the browser would close the paragraph before it.
    assert re.search(r'<div class="hint" id="id_password1_helptext"><ul>', html)
    assert not re.search(r"<p\b[^>]*>(?:(?!</p>).)*<ul", html, re.DOTALL)


def test_password_reset_sends_nothing_to_an_address_without_an_account(client, mailoutbox):
    UserFactory(email="forgetful@example.org")
    known = client.post("/en/accounts/password/reset/", {"email": "forgetful@example.org"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})

    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mailoutbox] == [["forgetful@example.org"]]
    assert client.get(unknown["Location"]).text == client.get(known["Location"]).text


@pytest.mark.parametrize("email", ["forgetful@example.org", "nobody@example.org"])
def test_an_address_receives_at_most_three_password_resets_a_day_whoever_asks(
    client, mailoutbox, email
):
    """Asked from four visitors' addresses: the fourth is refused, for an address with an
    account as for one without, so the refusal reveals nothing."""
    UserFactory(email="forgetful@example.org")
    responses = [
        client.post("/en/accounts/password/reset/", {"email": email}, REMOTE_ADDR=f"198.51.100.{n}")
        for n in range(4)
    ]

    assert [r.status_code for r in responses] == [302, 302, 302, 429]
    assert "Too many attempts" in responses[3].text
    assert len(mailoutbox) == (3 if email == "forgetful@example.org" else 0)


def test_the_refusal_is_the_sites_page_in_the_visitors_language(client):
    for _ in range(3):
        client.post("/fr/comptes/password/reset/", {"email": "nobody@example.org"})

    response = client.post("/fr/comptes/password/reset/", {"email": "nobody@example.org"})

    assert response.status_code == 429
    assert '<html lang="fr"' in response.text
    assert "Trop de tentatives" in response.text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_sign_in_page_links_to_the_password_reset_once(client, language):
    """Under the password box (allauth's help text), not a second time beside the button."""
    with override(language):
        login, reset = reverse("account_login"), reverse("account_reset_password")
    text = client.get(login).text

    assert text.count(f'href="{reset}"') == 1
