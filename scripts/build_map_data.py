"""Build members/data/europe.json, the country shapes of the map of members.

Run once, when the boundaries should change:

    (cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    .venv/bin/python scripts/build_map_data.py /tmp/package/countries-50m.json \
        members/data/europe.json [tolerance in km, default 2.5]
    .venv/bin/python scripts/build_map_data.py --small /tmp/package/countries-50m.json \
        members/data/europe-small.json

It decodes the TopoJSON of Natural Earth's 1:50m countries, keeps the countries with a
part in WINDOW (Europe and its neighbours) and drops their parts wholly outside it,
projects them (members.geo.project), simplifies each ring (Douglas–Peucker) and writes
one SVG path per country, in km, with the boxes of its largest part and of all its
parts. Kosovo has no numeric code in the data and Northern Cyprus is drawn as part of
Cyprus; other places without a code (Somaliland, ...) are left out.

With --small it writes the outlines of the small maps (the home page, a practice's
reach), a quarter of the weight: each shared border (a TopoJSON arc) is simplified once,
to SMALL_TOLERANCE_KM, so that neighbours still meet, islands smaller than
SMALL_MIN_AREA_KM2 are dropped unless they are the country's largest part (Malta stays),
and each ring is kept with its box, so that a small map leaves out the parts it does not
show (Siberia, most of Greenland).
"""

import itertools
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django
from django.conf import settings

settings.configure(USE_I18N=False)
django.setup()

from django_countries import countries as country_names  # noqa: E402

from members.geo import project  # noqa: E402

WINDOW = (-32, 25, 75, 83)  # lon min, lat min, lon max, lat max, degrees
TOLERANCE_KM = 2.5
SMALL_TOLERANCE_KM = 12
SMALL_MIN_AREA_KM2 = 1500
# What the small outlines cover, in km (min_x, min_y, max_x, max_y): Iceland to the
# Caspian, the Sahara's edge to the North Cape. A wider view uses the full outlines.
SMALL_WINDOW = (-3000, -3000, 3600, 2800)
EXTRA_CODES = {"Kosovo": "XK", "N. Cyprus": "CY"}


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry, arcs):
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


def in_window(points):
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return not (
        max(lons) < WINDOW[0]
        or min(lons) > WINDOW[2]
        or max(lats) < WINDOW[1]
        or min(lats) > WINDOW[3]
    )


