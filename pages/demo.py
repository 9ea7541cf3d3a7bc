"""Demo content of the site itself for `seed_demo`: a staff account with a known
password (never in production). The network's pages are not demo content: see
pages/network.py."""

import os

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from news.models import Post
from practices.models import Practice

from .models import HomePage

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


def seed_home_page():
    """Feature a demo member story and a demo practice on the home page, where staff have
    not chosen any: the latest published post and the latest published practice with
    strong evidence. Returns whether anything changed."""
    home = HomePage.objects.filter(pk=1).first()
    if home is None:
        return False
    changed = []
    if home.featured_post_id is None:
        home.featured_post = Post.objects.published().order_by("-publish_at").first()
        changed.append("featured_post")
    if home.featured_practice_id is None:
        practices = Practice.objects.published().featured(count=1)
        home.featured_practice = practices[0] if practices else None
        changed.append("featured_practice")
    if changed:
        home.save(update_fields=changed)
    return bool(changed)


DEMO_CONTACT = {
    "address_en": "Secretariat of the network\nRue de la Loi 42\n1040 Brussels\nBelgium",
    "address_fr": "Secrétariat du réseau\nRue de la Loi 42\n1040 Bruxelles\nBelgique",
    "email": "contact@example.org",
    "phone": "+32 2 555 01 23",
}


def seed_contact_details():
    """Demo contact details of the secretariat, where staff have entered none (a real
    network enters its own in the admin; setup_network leaves them empty)."""
    page = HomePage.objects.filter(pk=1).first()
    if page is None:  # setup_network makes it
        return False
    changed = False
    for field, value in DEMO_CONTACT.items():
        if not getattr(page, field):
            setattr(page, field, value)
            changed = True
    if changed:
        page.save()
    return changed
