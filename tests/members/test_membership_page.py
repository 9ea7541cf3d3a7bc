import pytest

from members.models import Member
from tests.factories import CategoryFactory, MemberFactory, applicant_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def categories():
    full = CategoryFactory()
    applicant = applicant_category()
    CategoryFactory(
        slug="affiliate",
        name_en="Affiliate",
        name_fr="Affilié",
        listed=False,
        order=9,
        admission="open",
        description_en="Receives our news.",
        description_fr="",
    )
    MemberFactory(category=full)
    MemberFactory(category=full)
    MemberFactory(category=full, published=False)
    MemberFactory(category=applicant, status=Member.Status.FORMER)
    return full, applicant


def test_membership_page_lists_categories_with_member_counts(client, categories):
    html = client.get("/en/membership/").text

    assert "Member organisation" in html
    assert "2 members in the directory" in html
    assert "0 members in the directory" in html
    assert "Not listed in the directory." in html


def test_membership_page_shows_the_criteria(client, categories):
    html = client.get("/en/membership/").text

    assert "be legally constituted;" in html
    assert "two or more unrelated people" in html
    assert "within six months" in html


def test_membership_page_in_french_falls_back_for_untranslated_descriptions(client, categories):
    html = client.get("/fr/adhesion/").text

    assert "Organisation membre" in html
    assert "2 membres dans l’annuaire" in html
    assert '<p lang="en">Receives our news.</p>' in html
    assert "être légalement constituée" in html
