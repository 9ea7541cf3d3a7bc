"""Working together, in French on a phone: a representative posts a members-only call
for a research study; a visitor sees that it exists and nothing more; another member's
representative finds it by topic and replies; the poster gets the email in French, reads
the reply in the portal and marks the call filled. axe-core checks each page on the way."""

import datetime
import re

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from collaboration.models import Call, Reply
from tests.factories import MemberFactory, UserFactory

from .conftest import PHONE, prison_visits, violations

TITLE = "Étude : ce que vivent les enfants au parloir"


def _checked(visitor, problems):
    """Note what axe-core finds on the page now shown, with its address."""
    found = violations(visitor.page)
    problems.extend(f"{visitor.page.url}: {problem}" for problem in found)


def test_a_members_only_research_call_is_posted_found_answered_and_filled(visit, site_pages):
    visits = prison_visits()
    MemberFactory(name="Autre Thème", slug="autre-theme")  # a member that posts nothing
    lyon = MemberFactory(name="Relais Lyon", slug="relais-lyon", country="FR", topics=[visits])
    berlin = MemberFactory(name="Kinder Berlin", slug="kinder-berlin", country="DE")
    camille = UserFactory(email="camille@relais.example", first_name="Camille", language="fr")
    lyon.representatives.add(camille)
    jonas = UserFactory(
        email="jonas@kinder.example", first_name="Jonas", last_name="Weber", language="fr"
    )
    berlin.representatives.add(jonas)
    problems = []

    # Camille posts a members-only call for a research study from the portal, on her phone.
    poster = visit(viewport=PHONE, bypass_csp=True)
    page = poster.page
    poster.sign_in("camille@relais.example", language="fr")
    page.get_by_role("link", name=re.compile("^Publier un appel")).first.click()
    page.wait_for_url(re.compile(r"/appels/nouveau/$"))
    _checked(poster, problems)
    page.get_by_label("Organisations ou pays pour une étude", exact=True).check()
    page.get_by_label("Titre, en français").fill(TITLE)
    page.get_by_label("Description, en français").fill(
        "Nous cherchons des organisations de trois pays pour une étude sur les parloirs."
    )
    page.get_by_label("Parloirs").check()
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    page.get_by_label("Date limite").fill(deadline.isoformat())
    expect(page.get_by_label("Les membres du réseau seulement")).to_be_checked()
    page.get_by_role("button", name="Publier l’appel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    call = Call.objects.get()
    assert not call.is_public
    assert call.kind == Call.Kind.RESEARCH
    _checked(poster, problems)

    # A visitor sees that a members-only call exists, but not what it says.
    visitor = visit(viewport=PHONE, bypass_csp=True)
    visitor.goto("/fr/collaborer/")
    notice = visitor.page.locator("main").inner_text()
    assert "1 appel est réservé aux membres" in notice.replace("\u202f", " ").replace("\xa0", " ")
    assert "parloir" not in notice.lower()
    _checked(visitor, problems)
    visitor.goto(f"/fr/collaborer/{call.slug}/")
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(
        "Un appel réservé aux membres"
    )
    assert "parloir" not in visitor.page.content().lower()
    _checked(visitor, problems)

    # Jonas, of another member, signs in, finds the call by its topic and replies.
    replier = visit(viewport=PHONE, bypass_csp=True)
    page = replier.page
    replier.sign_in("jonas@kinder.example", language="fr")
    replier.goto("/fr/collaborer/")
    page.get_by_text("Filtrer", exact=True).click()
    page.get_by_label(re.compile(r"Parloirs\s+\(1\)")).check()
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url(re.compile(r"topic=prison-visits"))
    _checked(replier, problems)
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    page.get_by_role("link", name="Répondre\u00a0: cela nous intéresse").click()
    page.wait_for_url(re.compile(r"/repondre/$"))
    _checked(replier, problems)
    page.get_by_label("Votre message").fill("Nous travaillons dans deux prisons de Berlin.")
    page.get_by_role("button", name="Envoyer la réponse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert Reply.objects.get().member == berlin

    # Camille receives the reply by email, in French, with Jonas's organisation, name
    # and address.
    (email,) = [m for m in mail.outbox if m.to == ["camille@relais.example"]]
    assert email.subject.endswith(f"Réponse à votre appel\u00a0: {TITLE}")
    assert "Kinder Berlin" in email.body
    assert "Jonas Weber" in email.body
    assert "jonas@kinder.example" in email.body

    # She reads it in the portal and marks the call filled, which thanks Jonas.
    page = poster.page
    poster.goto("/fr/espace-membre/appels/")
    page.get_by_role("link", name=re.compile("^Réponses")).click()
    expect(page.locator("main")).to_contain_text("Nous travaillons dans deux prisons de Berlin.")
    _checked(poster, problems)
    page.get_by_role("button", name="Marquer comme pourvu").click()
    call.refresh_from_db()
    assert call.is_filled
    assert any(m.to == ["jonas@kinder.example"] for m in mail.outbox)
    poster.goto("/fr/collaborer/archives/")
    expect(page.locator("main")).to_contain_text(TITLE)

    assert problems == []
