"""A French reader of the site set up as the README says (setup_network, seed_demo) meets
no English on a French page, no "e-mail", no straight apostrophe: every page type, signed
out and as a representative, forms with their errors included. Content shown in English
because it has no French yet is marked `lang="en"` and is left out, as are names."""

import io
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from members.models import Application, Member
from news.models import Event, Post
from practices.models import Practice

# Words of English that French never uses, counted per text: a text with two of them and
# no French word is English.
ENGLISH = {
    "the",
    "and",
    "of",
    "to",
    "your",
    "you",
    "is",
    "are",
    "with",
    "for",
    "this",
    "that",
    "from",
    "our",
    "we",
    "has",
    "have",
    "will",
    "can",
}
FRENCH = {
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "un",
    "une",
    "et",
    "vous",
    "votre",
    "pour",
    "dans",
    "sur",
    "est",
    "sont",
    "avec",
}
SKIPPED = {"script", "style", "svg", "textarea", "code", "pre"}


class VisibleText(HTMLParser):
    """The text a reader sees, and the text of `title`, `alt`, `placeholder` and
    `aria-label`, leaving out elements in another language than French."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__()
        self.texts, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        foreign = self.foreign or tag in SKIPPED or attrs.get("lang", "fr") != "fr"
        if not foreign:
            self.texts += [
                attrs[a] for a in ("title", "alt", "placeholder", "aria-label") if attrs.get(a)
            ]
        if tag not in self.VOID:
            self.stack.append((tag, foreign))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    @property
    def foreign(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_data(self, data):
        if not self.foreign and data.strip():
            self.texts.append(" ".join(data.split()))


def problems(html, names):
    parser = VisibleText()
    parser.feed(html)
    found = []
    for text in parser.texts:
        if text in names:
            continue
        words = set(re.findall(r"[a-zà-ÿ]+", text.lower()))
        english = len(words & ENGLISH) >= 2 and not words & FRENCH
        if english or "e-mail" in text.lower() or re.search(r"\w'\w", text):
            found.append(text)
    return found


@pytest.fixture
def site(db):
    call_command("setup_network", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())


def french_pages():
    """Every page type's French address, from the seeded data."""
    member = Member.objects.listed().first()
    post = Post.objects.published().first()
    event = Event.objects.published().first()
    practice = Practice.objects.published().first()
    application = Application.objects.first()
    with translation.override("fr"):
        public = [
            reverse("home"),
            reverse("members:directory"),
            reverse("members:directory") + "?q=zzzz",
            reverse("members:map"),
            member.get_absolute_url(),
            reverse("members:membership"),
            reverse("members:join"),
            reverse("members:join_thanks"),
            reverse("members:application_status", kwargs={"token": application.token}),
            reverse("members:subscribe"),
            reverse("news:list"),
            post.get_absolute_url(),
            reverse("news:events"),
            reverse("news:events") + "?when=past",
            event.get_absolute_url(),
            reverse("practices:list"),
            practice.get_absolute_url(),
            reverse("practices:evidence"),
            reverse("account_login"),
            reverse("account_reset_password"),
            "/fr/page-inexistante/",
        ]
        portal = [reverse("members:portal")]
    return public, portal


def test_french_pages_have_no_english_no_e_mail_and_no_straight_apostrophe(site, client):
    public, portal = french_pages()
    names = set(Member.objects.values_list("name", flat=True))
    found = {}
    for path in public:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        found[path] = problems(response.text, names)
    representative = get_user_model().objects.filter(email="rep@example.org").get()
    client.force_login(representative)
    for path in portal:
        found[path] = problems(client.get(path).text, names)
    found = {path: texts for path, texts in found.items() if texts}
    assert found == {}, "\n".join(f"{path}: {texts}" for path, texts in found.items())
