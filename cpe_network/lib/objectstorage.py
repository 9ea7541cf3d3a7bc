"""Uploads in S3-compatible object storage (S3_BUCKET; see the settings), so that several
application servers share them. Only imported when the settings name these storages.

Nothing in the bucket is public: pages link to uploads at MEDIA_URL as they do to local
files, and the view that checks who may see each one (pages.views.media) reads it from the
bucket; private documents have no address at all, as in PRIVATE_MEDIA_ROOT, and are sent
by the views that check permissions (cpe_network.lib.uploads.pdf_download)."""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PublicObjectStorage(S3Storage):
    """Pictures and public documents (STORAGES["default"]), served by the site's view."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))


class PrivateObjectStorage(S3Storage):
    """Applications', calls' and members' documents (STORAGES["private"]): no address."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("This file is not accessible via a URL.")
