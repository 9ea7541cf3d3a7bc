"""File sizes as the site writes them in French. Django's French catalogue names the units
"Kio", "Mio" (binary prefixes) where the site's own texts, as French readers expect, say
"Ko", "Mo" ("PDF, 10 Mo au plus"): one word per concept. Django looks a message up in
LOCALE_PATHS (our catalogue) before its own, so these messages of `filesizeformat`,
translated in locale/fr/LC_MESSAGES/django.po, replace Django's. The list exists so that
`make messages` keeps them."""

from django.utils.translation import gettext_noop

FILE_SIZE_UNITS = (
    gettext_noop("%s KB"),
    gettext_noop("%s MB"),
    gettext_noop("%s GB"),
    gettext_noop("%s TB"),
    gettext_noop("%s PB"),
)
