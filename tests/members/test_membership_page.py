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


# What each page shows, by what it shows.
SHOWN = {
    "categories with member counts": (
        "/en/membership/",
        [
            "Member organisation",
            "2 members in the directory",
            "0 members in the directory",
            "Not listed in the directory.",
        ],
    ),
    "the criteria": (
        "/en/membership/",
        ["be legally constituted;", "two or more unrelated people", "within six months"],
    ),
    "in French, untranslated descriptions in English": (
        "/fr/adhesion/",
        [
            "Organisation membre",
            "2 membres dans l’annuaire",
            '<p lang="en">Receives our news.</p>',
            "être légalement constituée",
        ],
    ),
}


@pytest.mark.parametrize(("path", "shown"), SHOWN.values(), ids=SHOWN)
def test_membership_page_shows_the_categories_and_the_criteria(client, categories, path, shown):
    html = client.get(path).text

    for text in shown:
        assert text in html
