"""The French glossary (locale/fr/GLOSSARY.md) is enforced, not just written: no French
string of the catalogue uses a term its "Avoid" column lists."""

import polib
import pytest
from django.conf import settings

from tests.read import avoided_terms, terms_in

CATALOGUE = settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"


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
