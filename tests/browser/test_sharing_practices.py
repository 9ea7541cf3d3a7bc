"""A representative shares a practice from the portal, in French on a phone; an editor
publishes it from the admin's waiting queue; the representative is told, and the next
digest lists it."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from practices.models import Practice
from tests.factories import MemberFactory, UserFactory, pdf_bytes

from .conftest import DESKTOP, PHONE


@pytest.fixture
def people(site_pages):
    """Camille, who represents Relais Lyon and reads French, and an editor."""
    camille = UserFactory(email="camille@example.org", first_name="Camille", language="fr")
    MemberFactory(name="Relais Lyon", slug="relais-lyon", representatives=[camille])
    UserFactory(
        email="editor@example.org", is_staff=True, groups=[Group.objects.get(name="Editor")]
    )


def test_a_shared_practice_is_published_and_goes_into_the_digest(visit, people):
    camille = visit(viewport=PHONE)
    camille.sign_in("camille@example.org", language="fr")
    camille.page.get_by_role("link", name="Partager une pratique").click()
    form = camille.page.locator("main form.form")
    form.get_by_label("Titre, en français").fill("Des mentors pour les adolescents")
    form.get_by_label("Résumé, en français").fill("Des bénévoles rencontrent les jeunes.")
    form.locator("#id_countries").select_option("PT")
    form.locator('#id_age_groups input[value="12-17"]').check()
    form.locator("#id_rating").select_option("promising")
    form.locator("#id_evaluation").select_option("before-after")
    form.locator("#id_document").set_input_files(
        {"name": "evaluation.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    form.locator("#id_sources-0-title").fill("Évaluation 2022")
    form.locator("#id_sources-0-year").fill("2022")
    form.get_by_role("button", name="L’envoyer aux éditeurs").click()
    camille.page.wait_for_url("**/fr/espace-membre/")

    row = camille.page.get_by_role("row").filter(has_text="Des mentors pour les adolescents")
    assert "En attente d’un éditeur" in row.inner_text()
    practice = Practice.objects.get()
    assert practice.sources.get().title == "Évaluation 2022"

    # The editor finds it in the waiting queue and publishes it.
    editor = visit(viewport=DESKTOP)
    editor.sign_in("editor@example.org", admin=True)
    editor.goto("/admin/news/post/review/")
    editor.page.get_by_role("link", name="Des mentors pour les adolescents").click()
    editor.page.wait_for_url(f"**/admin/practices/practice/{practice.pk}/change/")
    editor.goto("/admin/practices/practice/")
    editor.page.locator(f'input[name="_selected_action"][value="{practice.pk}"]').check()
    editor.page.locator('select[name="action"]').select_option("publish")
    editor.page.locator('button[name="index"]').click()
    editor.page.wait_for_load_state()

    told = [m for m in mail.outbox if m.to == ["camille@example.org"]]
    assert [m.subject.split("] ")[-1] for m in told] == [
        "C’est publié : Des mentors pour les adolescents"
    ]

    # The next digest lists it.
    mail.outbox.clear()
    editor.goto("/admin/news/digest/send/")
    assert "Des mentors pour les adolescents" in editor.page.locator("#content").inner_text()
    editor.page.locator('#content form [type="submit"]').click()
    editor.page.wait_for_load_state()
    (digest,) = [m for m in mail.outbox if m.to == ["camille@example.org"]]
    assert "Pratiques" in digest.body
    assert "Des mentors pour les adolescents" in digest.body
    assert f"/fr/pratiques/{practice.slug}/" in digest.body
