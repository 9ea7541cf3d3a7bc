"""A person invited by staff accepts, becomes a representative and keeps the profile
current."""

import re

from django.core import mail
from playwright.sync_api import expect

from tests.factories import PASSWORD, MemberFactory

from .conftest import DESKTOP


def test_invited_representative_updates_the_french_summary(visit, secretary, site_pages):
    member = MemberFactory(name="Relais Lyon", slug="relais-lyon", summary_fr="Ancien résumé")
    v = visit(viewport=DESKTOP)

    # Staff invite Camille from the member's admin page.
    v.sign_in("secretary@example.org")
    v.goto(f"/admin/members/member/{member.pk}/change/")
    v.page.get_by_role("link", name="Invite a representative").click()
    v.page.get_by_label("First name").fill("Camille")
    v.page.get_by_label("Last name").fill("Martin")
    v.page.get_by_label("Email address").fill("camille@example.org")
    v.page.get_by_label("Language of their emails").select_option("fr")
    v.page.get_by_role("button", name="Send the invitation").click()
    assert "an invitation is on its way to camille@example.org" in (
        v.page.locator(".messagelist").inner_text().lower()
    )
    assert not member.representatives.exists()  # until she accepts

    # Camille follows the link in the French email and chooses a password, which
    # accepts the invitation.
    (invitation,) = [m for m in mail.outbox if m.to == ["camille@example.org"]]
    link = re.search(r"https?://\S+/fr/comptes/invitation/\S+/", invitation.body).group(0)
    path = "/fr/" + link.split("/fr/", 1)[1]
    camille = visit(viewport=DESKTOP)
    camille.goto(path)
    camille.page.locator("#id_new_password1").fill(PASSWORD)
    camille.page.get_by_label("Confirmation du nouveau mot de passe").fill(PASSWORD)
    camille.page.get_by_role("button", name="Enregistrer mon mot de passe").click()
    expect(camille.page.locator("main")).to_contain_text("vous représentez Relais Lyon")

    # She signs in, edits the French summary, and the public page shows it.
    camille.sign_in("camille@example.org", language="fr")
    assert camille.page.get_by_role("heading", level=1).inner_text() == "Espace membre"
    camille.page.get_by_role("link", name="Modifier la fiche").click()
    camille.page.get_by_label("Résumé court, en français").fill("Nous accueillons les familles.")
    camille.page.get_by_role("button", name="Enregistrer la fiche").click()
    camille.goto("/fr/membres/relais-lyon/")
    assert "Nous accueillons les familles." in camille.page.locator("main").inner_text()

    # Staff see the change in the member's history.
    v.context.clear_cookies()
    v.sign_in("secretary@example.org")
    v.goto(f"/admin/members/member/{member.pk}/history/")
    history = v.page.locator("#content").inner_text()
    assert "Modifié dans l’espace membre\u00a0: Résumé court, en français" in history or (
        "Changed in the member portal: Short summary, in French" in history
    )
