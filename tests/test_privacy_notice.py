"""The privacy notice that setup_network makes says what is kept, why and for how long,
with the periods the daily purge applies (members.personal_data.purge)."""

import io

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command

pytestmark = pytest.mark.django_db

# The notice as an earlier version made it, which no one had edited since.
EARLIER_EN = """
<p>This notice explains what personal data the network keeps, why, and your rights under
the General Data Protection Regulation.</p>
<h2>What we keep</h2>
<ul>
<li>Contact details that member organisations choose to publish in the directory.</li>
<li>The details and documents sent with an application to join, to decide on it.</li>
<li>The name, email address and language of people who subscribe to our updates.</li>
</ul>
<h2>What we do not do</h2>
<p>This site sets no tracking or advertising cookies and loads nothing from other
websites. We never sell or share personal data for marketing.</p>
<h2>Your rights</h2>
<p>You may ask to see, correct or delete the data we hold about you, and unsubscribe from
our updates at any time with the link in every email.</p>""".strip()


def setup_network():
    call_command("setup_network", stdout=io.StringIO())


def notice():
    return FlatPage.objects.get(url_en="/privacy/")


@pytest.mark.parametrize(
    ("setting", "days", "english", "french"),
    [
        ("PURGE_APPLICATIONS_AFTER_DAYS", 365, "one year after the", "un an après la décision"),
        ("PURGE_UNCONFIRMED_AFTER_DAYS", 7, "after seven days", "au bout de sept jours"),
        ("PURGE_EMAILS_AFTER_DAYS", 365, "Deleted after one year", "supprimés au bout\nd’un an"),
        ("PURGE_CONTACT_MESSAGES_AFTER_DAYS", 180, "after six months", "au bout de six mois"),
        ("PURGE_MEMBER_MESSAGES_AFTER_DAYS", 365, "for one year", "conservés un an"),
    ],
)
def test_the_notice_states_the_purges_periods(setting, days, english, french):
    """If a default changes, the notice must say so too."""
    setup_network()
    page = notice()
    assert (getattr(settings, setting), english in page.content_en, french in page.content_fr) == (
        days,
        True,
        True,
    )


@pytest.mark.parametrize(
    "kept",
    [
        "Applications to join",
        "Accounts",
        "contact persons",
        "Subscriptions",
        "Emails the site sends",
        "contact page",
        "Messages between members",
        "Replies to members’ calls",
        "Server logs",
        "a former representative",
        "erase it",
    ],
)
def test_the_notice_says_what_is_kept(kept):
    setup_network()
    assert kept in notice().content_en


@pytest.mark.parametrize("path", ["/en/privacy/", "/fr/confidentialite/"])
def test_the_notice_is_published_in_each_language(client, path):
    setup_network()
    assert client.get(path).status_code == 200


def test_running_setup_again_gives_an_unedited_earlier_notice_the_new_wording():
    setup_network()
    FlatPage.objects.filter(url_en="/privacy/").update(content_en=EARLIER_EN)
    setup_network()
    assert "Server logs" in notice().content_en


def test_running_setup_again_keeps_a_notice_staff_edited():
    setup_network()
    FlatPage.objects.filter(url_en="/privacy/").update(content_en="<p>Our own notice.</p>")
    setup_network()
    assert notice().content_en == "<p>Our own notice.</p>"