def simplify(points, tolerance):
    """Douglas–Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        best, best_index = 0.0, None
        for i in range(first + 1, last):
            x0, y0 = points[i]
            if length == 0:
                distance = math.hypot(x0 - x1, y0 - y1)
            else:
                distance = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length
            if distance > best:
                best, best_index = distance, i
        if best_index is not None and best > tolerance:
            keep[best_index] = True
            stack += [(first, best_index), (best_index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(points))) / 2


def numbers(values):
    """SVG number list: a space between numbers, none before a minus sign."""
    return "".join(
        f"{value}" if value < 0 or i == 0 else f" {value}" for i, value in enumerate(values)
    )


def path(rings):
    """Compact SVG path: per ring, an absolute move, then relative lines, then a close
    (which draws the last side, so the repeated first point is left out)."""
    parts = []
    for points in rings:
        if points[-1] == points[0]:
            points = points[:-1]
        x, y = points[0]
        deltas = []
        for nx, ny in points[1:]:
            if (nx, ny) != (x, y):
                deltas += [nx - x, ny - y]
                x, y = nx, ny
        parts.append(f"M{numbers([points[0][0], points[0][1]])}l{numbers(deltas)}z")
    return "".join(parts)


def box(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [min(xs), min(ys), max(xs), max(ys)]


def countries(topology):
    """(ISO code, geometry) of each country of the topology that has a code."""
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        code = (
            country_names.alpha2(int(geometry["id"])) if geometry.get("id") else None
        ) or EXTRA_CODES.get(name)
        if code:
            yield code, geometry


def build(source, tolerance=TOLERANCE_KM):
    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    result = {}
    for code, geometry in countries(topology):
        kept = []
        for polygon in polygons(geometry, arcs):
            if not in_window(polygon[0]):
                continue
            for number, outline in enumerate(polygon):
                projected = [project(lat, lon) for lon, lat in outline]
                rounded = [(round(x), round(y)) for x, y in simplify(projected, tolerance)]
                if len(set(rounded)) >= 3:
                    kept.append(rounded)
                elif number == 0:
                    break  # the outer ring is gone: its holes go with it
        if not kept:
            continue
        entry = result.setdefault(code, {"name": str(country_names.name(code)), "rings": []})
        entry["rings"] += kept
    output = {}
    for code, entry in sorted(result.items()):
        rings = entry["rings"]
        largest = max(rings, key=area)
        everything = [p for r in rings for p in r]
        output[code] = {
            "name": entry["name"],
            "d": path(rings),
            "main": box(largest),
            "box": box(everything),
        }
    return output


def clip(points, window):
    """The ring cut to the rectangle `window` (Sutherland–Hodgman): filled, it covers
    the same ground inside the window."""
    left, top, right, bottom = window
    edges = (
        (lambda p: p[0] >= left, lambda a, b: _at_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: _at_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: _at_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: _at_y(a, b, bottom)),
    )
    for inside, cross in edges:
        if not points:
            break
        result = []
        for a, b in zip(points, points[1:] + points[:1], strict=True):
            if inside(b):
                if not inside(a):
                    result.append(cross(a, b))
                result.append(b)
            elif inside(a):
                result.append(cross(a, b))
        points = result
    return points


def _at_x(a, b, x):
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a, b, y):
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def build_small(source, tolerance=SMALL_TOLERANCE_KM, min_area=SMALL_MIN_AREA_KM2):
    """{code: {"rings": [[min_x, min_y, max_x, max_y, SVG path], ...]}} for the small
    maps: arcs projected and simplified once each, so that a border shared by two
    countries is drawn the same way in both."""
    topology = json.loads(Path(source).read_text())
    raw = decode_arcs(topology)
    simple = [simplify([project(lat, lon) for lon, lat in arc], tolerance) for arc in raw]
    result = {}
    for code, geometry in countries(topology):
        drawn = polygons(geometry, simple)
        for polygon, original in zip(drawn, polygons(geometry, raw), strict=True):
            if not in_window(original[0]):
                continue
            for number, outline in enumerate(polygon):
                rounded = [(round(x), round(y)) for x, y in clip(outline, SMALL_WINDOW)]
                if len(set(rounded)) >= 3:
                    result.setdefault(code, []).append((number == 0, rounded))
                elif number == 0:
                    break  # the outer ring is gone: its holes go with it
    output = {}
    for code, rings in sorted(result.items()):
        largest = max((r for outer, r in rings if outer), key=area, default=None)
        kept = [r for _outer, r in rings if r is largest or area(r) >= min_area]
        # One path per ring with its box, so that a small map draws only what it shows.
        output[code] = {"rings": [[*box(r), path([r])] for r in kept]}
    return output


def main(source, target, tolerance=None, *, small=False):
    extra = {"window": SMALL_WINDOW} if small else {}
    if small:
        shapes = build_small(source, float(tolerance or SMALL_TOLERANCE_KM))
    else:
        shapes = build(source, float(tolerance or TOLERANCE_KM))
    data = {
        "source": "Natural Earth 1:50m via world-atlas 2.0.2 (ISC; data public domain)",
        "projection": "LAEA lat0=52 lon0=10, km, y down",
        **extra,
        "countries": shapes,
    }
    Path(target).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    size = Path(target).stat().st_size
    print(f"{len(shapes)} countries, {size / 1024:.0f} KB written to {target}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--small"]
    main(*arguments[:3], small="--small" in sys.argv)
