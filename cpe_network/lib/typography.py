"""French typography, as the Imprimerie nationale's rules and the French public service
write it: which space goes where, and the curly apostrophe.

- a narrow no-break space (U+202F) before ; ? ! and inside « »;
- a no-break space (U+00A0) before : and %, after n°, and between the groups of a number
  (6 000);
- the apostrophe ’ (U+2019), never the typewriter's '.

`french_problems()` says what is wrong in a French text (the tests run it over the whole
catalogue and over the French fields of the content the site is set up with);
`fix_french()` puts the right spaces in, for text that was typed with ordinary ones.
"""

import re

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space

# Ordinary spaces: a space, or a line break in a catalogue entry or a Markdown text.
_SPACE = r"[ \t\n]"
# Template and format placeholders, HTML tags, Markdown links' addresses and autolinks:
# their punctuation is code, not French.
_CODE = re.compile(
    r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|\{%.*?%\}|<[^>]*>|\]\([^)]*\)|https?://\S+|`[^`]*`"
)

_RULES = [
    (re.compile(rf"{_SPACE}+(?=[;?»]|!(?!\[))"), NNBSP, "a narrow no-break space before ; ? ! »"),
    (re.compile(rf"(?<=«){_SPACE}+"), NNBSP, "a narrow no-break space after «"),
    (re.compile(rf"{_SPACE}+(?=:)"), NBSP, "a no-break space before :"),
    (re.compile(rf"{_SPACE}+(?=%)"), NBSP, "a no-break space before %"),
    (re.compile(rf"(?<=\bn°){_SPACE}+"), NBSP, "a no-break space after n°"),
    (re.compile(r"(?<=\d)(?<!\d{4}) (?=\d{3}\b)"), NBSP, "a no-break space in a number"),
]
_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\w)")


def _prose(text):
    """The text with code blanked out (same length, so positions still match)."""
    return _CODE.sub(lambda match: "\x00" * len(match.group()), text)


def french_problems(text):
    """What is wrong in a French text, one message per kind of mistake with an excerpt."""
    prose = _prose(text)
    problems = []
    for pattern, _space, rule in _RULES:
        for match in pattern.finditer(prose):
            start = max(match.start() - 20, 0)
            problems.append(f"{rule}: …{text[start : match.end() + 20]}…")
    for match in _APOSTROPHE.finditer(prose):
        start = max(match.start() - 20, 0)
        problems.append(f"’ rather than ': …{text[start : match.end() + 20]}…")
    return problems


def fix_french(text):
    """The text with the right spaces and apostrophes (code left as it is)."""
    prose = _prose(text)
    changes = []
    for pattern, space, _rule in _RULES:
        changes += [(m.start(), m.end(), space) for m in pattern.finditer(prose)]
    changes += [(m.start(), m.end(), "’") for m in _APOSTROPHE.finditer(prose)]
    for start, end, replacement in sorted(changes, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text
