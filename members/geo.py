"""The map of members: country shapes kept in the repository (members/data/europe.json,
and europe-small.json, lighter, for the small maps; built once by
scripts/build_map_data.py), a projection for pins, the framing, and what the SVG
template draws."""

import functools
import json
import math
from collections.abc import Iterable
from pathlib import Path

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries as country_names

DATA = Path(__file__).resolve().parent / "data" / "europe.json"
SMALL_DATA = DATA.with_name("europe-small.json")

# Lambert azimuthal equal-area centred on Europe (as EPSG:3035), on a sphere, in km.
RADIUS_KM = 6371.0
CENTRE_LAT, CENTRE_LON = math.radians(52), math.radians(10)

# The view when no country has members yet: Portugal to Finland, Ireland to Cyprus.
DEFAULT_CODES = ("PT", "IE", "NO", "FI", "GR", "CY")


def project(lat: float, lon: float) -> tuple[float, float]:
    """SVG coordinates (x east, y south) in km of a point given in degrees: Lambert
    azimuthal equal-area centred at 52° N, 10° E (EPSG:3035's formula, on a sphere),
    whose y grows northwards, negated so that north is up in the SVG."""
    phi, lam = math.radians(lat), math.radians(lon) - CENTRE_LON
    k = math.sqrt(
        2
        / (
            1
            + math.sin(CENTRE_LAT) * math.sin(phi)
            + math.cos(CENTRE_LAT) * math.cos(phi) * math.cos(lam)
        )
    )
    x = RADIUS_KM * k * math.cos(phi) * math.sin(lam)
    y = (
        RADIUS_KM
        * k
        * (
            math.cos(CENTRE_LAT) * math.sin(phi)
            - math.sin(CENTRE_LAT) * math.cos(phi) * math.cos(lam)
        )
    )
    return x, -y


@functools.cache
def countries() -> dict[str, dict]:
    """{code: {"name", "d" (SVG path), "main" (box of its largest part), "box" (box of
    all its parts)}}, read once from members/data/europe.json; boxes are
    [min_x, min_y, max_x, max_y] in SVG coordinates."""
    return json.loads(DATA.read_text(encoding="utf-8"))["countries"]


@functools.cache
def small_data() -> dict:
    """The outlines of the small maps (about 12 km simplification, small islands left
    out, cut to a `window` around Europe): {"window": [min_x, min_y, max_x, max_y],
    "countries": {code: {"rings": [[min_x, min_y, max_x, max_y, SVG path], ...]}}},
    read once from members/data/europe-small.json."""
    return json.loads(SMALL_DATA.read_text(encoding="utf-8"))


def small_outlines(view) -> dict[str, str]:
    """{code: SVG path} of the small maps, of the rings that `view` shows: a quarter of
    the full outlines' weight, or less. Empty (the full outlines are drawn) when the
    view reaches beyond the window the small outlines were cut to; a code missing here
    keeps its full outline too."""
    left, top, right, bottom = small_data()["window"]
    x, y, width, height = view
    if x < left or y < top or x + width > right or y + height > bottom:
        return {}
    return {
        code: "".join(ring[4] for ring in shape["rings"] if _overlaps(ring, view))
        for code, shape in small_data()["countries"].items()
    }


def frame(
    codes: Iterable[str],
    points: Iterable[tuple[float, float]] = (),
    *,
    padding: float = 0.08,
    min_size: float = 900,
) -> tuple[int, int, int, int]:
    """An SVG viewBox (min_x, min_y, width, height), in whole km, showing the main part
    of each country (codes missing from the data are ignored) and each projected point,
    padded by `padding` of the larger side on each side, at least `min_size` km across
    each way, and widened or heightened, about its centre, to between square and 4:3.
    With nothing to show, the view of DEFAULT_CODES."""
    shapes = countries()
    boxes = [shapes[code]["main"] for code in codes if code in shapes]
    boxes += [(x, y, x, y) for x, y in points]
    if not boxes:
        boxes = [shapes[code]["main"] for code in DEFAULT_CODES if code in shapes]
    left = min(box[0] for box in boxes)
    top = min(box[1] for box in boxes)
    right = max(box[2] for box in boxes)
    bottom = max(box[3] for box in boxes)
    pad = padding * max(right - left, bottom - top)
    left, top = math.floor(left - pad), math.floor(top - pad)
    right, bottom = math.ceil(right + pad), math.ceil(bottom + pad)
    # Grow in whole km, so that rounding can neither cut a box nor spoil the shape.
    size = math.ceil(min_size)
    width = max(right - left, size, bottom - top)
    height = max(bottom - top, size, math.ceil(width * 3 / 4))
    left -= (width - (right - left)) // 2
    top -= (height - (bottom - top)) // 2
    return left, top, width, height


# Countries with members are shaded by how many they have: (lowest, highest) of each.
SHADES = ((1, 1), (2, 3), (4, 6), (7, None))


def shade(count):
    for index, (_low, high) in enumerate(SHADES, start=1):
        if high is None or count <= high:
            return index
    return len(SHADES)


def legend():
    labels = []
    for index, (low, high) in enumerate(SHADES, start=1):
        if high is None:
            label = _("%(low)d or more members") % {"low": low}
        elif low == high:
            label = ngettext("%(low)d member", "%(low)d members", low) % {"low": low}
        else:
            label = _("%(low)d to %(high)d members") % {"low": low, "high": high}
        labels.append((index, label))
    return labels


def _overlaps(box, view):
    x, y, width, height = view
    return box[0] < x + width and box[2] > x and box[1] < y + height and box[3] > y


def map_context(counts, pins=(), *, marks=None, small=False):
    """What the map template draws: `counts` maps country codes to member counts,
    `pins` are (name, slug, latitude, longitude) of members with coordinates. `marks`,
    for a map of something else than members, maps the codes of `counts` to what each
    country is (a word the template and the stylesheet know, e.g. "origin"), drawn
    instead of a shade. `small`: the lighter outlines, for a map drawn small (the home
    page's), where the full ones would only add weight."""
    shapes = countries()
    placed = [
        (name, slug, *project(float(latitude), float(longitude)))
        for name, slug, latitude, longitude in pins
    ]
    view = frame([code for code in counts if code in shapes], [(x, y) for *_, x, y in placed])
    width = view[2]
    outlines = small_outlines(view) if small else {}
    radius = round(width / 220, 1)
    return {
        "view_box": " ".join(str(n) for n in view),
        "shaded": [
            {
                "code": code,
                "name": country_names.name(code),
                "d": outlines.get(code, shape["d"]),
                "count": counts[code],
                "shade": shade(counts[code]),
                "mark": (marks or {}).get(code, ""),
            }
            for code, shape in shapes.items()
            if code in counts
        ],
        "plain": [
            outlines.get(code, shape["d"])
            for code, shape in shapes.items()
            if code not in counts and _overlaps(shape["box"], view)
        ],
        "pins": [
            {
                "name": name,
                "url": reverse("members:detail", kwargs={"slug": slug}),
                "x": round(x, 1),
                "y": round(y, 1),
                "label_x": round(x + radius * 1.8, 1),
            }
            for name, slug, x, y in placed
        ],
        "pin_radius": radius,
        # The hatching of marked countries: a stripe every `hatch` km, `hatch_line` wide.
        "marked": bool(marks),
        "hatch": round(width / 60, 1),
        "hatch_line": round(width / 120, 1),
        "label_size": round(width / 50),
        "legend": legend(),
    }
