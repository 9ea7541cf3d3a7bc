"""The French that readers see follows French typography: no-break spaces where a line must
not break, the curly apostrophe. Checked over the whole catalogue and over the French fields
of the content the site is set up with (setup_network) and the demo (seed_demo)."""

import io

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django_countries import countries
from modeltranslation.translator import translator

from cpe_network.lib.typography import NBSP, NNBSP, fix_french, french_problems
from tests.read import avoided_terms, terms_in

CATALOGUE = settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize(
    ("typed", "published"),
    [
        ("Motif : hors champ", f"Motif{NBSP}: hors champ"),
        ("Vraiment ? Oui ! Non ; peut-être", f"Vraiment{NNBSP}? Oui{NNBSP}! Non{NNBSP}; peut-être"),
        ("« Une famille »", f"«{NNBSP}Une famille{NNBSP}»"),
        ("6 000 enfants, 54 %, n° 3", f"6{NBSP}000 enfants, 54{NBSP}%, n°{NBSP}3"),
        ("l'enfant d'un parent", "l’enfant d’un parent"),
        # Code is not prose: placeholders, tags, addresses, Markdown images, years in a row.
        ("%(name)s, <a href='x'>voir</a> https://x.org/?q=a:b ![image](i.png)", None),
        ("de 2019 à 2021, 1990 200 fois", None),
    ],
)
def test_french_typography_is_checked_and_fixed(typed, published):
    if published is None:
        assert french_problems(typed) == []
        assert fix_french(typed) == typed
    else:
        assert french_problems(typed)
        assert fix_french(typed) == published
        assert french_problems(published) == []


def catalogue_strings():
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        yield entry.msgid, entry.msgstr
        for text in entry.msgstr_plural.values():
            yield entry.msgid, text


def test_the_catalogue_follows_french_typography():
    problems = [
        f"{msgid[:60]!r}: {problem}"
        for msgid, text in catalogue_strings()
        for problem in french_problems(text)
    ]
    assert problems == [], "\n".join(problems)


def test_the_catalogue_says_courriel_not_e_mail():
    wrong = [msgid for msgid, text in catalogue_strings() if "e-mail" in text.lower()]
    assert wrong == []


@pytest.mark.django_db
def test_the_set_up_and_demo_content_follows_french_typography_and_the_glossary():
    call_command("setup_network", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    # Prose may say "comité de jeunes" or "formation du personnel": only the words that are
    # wrong in any French text are refused here (the catalogue keeps to the whole glossary).
    terms = avoided_terms("email", "event", "digest", "application", "upload", "sign in")
    problems = []
    for model in translator.get_registered_models():
        fields = [f"{name}_fr" for name in translator.get_options_for_model(model).fields]
        for row in model._base_manager.values("pk", *fields):
            for field in fields:
                text = row[field] or ""
                if field.startswith(("url_", "slug_")):
                    continue
                for problem in french_problems(text) + terms_in(text, terms):
                    problems.append(f"{model.__name__} {row['pk']} {field}: {problem}")
    assert problems == [], "\n".join(problems)


def test_every_country_name_in_french_follows_french_typography():
    with translation.override("fr"):
        problems = {code: french_problems(name) for code, name in countries}
    assert {code: found for code, found in problems.items() if found} == {}
    with translation.override("fr"):
        assert countries.name("US") == "États-Unis"
