"""The account pages at French addresses under /fr/comptes/, the English ones still
answering."""

import re

import pytest

from tests.factories import PASSWORD, UserFactory
from tests.read import switcher_link, totp_now

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/fr/comptes/connexion/",
        "/fr/comptes/mot-de-passe/reinitialiser/",
        "/fr/comptes/mot-de-passe/reinitialiser/envoye/",
        "/fr/comptes/mot-de-passe/reinitialiser/termine/",
    ],
)
def test_french_account_pages_answer(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "path", ["/en/accounts/login/", "/fr/comptes/login/", "/fr/comptes/password/reset/"]
)
def test_english_account_paths_still_answer(client, path):
    assert client.get(path).status_code == 200


def test_a_french_page_links_to_the_french_sign_in(client):
    assert 'href="/fr/comptes/connexion/' in client.get("/fr/").text


def test_the_switcher_on_the_sign_in_page_leads_to_the_french_one(client):
    html = client.get("/en/accounts/login/").text

    assert switcher_link(html)[0] == "http://testserver/fr/comptes/connexion/"


def test_signing_in_through_the_french_address_opens_the_portal(client, rep):
    response = client.post(
        "/fr/comptes/connexion/", {"login": "rep@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/fr/espace-membre/"
    assert client.get("/fr/espace-membre/").status_code == 200


def test_signing_out_through_the_french_address(client, rep):
    client.force_login(rep)

    client.post("/fr/comptes/deconnexion/")

    assert client.get("/fr/espace-membre/").status_code == 302


def test_a_password_reset_asked_in_french_links_to_the_french_address(client, rep, mailoutbox):
    response = client.post("/fr/comptes/mot-de-passe/reinitialiser/", {"email": "rep@example.org"})

    assert response["Location"] == "/fr/comptes/mot-de-passe/reinitialiser/envoye/"
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    assert "/fr/comptes/mot-de-passe/reinitialiser/cle/" in link


def test_the_french_password_reset_link_lets_one_choose_a_password(client, rep, mailoutbox):
    client.post("/fr/comptes/mot-de-passe/reinitialiser/", {"email": "rep@example.org"})
    link = "/" + re.search(r"https?://\S+", mailoutbox[0].body).group(0).split("/", 3)[3]

    form_page = client.get(link)
    done = client.post(
        form_page["Location"],
        {"password1": "another-long-passphrase", "password2": "another-long-passphrase"},
    )

    assert done["Location"] == "/fr/comptes/mot-de-passe/reinitialiser/termine/"
    assert client.login(username=rep.username, password="another-long-passphrase")


def test_the_second_factor_step_has_a_french_address(client):
    UserFactory(email="staff@example.org", is_staff=True)
    client.post("/en/accounts/login/", {"login": "staff@example.org", "password": PASSWORD})
    client.post(
        "/en/accounts/reauthenticate/?next=/en/accounts/2fa/totp/activate/",
        {"password": PASSWORD},
    )
    secret = client.get("/en/accounts/2fa/totp/activate/").context["form"].secret
    client.post("/en/accounts/2fa/totp/activate/", {"code": totp_now(secret)})
    client.post("/fr/comptes/deconnexion/")

    step = client.post(
        "/fr/comptes/connexion/", {"login": "staff@example.org", "password": PASSWORD}
    )
    client.post("/fr/comptes/connexion/second-facteur/", {"code": totp_now(secret)})

    assert step["Location"] == "/fr/comptes/connexion/second-facteur/"
    assert client.get("/admin/").status_code == 200
