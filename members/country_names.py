"""Country names in French as a French page writes them, where django-countries' own
catalogue has a straight apostrophe or a form no French text uses ("États-Unis
d'Amérique"). Listed here so that `makemessages` keeps them in our catalogue, which Django
reads before the library's (LOCALE_PATHS come first); nothing imports this module."""

from django.utils.translation import gettext_noop

COUNTRY_NAMES = [
    gettext_noop("British Indian Ocean Territory"),
    gettext_noop("Côte d'Ivoire"),
    gettext_noop("Eswatini"),
    gettext_noop("Iran (Islamic Republic of)"),
    gettext_noop("Palestine, State of"),
    gettext_noop("United Kingdom of Great Britain and Northern Ireland"),
    gettext_noop("United States of America"),
]
