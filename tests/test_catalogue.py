"""The French catalogue is complete: every interface string has a French version."""

import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/fr/LC_MESSAGES/django.po"


def entries():
    """(flags, msgid, msgstr) of each entry but the header, multi-line strings joined."""
    text = CATALOGUE.read_text(encoding="utf-8")
    for block in re.split(r"\n\s*\n", text):
        if block.lstrip().startswith("#~"):
            continue  # obsolete
        flags = " ".join(re.findall(r"^#, (.*)$", block, re.M))
        strings = {}
        key = None
        for line in block.splitlines():
            if match := re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line):
                key = match.group(1)
                strings[key] = match.group(2)
            elif key and (match := re.match(r'^"(.*)"$', line)):
                strings[key] += match.group(1)
        if strings.get("msgid"):
            translations = [v for k, v in strings.items() if k.startswith("msgstr")]
            yield flags, strings["msgid"], translations


def test_no_french_entry_is_missing():
    missing = [msgid for _f, msgid, msgstrs in entries() if not all(msgstrs)]

    assert missing == []


def test_no_french_entry_is_fuzzy():
    fuzzy = [msgid for flags, msgid, _ in entries() if "fuzzy" in flags]

    assert fuzzy == []


def test_catalogue_is_not_empty():
    assert len(list(entries())) > 20
