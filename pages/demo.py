"""Demo content of the site itself for `seed_demo`: a staff account with a known
password (never in production). The network's pages are not demo content: see
pages/network.py."""

import os

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

DEMO_STAFF_USERNAME = "admin"
DEMO_STAFF_EMAIL = "admin@example.org"


def seed_staff():
    """The demo staff account: (username, password, created)."""
    password = os.environ.get("DEMO_PASSWORD", "network-demo")
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_STAFF_USERNAME,
        defaults={"email": DEMO_STAFF_EMAIL, "is_staff": True, "is_superuser": True},
    )
    if created:
        user.set_password(password)
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return DEMO_STAFF_EMAIL, password, created
