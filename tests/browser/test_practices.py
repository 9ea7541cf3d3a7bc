"""The practice database in a browser, in French on a phone: a social worker in Lisbon
finds what is well supported in Portugal and where it has travelled; a representative
shares a practice, an editor publishes it, and it shows in the list and the digest."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from playwright.sync_api import expect

from news.models import Digest
from practices.models import Practice
from tests.factories import (
    AdaptationFactory,
    AffiliateFactory,
    MemberFactory,
    PracticeFactory,
    SourceFactory,
    TopicFactory,
    UserFactory,
    pdf_bytes,
)

from .conftest import DESKTOP, PHONE


@pytest.fixture
def network(transactional_db):
    """Three published practices, two of them in Portugal and one of those well supported
    (adapted in France by Relais Lyon); Camille, who represents Relais Lyon; an editor;
    Léa, who reads the digest in French."""
    visits = TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")
    lacos = MemberFactory(name="Laços Lisboa", slug="lacos-lisboa", country="PT", city="Lisboa")
    relais = MemberFactory(name="Relais Lyon", slug="relais-lyon", country="FR")
    camille = UserFactory(email="camille@example.org", language="fr", first_name="Camille")
    relais.representatives.add(camille)
    rooms = PracticeFactory(
        slug="salas-de-visita",
        title_en="Family visiting rooms",
        title_fr="Des salles de visite pour les familles",
        countries=["PT"],
        rating="well-supported",
        evaluation="controlled",
        findings_fr="Les enfants reviennent plus volontiers au parloir.",
        submitted_by=lacos,
    )
    rooms.topics.add(visits)
    rooms.members.add(lacos)
    SourceFactory(practice=rooms, title="Avaliação das salas de visita", year=2021)
    AdaptationFactory(
        practice=rooms,
        country="FR",
        year=2023,
        member=relais,
        changes_fr="Des bénévoles accueillent les enfants.",
        outcome_fr="Les visites sont plus longues.",
    )
    PracticeFactory(title_fr="Une ligne d’écoute", countries=["PT"], rating="promising")
    PracticeFactory(title_fr="Des livres enregistrés", countries=["DE"], rating="well-supported")
    # A transactional test starts from an empty database: the role made by data
    # migrations is made again, with the permissions it carries.
    editors, _ = Group.objects.get_or_create(name="Editor")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["news", "practices"])
    )
    UserFactory(email="editor@example.org", is_staff=True, groups=[editors])
    AffiliateFactory(
        name="Léa", email="lea@example.org", country="FR", language="fr", confirmed=True
    )
    return relais


def filter_portugal_well_supported(page):
    """Open the folded filter panel, tick Portugal and "well supported", apply."""
    assert not page.get_by_label(re.compile(r"^Portugal")).is_visible()
    page.get_by_text("Rechercher et filtrer").click()
    page.get_by_label("Portugal (2)").check()
    page.get_by_label(re.compile(r"^Solidement étayée par l’évaluation \(\d+\)")).check()
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url(re.compile(r"country=PT"))
    assert "rating=well-supported" in page.url
    # The URL changes when the response starts; the list is read once it has arrived.
    expect(page.locator(".practice-card__title")).to_have_text(
        ["Des salles de visite pour les familles"]
    )
    expect(page.locator(".results__count")).to_have_text("1 pratique")
    chips = page.locator(".chips").inner_text()
    assert "Portugal" in chips
    assert "Solidement étayée" in chips


def test_a_visitor_finds_a_well_supported_practice_in_portugal_and_where_it_travelled(
    visit, site_pages, network
):
    visitor = visit(viewport=PHONE)
    page = visitor.page
    visitor.goto("/fr/pratiques/")
    expect(page.locator(".practice-card")).to_have_count(3)
    filter_portugal_well_supported(page)

    page.get_by_role("link", name="Des salles de visite pour les familles").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Des salles de visite pour les familles"
    )
    evidence = page.locator("#evidence").inner_text()
    assert "Solidement étayée par l’évaluation" in evidence
    assert "Les enfants reviennent plus volontiers au parloir." in evidence
    assert "Avaliação das salas de visita" in evidence
    adaptations = page.locator("#adaptations")
    assert "Où elle a essaimé" in adaptations.get_by_role("heading").first.inner_text()
    assert "France" in adaptations.inner_text()
    assert "Relais Lyon" in adaptations.inner_text()
    assert "Des bénévoles accueillent les enfants." in adaptations.inner_text()
    assert "Les visites sont plus longues." in adaptations.inner_text()

    page.locator("main").get_by_role("link", name="Laços Lisboa").first.click()
    page.wait_for_url("**/fr/membres/lacos-lisboa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Laços Lisboa")


def test_the_filter_panel_works_without_javascript(visit, site_pages, network):
    visitor = visit(viewport=PHONE, java_script_enabled=False)
    visitor.goto("/fr/pratiques/")
    filter_portugal_well_supported(visitor.page)
    # The panel stays open while filters are on, showing what is ticked.
    assert visitor.page.locator("#country-PT").is_checked()
    assert visitor.page.locator("#rating-well-supported").is_checked()


def test_a_shared_practice_is_published_listed_and_in_the_digest(visit, site_pages, network):
    # Camille shares a practice in French from the portal, on her phone.
    camille = visit(viewport=PHONE)
    page = camille.page
    camille.sign_in("camille@example.org", language="fr")
    page.get_by_role("link", name=re.compile("Partager une pratique")).click()
    form = page.locator("main form.form")
    form.get_by_label("Titre, en français").fill("Un goûter au parloir")
    form.get_by_label("Résumé, en français").fill("Un goûter partagé pendant la visite.")
    form.locator("#id_countries").select_option("FR")
    form.locator('#id_age_groups input[value="6-11"]').check()
    form.locator("#id_rating").select_option("promising")
    form.locator("#id_evaluation").select_option("before-after")
    form.locator("#id_document").set_input_files(
        {"name": "evaluation.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    form.locator("#id_sources-0-title").fill("Évaluation 2022")
    form.locator("#id_sources-0-year").fill("2022")
    form.get_by_role("button", name="L’envoyer à la rédaction").click()
    page.wait_for_url("**/fr/espace-membre/")
    row = page.get_by_role("row").filter(has_text="Un goûter au parloir")
    assert "En attente de relecture" in row.inner_text()
    shared = Practice.objects.get(title_fr="Un goûter au parloir")
    assert shared.status == "submitted"
    assert shared.sources.get().title == "Évaluation 2022"
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]

    # Not on the public list before an editor has published it.
    visitor = visit(viewport=PHONE)
    visitor.goto("/fr/pratiques/")
    expect(visitor.page.locator(".practice-card")).to_have_count(3)

    # The editor publishes it from the admin's review queue.
    editor = visit(viewport=DESKTOP)
    editor.sign_in("editor@example.org", admin=True)
    editor.goto("/admin/")
    editor.page.get_by_role("link", name=re.compile("sent by members")).click()
    editor.page.get_by_role("link", name="Un goûter au parloir").click()
    editor.page.locator("#id_status").select_option("published")
    editor.page.locator("input[name=_save]").click()
    expect(editor.page.locator(".messagelist")).to_contain_text("was changed successfully")
    told = [m for m in mail.outbox if m.to == ["camille@example.org"]]
    assert [m.subject.split("] ")[-1] for m in told] == [
        "Votre contenu est en ligne\u00a0: Un goûter au parloir"
    ]

    # It shows in the French list, and its page opens.
    visitor.goto("/fr/pratiques/")
    expect(visitor.page.locator(".practice-card")).to_have_count(4)
    visitor.page.get_by_role("link", name="Un goûter au parloir").click()
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text("Un goûter au parloir")

    # The next digest lists it, in French for Léa, with a link to its French page.
    mail.outbox.clear()
    editor.goto("/admin/news/digest/")
    editor.page.get_by_role("link", name="Send the digest").click()
    expect(editor.page.locator("#content")).to_contain_text("Un goûter au parloir")
    editor.page.get_by_role("button", name="Send the digest now").click()
    expect(editor.page.locator(".messagelist")).to_be_visible()
    digest = {m.to[0]: m for m in mail.outbox}
    body = digest["lea@example.org"].body
    assert "Pratiques" in body
    assert "Un goûter au parloir" in body
    assert f"/fr/pratiques/{Practice.objects.get(pk=shared.pk).slug}/" in body
    assert Digest.objects.count() == 1
