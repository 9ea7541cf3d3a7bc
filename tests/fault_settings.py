"""The site's settings for the servers that tests start (tests/test_faults.py): the
production ones, with static files read from the source folders as in the rest of the
suite, so that no test waits for `collectstatic` (6 to 13 seconds on the CI machine)."""

from cpe_network.settings import *  # noqa: F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
