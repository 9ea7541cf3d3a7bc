"""Every text and control colour pair in our stylesheet meets WCAG AA, in light and
dark mode alike (4.5:1 for text, 3:1 for borders that mark a control)."""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parent.parent / "static/css/site.css").read_text()

TEXT_PAIRS = [
    ("text", "bg"),
    ("muted", "bg"),
    ("link", "bg"),
    ("link-visited", "bg"),
    ("text", "surface"),
    ("muted", "surface"),
    ("link", "surface"),
    ("link-visited", "surface"),
    ("on-primary", "primary"),
    ("on-primary", "primary-strong"),
    ("on-accent", "accent"),
    ("text", "info-bg"),
    ("link", "info-bg"),
    ("text", "success-bg"),
    ("text", "warning-bg"),
    ("error", "bg"),
    ("mark-text", "mark-bg"),
]
UI_PAIRS = [("border-strong", "bg"), ("focus", "focus-ring")]


def palette(block):
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", block))


def schemes():
    light = palette(CSS.split("@media (prefers-color-scheme: dark)")[0])
    dark_block = re.search(r"prefers-color-scheme: dark\)\s*{\s*:root\s*{(.*?)}", CSS, re.S)
    return {"light": light, "dark": light | palette(dark_block.group(1))}


def luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("fore", "back"), TEXT_PAIRS)
def test_text_colours_meet_aa(scheme, fore, back):
    colours = schemes()[scheme]

    assert contrast(colours[fore], colours[back]) >= 4.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("fore", "back"), UI_PAIRS)
def test_control_colours_meet_aa(scheme, fore, back):
    colours = schemes()[scheme]

    assert contrast(colours[fore], colours[back]) >= 3
