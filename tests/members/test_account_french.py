"""The account pages (/fr/comptes/…: sign in, sign out, password reset and change, the
second factor) speak the site's French, not allauth's: *courriel* and *adresse
électronique*, never "e-mail", the curly apostrophe, and no English left."""

import re
from html.parser import HTMLParser

import pytest
from allauth.mfa.models import Authenticator

from tests.factories import PASSWORD, UserFactory
from tests.read import link_in, totp_now

pytestmark = pytest.mark.django_db

ENGLISH = re.compile(r"\b(Sign|Password|Email|Forgot|Forgotten|Reset|Change|Confirm|Enter)\b")


class _VisibleText(HTMLParser):
    """What a reader sees or hears of a page's <title> and <main>: text, and the
    labels given in attributes (aria-label, title, placeholder, alt, a button's value)."""

    SKIP = {"script", "style", "svg"}
    LABELS = ("aria-label", "title", "placeholder", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.stack = []
        self.in_main = self.in_title = False
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        elif tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skipping += 1
        attrs = dict(attrs)
        if self.in_main and not self.skipping:
            self.parts += [attrs[name] for name in self.LABELS if attrs.get(name)]
            if tag in ("input", "button") and attrs.get("type") == "submit" and attrs.get("value"):
                self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif tag == "title":
            self.in_title = False
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if (self.in_main or self.in_title) and not self.skipping and data.strip():
            self.parts.append(data.strip())


def visible_text(html):
    parser = _VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def assert_french(text, where):
    """No "e-mail", no straight apostrophe and none of allauth's English words."""
    assert text.strip(), f"{where}: nothing to read"
    assert not re.search(r"e-?mail", re.sub(r"\S+@\S+", "", text), re.I), (
        f"{where} says e-mail:\n{text}"
    )
    assert "'" not in text, f"{where} has a straight apostrophe:\n{text}"
    assert not ENGLISH.search(text), f"{where} has English ({ENGLISH.search(text)[0]}):\n{text}"


def page(client, path, **kwargs):
    response = client.get(path, **kwargs)
    assert response.status_code == 200, (path, response.status_code)
    return visible_text(response.text)


def test_the_sign_in_page_and_its_errors_are_in_french(client):
    UserFactory(email="camille@example.org")

    assert_french(page(client, "/fr/comptes/login/"), "sign in")
    failed = client.post("/fr/comptes/login/", {"login": "camille@example.org", "password": "x"})
    text = visible_text(failed.text)

    assert failed.status_code == 200
    assert "L’adresse électronique ou le mot de passe est incorrect." in text
    assert "Mot de passe oublié\u202f?" in text
    assert_french(text, "a failed sign in")


def test_the_password_reset_pages_and_email_are_in_french(client, mailoutbox):
    UserFactory(email="forgetful@example.org", language="fr")

    assert_french(page(client, "/fr/comptes/password/reset/"), "password reset")
    sent = client.post("/fr/comptes/password/reset/", {"email": "forgetful@example.org"})
    assert_french(page(client, sent["Location"]), "password reset done")
    (message,) = mailoutbox
    form = client.get("/" + link_in(message), follow=True)
    assert form.status_code == 200
    assert "password1" in form.text  # the real form, not "Bad token"
    assert_french(visible_text(form.text), "a new password from the link")
    done = client.post(
        form.redirect_chain[-1][0],
        {"password1": "another-long-passphrase", "password2": "another-long-passphrase"},
        follow=True,
    )
    assert_french(visible_text(done.text), "password reset from key done")
    used = client.get("/" + link_in(message), follow=True)
    assert_french(visible_text(used.text), "a link used already")

    assert "courriel" in message.body
    for text, where in ((message.subject, "its subject"), (message.body, "its body")):
        assert not re.search(r"e-?mail", text.replace("forgetful@example.org", ""), re.I), where
        assert "'" not in text, f"the reset email's {where} has a straight apostrophe"


def test_the_pages_of_someone_signed_in_are_in_french(client):
    client.force_login(UserFactory(email="camille@example.org"))

    assert_french(page(client, "/fr/comptes/password/change/"), "password change")
    assert_french(page(client, "/fr/comptes/email/"), "email addresses")
    sign_out = page(client, "/fr/comptes/logout/")
    assert_french(sign_out, "sign out")
    assert "vous déconnecter\u202f?" in sign_out


def test_the_second_factor_pages_staff_see_are_in_french(client):
    UserFactory(email="staff@example.org", is_staff=True)
    client.post("/fr/comptes/login/", {"login": "staff@example.org", "password": PASSWORD})

    assert_french(page(client, "/fr/comptes/2fa/"), "second factor")
    activate = client.get("/fr/comptes/2fa/totp/activate/", follow=True)
    assert_french(visible_text(activate.text), "asking for the password again")
    client.post(activate.redirect_chain[-1][0], {"password": PASSWORD})
    setup = client.get("/fr/comptes/2fa/totp/activate/")
    assert_french(visible_text(setup.text), "activating an authenticator app")
    wrong = client.post("/fr/comptes/2fa/totp/activate/", {"code": "000000"})
    assert_french(visible_text(wrong.text), "a wrong code")
    client.post("/fr/comptes/2fa/totp/activate/", {"code": totp_now(setup.context["form"].secret)})
    assert Authenticator.objects.filter(type="totp").exists()
    assert_french(page(client, "/fr/comptes/2fa/"), "second factor, active")
    assert_french(page(client, "/fr/comptes/2fa/recovery-codes/"), "recovery codes")
    assert_french(page(client, "/fr/comptes/2fa/totp/deactivate/"), "deactivating")

    client.post("/fr/comptes/logout/")
    client.post("/fr/comptes/login/", {"login": "staff@example.org", "password": PASSWORD})
    assert_french(page(client, "/fr/comptes/2fa/authenticate/"), "the code at sign in")


def test_the_address_confirmation_pages_are_in_french(client, mailoutbox):
    UserFactory(email="unverified@example.org", verified=False, language="fr")

    step = client.post(
        "/fr/comptes/login/", {"login": "unverified@example.org", "password": PASSWORD}
    )
    assert_french(page(client, step["Location"]), "verification sent")
    (message,) = mailoutbox
    assert_french(page(client, "/" + link_in(message)), "confirming the address")
    assert_french(page(client, "/fr/comptes/confirm-email/not-a-key/"), "an expired link")
