"""What tests read off pages, emails and the French glossary, and the code an authenticator
app shows."""

import re
from urllib.parse import unquote

from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.conf import settings

GLOSSARY = settings.BASE_DIR / "locale" / "fr" / "GLOSSARY.md"


def alternates(html):
    """The page's `<link rel="alternate" hreflang>`: {language: address}."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher_link(html):
    """The language switcher's link: where it leads (through /language/<code>/, which
    remembers the choice, tests/test_language_choice.py) as an absolute address, its
    language, its hreflang and its text."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    href, *rest = re.search(r'href="([^"]+)" lang="(\w+)" hreflang="(\w+)">([^<]+)<', nav).groups()
    language, target = re.fullmatch(r"/language/(\w+)/\?next=(.+)", href).groups()
    if not target.startswith(f"/{language}/"):
        raise AssertionError(f"the switcher to {language} leads to {target}")
    return ("http://testserver" + unquote(target), *rest)


def link_in(message):
    """The path of the first address in an email's text."""
    return re.search(r"https?://\S+", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


def totp_now(secret):
    """The six digits an authenticator app shows now for `secret`."""
    return f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"


# Placeholders and HTML tags are code, not French ("%(email)s" is not the word "email").
_CODE = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}|<[^>]*>")


def avoided_terms(*concepts):
    """The terms of the glossary table's last column ("Avoid"), of every row or of the rows
    whose English (first column) starts with one of `concepts`."""
    rows = [
        line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("|")
    ]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    column = header.index("Avoid")
    terms = []
    for row in rows[2:]:  # after the header and its |---| line
        cells = row.strip("|").split("|")
        if concepts and not cells[0].strip().startswith(concepts):
            continue
        cell = cells[column].strip()
        terms += [term.strip() for term in cell.split(",") if term.strip() not in ("", "—")]
    return terms


def terms_in(text, terms):
    prose = _CODE.sub(" ", text).lower()
    return [term for term in terms if re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", prose)]
