"""Hypothesis strategies for tests/test_fuzz.py: random and hostile values, as a browser,
a script or a robot could send them in a query string or a form.

What Django's test client can send: any text except lone surrogates (no HTTP request
carries them: a browser sends U+FFFD), raw bytes in a query string (invalid UTF-8
included), several values for one name, and files of any name, type and content."""

from urllib.parse import quote_from_bytes

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

from .factories import image_file, pdf_bytes

# Values that have broken web forms before: control characters (PostgreSQL refuses a
# NUL in any text), injections (SQL, HTML, templates, format strings), paths, text
# that Unicode normalises or case-folds to another length, right-to-left and invisible
# characters, emoji sequences, and very long text.
PAYLOADS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n",
    "\t\x0b\x0c\x1b\x7f\x85\x9f",
    "'; DROP TABLE members_member; --",
    "' OR '1'='1",
    '"',
    "\\",
    "%",
    "%s%s%s%n",
    "%(name)s",
    "{0}{1}",
    "{}",
    "{{ 7|add:7 }}",
    "{% debug %}",
    "${7*7}",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "../../../../etc/passwd",
    "/\\evil.example",
    "//evil.example/",
    "e\u0301",  # é, decomposed
    "\ufb01",  # the "fi" ligature, which NFKC makes two letters
    "\u212a",  # the Kelvin sign, which lower-cases to k
    "\u0130",  # İ, which lower-cases to two characters
    "ß",
    "\u202eevil\u202c",
    "\u200b\u200c\u200d\u2060\ufeff",
    "مرحبا بالعالم",
    "שלום",
    "👨\u200d👩\u200d👧\u200d👦🏳️\u200d🌈",
    "\U0010ffff\ufffd\ufffe",
    "Ａｂｃ１２３",  # full-width letters and digits
    "٢٠٢٤",  # Arabic-Indic digits, which int() reads as 2024
    "x" * 1_000,
    "é" * 70_000,
]

# Numbers as text, in and out of every range a field could have.
NUMBERS = [
    "0",
    "-1",
    "-0",
    "1.5",
    "1e3",
    "1e309",
    "nan",
    "inf",
    "-inf",
    "0x1F",
    " 7 ",
    "2147483648",
    "-9223372036854775809",
    "99999999999999999999999999999999",
    "1" * 400,
]

# Dates and times out of range, impossible, or written another way.
DATES = [
    "0001-01-01",
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    "2024-02-30",
    "2023-02-29",
    "1970-01-01T00:00",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "2031-03-30T02:30",  # a time that does not exist where clocks go forward
    "2031-10-26T02:30",  # a time that exists twice where clocks go back
    "31/12/2030",
    "2030-13-01",
    "2030-1-1",
    "24:00",
    "-2030-01-01",
    "today",
]

# Any text a request can carry: every code point but lone surrogates.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


def value():
    """One value for any field: a known hostile one, a number, a date, or random text."""
    return st.one_of(
        st.sampled_from(PAYLOADS),
        st.sampled_from(NUMBERS),
        st.sampled_from(DATES),
        any_text,
        st.integers().map(str),
    )


def values(choices=()):
    """What a browser or a script sends for one name: usually one value, sometimes
    several (a list where one is expected) or none; `choices` are the valid values,
    which come often, alone or mixed with others, so that the rest of the form is read."""
    one = st.one_of(st.sampled_from(list(choices)), value()) if choices else value()
    return st.one_of(one, st.lists(one, min_size=0, max_size=4))


def query_string(names):
    """A query string with the list's own parameter names (`names`: name -> valid
    values) and others, each possibly repeated, in raw form: percent-encoded bytes, so
    that invalid UTF-8 (%FF) and a NUL (%00) are sent as a browser would."""
    known = st.sampled_from(sorted(names)) if names else any_text
    name = st.one_of(known, known, known, any_text)

    def encoded(pair):
        key, text = pair
        raw = text if isinstance(text, bytes) else text.encode()
        return f"{quote_from_bytes(key.encode())}={quote_from_bytes(raw)}"

    pair = name.flatmap(
        lambda key: st.tuples(
            st.just(key),
            st.one_of(
                st.sampled_from(names.get(key) or [""]),
                value(),
                st.binary(max_size=12),
            ),
        )
    )
    return st.lists(pair.map(encoded), max_size=8).map("&".join)


# Files: empty, huge, with a name or type that lies about their content, and real ones.


def _pdf_like(content):
    return SimpleUploadedFile("report.pdf", content, content_type="application/pdf")


FILE_MAKERS = [
    lambda: _pdf_like(b""),
    lambda: _pdf_like(b"%PDF-1.4\n%%EOF"),
    lambda: _pdf_like(b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF"),
    lambda: _pdf_like(b"%PDF-1.4\n" + b"\x00" * 4096 + b"\n%%EOF"),
    lambda: _pdf_like(pdf_bytes()[:200]),
    lambda: _pdf_like(pdf_bytes().replace(b"/Type /Page", b"/Type /JavaScript")),
    lambda: _pdf_like(b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)),  # over the 10 MB limit
    lambda: SimpleUploadedFile("x.pdf", pdf_bytes(), content_type="application/pdf"),
    lambda: SimpleUploadedFile("../../evil.pdf", pdf_bytes(), content_type="text/html"),
    lambda: SimpleUploadedFile("\x00.pdf", pdf_bytes(), content_type="application/pdf"),
    lambda: SimpleUploadedFile("page.html", b"<html><body>hi</body></html>", "text/html"),
    lambda: SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
    lambda: SimpleUploadedFile("logo.png", b"GIF89a" + b"\xff" * 64, "image/png"),
    lambda: SimpleUploadedFile("bomb.png", b"x" * 2_000_000, "image/png"),
    lambda: image_file("tiny.png", size=(1, 1)),
    lambda: image_file("wide.png", size=(6000, 1)),
    lambda: image_file("logo.jpg", image_format="JPEG"),
    lambda: image_file("logo.gif", image_format="GIF"),
    lambda: image_file("logo.png"),
]


def upload():
    """A new file each time it is drawn (an upload is read once by the request)."""
    return st.sampled_from(range(len(FILE_MAKERS))).map(lambda index: FILE_MAKERS[index]())


def form_changes(fields, *, files=(), choices=None):
    """Changes to a valid sending: some fields given other values (`choices`: the
    valid values of some fields, mixed in), some left out, some unknown ones added,
    and file fields given hostile files. Few changes most often, so that the form's
    own checks meet one bad value at a time, and the valid sending comes often."""
    choices = choices or {}
    names = sorted(fields)
    field_value = st.sampled_from(names).flatmap(
        lambda name: st.tuples(st.just(name), values(choices.get(name, ())))
    )
    changed = st.lists(field_value, max_size=4).map(dict)
    removed = st.lists(st.sampled_from(names), max_size=2).map(set) if names else st.just(set())
    added = st.dictionaries(any_text.filter(bool), value(), max_size=1)
    new_files = (
        st.dictionaries(st.sampled_from(sorted(files)), upload(), max_size=len(files))
        if files
        else st.just({})
    )
    return st.fixed_dictionaries(
        {"changed": changed, "removed": removed, "added": added, "files": new_files}
    )


# The valid sending as it is: each form's first example.
UNCHANGED = {"changed": {}, "removed": set(), "added": {}, "files": {}}


def applied(data, changes):
    """`data` with `changes` (form_changes) made."""
    data = {name: given for name, given in data.items() if name not in changes["removed"]}
    return data | changes["added"] | changes["changed"] | changes["files"]
