"""`manage.py setup_network`: what a new installation needs before anyone uses it, made
without the demo data, and safe to run again."""

import io

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.management import call_command

from members.models import MembershipCategory

pytestmark = pytest.mark.django_db


def setup_network():
    out = io.StringIO()
    call_command("setup_network", stdout=out)
    return out.getvalue()


def test_it_creates_a_category_for_each_way_of_joining_in_both_languages():
    setup_network()

    categories = {c.admission: c for c in MembershipCategory.objects.all()}
    assert sorted(categories) == ["application", "approved", "invitation", "open"]
    assert categories["application"].name_fr == "Organisation membre"
    assert categories["approved"].name_en == "Applicant member"
    assert categories["approved"].listed
    assert not categories["open"].listed
    assert "bank account" in categories["application"].description_en
    assert "compte bancaire" in categories["application"].description_fr


def test_staff_can_save_each_category_as_it_was_made():
    setup_network()

    for category in MembershipCategory.objects.all():
        category.full_clean()


def test_it_creates_the_networks_pages_in_both_languages():
    setup_network()

    assert sorted(FlatPage.objects.values_list("url_en", "url_fr")) == [
        ("/about/", "/a-propos/"),
        ("/accessibility/", "/accessibilite/"),
        ("/child-protection-policy/", "/politique-de-protection-de-l-enfance/"),
        ("/privacy/", "/confidentialite/"),
        ("/values/", "/valeurs/"),
    ]


def test_the_site_record_takes_the_public_address(settings):
    settings.SITE_URL = "https://network.example.org"

    setup_network()

    site = Site.objects.get(pk=settings.SITE_ID)
    assert site.domain == "network.example.org"
    assert site.name == "Children of Prisoners Europe"


def test_running_it_again_keeps_what_staff_changed():
    setup_network()
    MembershipCategory.objects.filter(admission="approved").update(
        slug="candidates", name_en="Candidates"
    )
    FlatPage.objects.filter(url_en="/about/").update(title_en="Who we are")

    output = setup_network()

    assert MembershipCategory.objects.count() == 4
    assert MembershipCategory.objects.get(admission="approved").name_en == "Candidates"
    assert FlatPage.objects.count() == 5
    assert FlatPage.objects.get(url_en="/about/").title_en == "Who we are"
    assert "Membership categories: 0 created, 4 already there." in output
    assert "Pages: 0 created, 5 already there." in output


def test_a_missing_page_is_made_again():
    setup_network()
    FlatPage.objects.filter(url_en="/privacy/").delete()

    setup_network()

    assert FlatPage.objects.filter(url_fr="/confidentialite/").exists()


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/en/join/", "Member organisation"),
        ("/fr/adherer/", "Organisation membre"),
        ("/en/membership/", "after an approved application"),
        ("/fr/adhesion/", "Membre candidat"),
    ],
)
def test_after_set_up_the_join_form_and_membership_page_offer_the_categories(client, path, text):
    setup_network()

    response = client.get(path)

    assert response.status_code == 200
    assert text in response.text


# The French that an earlier version made, which no one had edited since.
EARLIER_APPLICANT_MEMBER_FR = (
    "Toute organisation dont le conseil d’administration accepte la candidature commence "
    "ici : elle figure dans l’annuaire en tant que membre candidat. Au bout d’un à trois "
    "ans, le conseil décide si elle devient organisation membre à part entière."
)
EARLIER_VALUES_FR = """
<p>Notre action repose sur la Convention des Nations unies relative aux droits de
l’enfant.</p>
<ul>
<li><strong>L’enfant d’abord.</strong> Chaque décision concernant l’arrestation, le procès
et l’incarcération d’un parent devrait tenir compte de l’intérêt supérieur de
l’enfant.</li>
<li><strong>Aucune culpabilité.</strong> Les enfants ne sont pas responsables des actes de
leur parent et ne doivent jamais être traités comme s’ils l’étaient.</li>
<li><strong>L’écoute.</strong> Les enfants et les jeunes ont le droit d’être entendus sur ce
qui les concerne, et nous les associons à notre travail.</li>
<li><strong>Travailler ensemble.</strong> Familles, professionnels et autorités obtiennent
davantage pour les enfants lorsqu’ils coopèrent.</li>
</ul>"""


def test_running_it_again_rewords_the_french_no_one_edited():
    setup_network()
    FlatPage.objects.filter(url_en="/values/").update(content_fr=EARLIER_VALUES_FR)
    MembershipCategory.objects.filter(slug="applicant-member").update(
        description_fr=EARLIER_APPLICANT_MEMBER_FR
    )

    setup_network()

    values = FlatPage.objects.get(url_en="/values/")
    assert "Aucune culpabilité" not in values.content_fr
    assert "Aucune stigmatisation" in values.content_fr
    applicant = MembershipCategory.objects.get(slug="applicant-member")
    assert "ici\u00a0: elle figure" in applicant.description_fr


def test_running_it_again_says_digest_where_an_earlier_version_said_news():
    setup_network()
    MembershipCategory.objects.filter(slug="affiliate").update(
        description_en=(
            "Anyone, person or organisation, who wishes to receive the network's news, "
            "publications and invitations to events. Affiliates do not appear in the directory."
        ),
        description_fr=(
            "Toute personne ou organisation qui souhaite recevoir les actualités, les "
            "publications et les invitations du réseau. Les affiliés ne figurent pas dans "
            "l’annuaire."
        ),
    )

    setup_network()

    affiliate = MembershipCategory.objects.get(slug="affiliate")
    assert "receive the network's digest, publications" in affiliate.description_en
    assert "recevoir la lettre d’information, les publications" in affiliate.description_fr


def test_running_it_again_keeps_the_french_staff_edited():
    setup_network()
    FlatPage.objects.filter(url_en="/values/").update(content_fr="<p>Nos valeurs, revues.</p>")
    MembershipCategory.objects.filter(slug="applicant-member").update(
        description_fr="Revu par le secrétariat."
    )

    setup_network()

    assert FlatPage.objects.get(url_en="/values/").content_fr == "<p>Nos valeurs, revues.</p>"
    applicant = MembershipCategory.objects.get(slug="applicant-member")
    assert applicant.description_fr == "Revu par le secrétariat."
