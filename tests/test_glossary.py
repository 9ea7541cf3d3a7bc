"""The French glossary (locale/fr/GLOSSARY.md) is enforced, not just written: no French
string of the catalogue uses a term its "Avoid" column lists."""

import re

import polib
import pytest
from django.conf import settings

LOCALE = settings.BASE_DIR / "locale" / "fr"
CATALOGUE = LOCALE / "LC_MESSAGES" / "django.po"
GLOSSARY = LOCALE / "GLOSSARY.md"

# Placeholders and HTML tags are code, not French ("%(email)s" is not the word "email").
_CODE = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}|<[^>]*>")


def avoided_terms():
    """The terms of the glossary table's last column ("Avoid"), one list per row."""
    rows = [
        line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("|")
    ]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    column = header.index("Avoid")
    terms = []
    for row in rows[2:]:  # after the header and its |---| line
        cell = row.strip("|").split("|")[column].strip()
        terms += [term.strip() for term in cell.split(",") if term.strip() not in ("", "—")]
    return terms


def terms_in(text, terms):
    prose = _CODE.sub(" ", text).lower()
    return [term for term in terms if re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", prose)]


def french_strings():
    """Every French string but URL paths ("membres/", "espace-membre/<slug:slug>/profil/"):
    those are a public contract, kept as they were."""
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete or ("/" in entry.msgid and " " not in entry.msgid):
            continue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            yield entry.msgid, text


def test_the_glossary_lists_terms_to_avoid():
    terms = avoided_terms()

    assert "e-mail" in terms
    assert "profil" in terms
    assert "éditeur" in terms


@pytest.mark.parametrize(
    ("french", "found"),
    [
        ("Écrivez-nous un mail", ["mail"]),
        ("Modifier le profil de %(name)s", ["profil"]),
        ("Un éditeur va l’examiner", ["éditeur"]),
        # Whole words only, and code is not prose.
        ("Modifier la fiche de %(email)s", []),
        ("Toutes les actualités", []),
        ('<a href="/fr/espace-membre/x/profil/">Modifier la fiche</a>', []),
    ],
)
def test_a_term_to_avoid_is_found_as_a_whole_word_outside_code(french, found):
    assert terms_in(french, avoided_terms()) == found


def test_the_catalogue_uses_no_term_the_glossary_avoids():
    terms = avoided_terms()
    wrong = [
        f"{msgid[:60]!r}: {term}"
        for msgid, text in french_strings()
        for term in terms_in(text, terms)
    ]
    assert wrong == [], "\n".join(wrong)
