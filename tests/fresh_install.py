"""Run inside a freshly installed site (see test_fresh_install.py): apply to join the
network, approve the application as staff, and visit the pages, as people would on the
first day. Prints what it found as JSON; any failure is an exception."""

import io
import json
import re
import time

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402
from pypdf import PdfWriter  # noqa: E402

from cpe_network.lib.antispam import form_token  # noqa: E402
from members.models import Application, Member  # noqa: E402
from outbox.models import OutboundEmail  # noqa: E402


def pdf(name):
    """A real PDF of one blank page (the site reads documents with a PDF parser)."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    output = io.BytesIO()
    writer.write(output)
    return SimpleUploadedFile(name, output.getvalue(), content_type="application/pdf")


def main():
    found = {}
    visitor = Client()
    form = visitor.get("/fr/adherer/")
    category = re.search(r'<option value="(\d+)"[^>]*>([^<]+)</option>', form.text)
    found["join form"] = [form.status_code, category.group(2) if category else None]
    sent = visitor.post(
        "/fr/adherer/",
        {
            "organisation": "Lien Familial",
            "country": "BE",
            "city": "Liège",
            "legal_status": "association",
            "year_founded": "2001",
            "work": "Nous accompagnons les enfants lors des visites au parloir.",
            "category": category.group(1),
            "contact_name": "Marie Dupont",
            "contact_role": "Directrice",
            "contact_email": "marie@lien.example",
            "language": "fr",
            "annual_report_1": pdf("2024.pdf"),
            "annual_report_2": pdf("2023.pdf"),
            "reference_letter": pdf("reference.pdf"),
            "consent": "on",
            "started": form_token(time.time() - 60),
        },
    )
    found["application sent"] = [sent.status_code, sent.headers.get("Location")]

    staff = Client()
    staff.force_login(get_user_model().objects.get(email="secretary@network.example.org"))
    application = Application.objects.get()
    decided = staff.post(
        f"/admin/members/application/{application.pk}/decide/",
        {"decision": "approve", "publish": "on", "note": "Board meeting"},
    )
    found["approved"] = decided.status_code
    member = Member.objects.select_related("category").get()
    found["member"] = [member.name, member.category.name_en, member.published]
    # The decision email's link: the new contact chooses a password and represents it.
    decision = OutboundEmail.objects.filter(body__contains="/fr/comptes/invitation/").get()
    link = re.search(r"https://network\.example\.org(/fr/comptes/invitation/\S+/)", decision.body)
    contact = Client()
    password = "a-long-passphrase-for-marie"
    chosen = contact.post(link.group(1), {"new_password1": password, "new_password2": password})
    signed_in = contact.post(
        "/fr/comptes/login/", {"login": "marie@lien.example", "password": password}
    )
    found["representative"] = [
        chosen.status_code,
        signed_in.status_code,
        list(member.representatives.values_list("email", flat=True)),
        member.name in contact.get("/fr/espace-membre/").text,
    ]
    found["member pages"] = [
        visitor.get(f"/en/members/{member.slug}/").status_code,
        visitor.get(f"/fr/membres/{member.slug}/").status_code,
    ]

    # The practice database, empty, and the form to fill it.
    found["practices"] = [
        visitor.get(path).status_code
        for path in (
            "/en/practices/",
            "/fr/pratiques/",
            "/en/practices/evidence/",
            "/fr/pratiques/donnees-probantes/",
            "/fr/pratiques/pratiques.csv",
        )
    ] + [contact.get(f"/fr/espace-membre/{member.slug}/pratiques/nouvelle/").status_code]

    for home in ("/en/", "/fr/"):
        footer = visitor.get(home).text.split('class="site-footer"', 1)[1]
        links = re.findall(r'<a href="(/[^"]+)"', footer)
        found[f"footer {home}"] = {link: visitor.get(link).status_code for link in links}
    found["emails"] = sorted(OutboundEmail.objects.values_list("to", "language"))
    print(json.dumps(found, ensure_ascii=False))


if __name__ == "__main__":
    main()
