"""Templates read one tag per line: no line is longer than 160 characters, so that a
change shows as a small diff and nobody scrolls sideways to read a condition."""

from pathlib import Path

import django

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LONGEST = 160
# Where a template is a copy of one of Django's (templates/admin/edit_inline/), the
# lines copied as they are stay Django's, so that the two still compare line by line.
DJANGO_TEMPLATES = Path(django.__file__).parent / "contrib" / "admin" / "templates"


def long_lines(root, originals=DJANGO_TEMPLATES):
    """Each line over LONGEST characters in the html, txt and xml files under `root`,
    as "path:line (length)", unless it is a line of the original it copies."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in {".html", ".txt", ".xml"}:
            continue
        name = path.relative_to(root)
        original = originals / name
        copied = (
            set(original.read_text(encoding="utf-8").splitlines()) if original.is_file() else set()
        )
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if len(line) > LONGEST and line not in copied:
                found.append(f"{name}:{number} ({len(line)} characters)")
    return found


def test_no_template_line_is_longer_than_160_characters():
    assert long_lines(TEMPLATES) == []


def test_a_long_line_is_found(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "page.html").write_text("<p>\n" + "x" * 161 + "\n</p>\n")

    assert long_lines(tmp_path, originals=tmp_path / "none") == [
        "news/page.html:2 (161 characters)"
    ]


def test_a_line_copied_from_django_may_be_longer(tmp_path):
    line = "<td>" + "x" * 160 + "</td>"
    for root in (tmp_path / "project", tmp_path / "django"):
        (root / "admin").mkdir(parents=True)
        (root / "admin" / "tabular.html").write_text(f"{line}\n")

    assert long_lines(tmp_path / "project", originals=tmp_path / "django") == []
