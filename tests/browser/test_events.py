"""A member's event, from the portal to the public site, the calendar and the digest."""

import datetime
import re

import icalendar
import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from members.models import Affiliate
from news.models import Digest
from tests.factories import AffiliateFactory, MemberFactory, UserFactory

from .conftest import DESKTOP, PHONE


@pytest.fixture
def network(transactional_db):
    camille = UserFactory(email="camille@example.org", language="fr", first_name="Camille")
    member = MemberFactory(name="Relais Lyon", slug="relais-lyon", representatives=[camille])
    # A transactional test starts from an empty database: the role made by a data
    # migration is made again here, with the news permissions it carries.
    editors, _ = Group.objects.get_or_create(name="Editor")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="news"))
    UserFactory(email="editor@example.org", is_staff=True, groups=[editors])
    AffiliateFactory(
        name="Léa", email="lea@example.org", country="FR", language="fr", confirmed=True
    )
    return member


def test_a_member_event_goes_from_the_portal_to_the_site_calendar_and_digest(
    visit, site_pages, network
):
    day = timezone.localdate() + datetime.timedelta(days=40)

    # Camille sends an event in French from the portal, on her phone.
    camille = visit(viewport=PHONE)
    page = camille.page
    camille.sign_in("camille@example.org", language="fr")
    page.get_by_role("link", name="Envoyer un événement").click()
    page.get_by_label("Titre, en français").fill("Journée des familles à Lyon")
    page.get_by_label("Résumé, en français").fill(
        "Jeux et goûter pour les enfants et leurs parents."
    )
    page.locator("#id_start").fill(f"{day.isoformat()}T14:00")
    page.locator("#id_end").fill(f"{day.isoformat()}T17:30")
    page.get_by_label("Fuseau horaire").select_option("Europe/Paris")
    page.get_by_label("Lieu").fill("Maison des familles")
    page.get_by_label("Ville").fill("Lyon")
    page.get_by_role("button", name="L’envoyer à la rédaction").click()
    page.wait_for_url("**/espace-membre/")
    assert "En attente de relecture" in page.locator("main").inner_text()
    (notice,) = [m for m in mail.outbox if m.to == ["editor@example.org"]]
    assert "Relais Lyon" in notice.subject

    # The editor publishes it in the admin, from the list of what waits for review.
    editor = visit(viewport=DESKTOP)
    editor.sign_in("editor@example.org")
    editor.goto("/admin/")
    editor.page.get_by_role("link", name="1 item sent by members").click()
    editor.page.get_by_role("link", name="Journée des familles à Lyon").click()
    editor.page.locator("#id_status").select_option("published")
    editor.page.locator("input[name=_save]").click()
    expect(editor.page.locator(".messagelist")).to_contain_text("was changed successfully")
    told = [m for m in mail.outbox if m.to == ["camille@example.org"]]
    assert [m.subject.split("] ")[1] for m in told] == [
        "Votre contenu est en ligne\u00a0: Journée des familles à Lyon"
    ]

    # It shows on the events page and on the member's page, in French.
    visitor = visit(viewport=PHONE)
    visitor.goto("/fr/evenements/")
    visitor.page.get_by_role("link", name="Journée des familles à Lyon").click()
    details = visitor.page.locator("main").inner_text()
    assert "14\u00a0h\u00a0–\u2060\u00a017\u00a0h\u00a030" in details
    assert "heure de Paris" in details
    assert "Maison des familles" in details
    visitor.goto("/fr/membres/relais-lyon/")
    assert "Journée des familles à Lyon" in visitor.page.locator("main").inner_text()

    # It is in the calendar file, at the right time in its zone.
    calendar = visitor.page.request.get(visitor.base + "/fr/evenements/calendrier.ics")
    (event,) = icalendar.Calendar.from_ical(calendar.body()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Journée des familles à Lyon"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event["DTSTART"].dt.hour == 14

    # The editor sends the digest; Léa receives it in French, with the event.
    mail.outbox.clear()
    editor.goto("/admin/news/digest/")
    editor.page.get_by_role("link", name="Send the digest").click()
    expect(editor.page.locator("#content")).to_contain_text("Journée des familles à Lyon")
    editor.page.get_by_role("button", name="Send the digest now").click()
    expect(editor.page.locator(".messagelist")).to_contain_text("is on its way to 2 people")
    digest = {m.to[0]: m for m in mail.outbox}
    assert set(digest) == {"lea@example.org", "camille@example.org"}
    assert "Journée des familles à Lyon" in digest["lea@example.org"].body
    assert "Actualités et événements" in digest["lea@example.org"].subject
    assert Digest.objects.count() == 1

    # Léa unsubscribes from the link in the email, in one click.
    header = digest["lea@example.org"].extra_headers["List-Unsubscribe"]
    link = re.fullmatch(r"<http://127\.0\.0\.1:8000(/fr/\S+)>", header)
    assert link.group(1) in digest["lea@example.org"].body
    visitor.goto(link.group(1))
    visitor.page.get_by_role("button", name="Se désabonner").click()
    expect(visitor.page.locator("h1")).to_contain_text(
        re.compile("désabonnement confirmé", re.IGNORECASE)
    )
    assert not Affiliate.objects.get(email="lea@example.org").is_active
