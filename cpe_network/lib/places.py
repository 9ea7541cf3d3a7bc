"""Names of places in the reader's language: cities (members, applications, events), typed
once in one language, are kept in English and French; a small gazetteer
(members/data/cities.json) gives the other language's name of the cities whose names
differ, and a city it does not know keeps its name in both."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings

from .text import fold

GAZETTEER = Path(settings.BASE_DIR) / "members" / "data" / "cities.json"


@cache
def _cities():
    """{folded name: {"en": ..., "fr": ...}} for every name of every city."""
    found = {}
    for city in json.loads(GAZETTEER.read_text(encoding="utf-8"))["cities"]:
        names = {code: city[code] for code, _name in settings.LANGUAGES}
        for name in [*names.values(), *city.get("also", [])]:
            found.setdefault(_key(name), names)
    return found


def _key(name):
    return fold(name).replace("-", " ")


def city_name(name, language):
    """`name` (in any language) as `language` writes it, or unchanged when the gazetteer
    does not know it: city_name("Genève", "en") is "Geneva"."""
    if not name:
        return name
    names = _cities().get(_key(name))
    return names[language] if names else name


def city_names(name):
    """The fields of a translated `city` for a city typed in one language:
    {"city_en": "Brussels", "city_fr": "Bruxelles"}."""
    return {f"city_{code}": city_name(name, code) for code, _name in settings.LANGUAGES}


def set_city(instance, name):
    """Give a model whose `city` is translated the city typed in one language, in every
    language."""
    for field, value in city_names(name).items():
        setattr(instance, field, value)


def fill_city(instance):
    """Fill the languages where a translated `city` is empty from one where it is not
    (staff may give only one; rows made in code, such as demo data, give one)."""
    names = {code: getattr(instance, f"city_{code}") for code, _name in settings.LANGUAGES}
    given = next((name for name in names.values() if name), "")
    for code, name in names.items():
        if not name and given:
            setattr(instance, f"city_{code}", city_name(given, code))


class TypedCityMixin:
    """For a ModelForm where the city is typed once, in the reader's language (the
    join form's member, the portal's profile, an event sent from the portal): the
    model keeps it in every language, from the gazetteer. A city left unchanged keeps
    the names staff gave it."""

    def _post_clean(self):
        super()._post_clean()
        if "city" in self.changed_data and "city" in self.cleaned_data:
            set_city(self.instance, self.cleaned_data["city"])


def fill_city_migration(app_label, model_name):
    """For a data migration, once `city` is translated: the city of each row, kept in
    `city` before, in each language."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        for row in model.objects.exclude(city="").only("pk", "city").iterator():
            model.objects.filter(pk=row.pk).update(**city_names(row.city))

    return forwards
