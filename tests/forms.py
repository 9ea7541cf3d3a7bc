"""What the site's forms post, field by field, as a browser sends them: each helper
returns a valid sending, and `**changes` replace or add fields."""

import datetime
import re
import time

from django.utils import timezone

from cpe_network.lib.antispam import form_token

from .factories import pdf_file


def started(seconds_ago=10):
    """The public forms' token, as if the page had been shown `seconds_ago`."""
    return form_token(time.time() - seconds_ago)


def held_tokens(html):
    """The references to files the server holds for a form sent back, by input name."""
    return dict(re.findall(r'name="([\w-]+)-held" value="([^"]+)"', html))


# Public forms.


def application_data(category, **changes):
    """The join form: Lien Familial applies for `category`, in French, with its PDFs."""
    return {
        "organisation": "Lien Familial",
        "country": "BE",
        "city": "Liège",
        "website": "https://lien.example",
        "legal_status": "association",
        "year_founded": "2001",
        "work": "Nous accompagnons les enfants lors des visites.",
        "category": category.pk,
        "contact_name": "Marie Dupont",
        "contact_role": "Directrice",
        "contact_email": "marie@lien.example",
        "contact_phone": "+32 4 00 00 00",
        "language": "fr",
        "annual_report_1": pdf_file("2024.pdf"),
        "annual_report_2": pdf_file("2023.pdf"),
        "reference_letter": pdf_file("ref.pdf"),
        "consent": "on",
        "nickname": "",
        "started": started(),
    } | changes


def subscription_data(**changes):
    """The form to receive the network's news: Sam Lee, in English."""
    return {
        "name": "Sam Lee",
        "email": "sam@example.org",
        "organisation": "",
        "country": "IE",
        "language": "en",
        "consent": "on",
        "nickname": "",
        "started": started(),
    } | changes


# The member portal.


def profile_data(member, **changes):
    """The profile form of `member`, sent back as it is."""
    return {
        "summary_en": member.summary_en,
        "summary_fr": member.summary_fr or "",
        "description_en": "",
        "description_fr": "",
        "mission_en": "",
        "mission_fr": "",
        "website": "",
        "email": "",
        "phone": "",
        "latitude": "",
        "longitude": "",
        # Checkboxes: sent only when ticked.
        **({"supports_families": "on"} if member.supports_families else {}),
        **({"works_across_borders": "on"} if member.works_across_borders else {}),
    } | changes


def post_data(**changes):
    """Every field of the "send news" form."""
    return {
        "title_en": "Open day",
        "title_fr": "Journée portes ouvertes",
        "summary_en": "",
        "summary_fr": "",
        "body_en": "",
        "body_fr": "",
        "image_alt": "",
        **changes,
    }


def event_data(**changes):
    """The "send an event" form: a family day in Lisbon on 14 June 2031, in French."""
    return {
        "title_fr": "Journée des familles",
        "summary_fr": "Une journée pour les enfants et leurs parents.",
        "body_fr": "Au **programme** : jeux.",
        "start": "2031-06-14T10:00",
        "end": "2031-06-14T16:00",
        "time_zone": "Europe/Lisbon",
        "venue": "Maison des familles",
        "city": "Lisbonne",
        "country": "PT",
        **changes,
    }


def sources(*rows, saved=0):
    """The sources' rows of the "share a practice" form: `rows` of (title, year, link)
    and optionally the title's language (English unless given),
    then empty rows up to three (or one more than given), as the page shows them;
    `saved`: how many of the first rows are sources saved before, as (pk, title, year,
    link)."""
    count = max(3, len(rows))
    data = {
        "sources-TOTAL_FORMS": str(count),
        "sources-INITIAL_FORMS": str(saved),
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "5",
    }
    for index in range(count):
        row = rows[index] if index < len(rows) else ("", "", "")
        if index < saved:
            data[f"sources-{index}-id"] = str(row[0])
            row = row[1:]
        title, year, url, *language = row
        data |= {
            f"sources-{index}-title": title,
            f"sources-{index}-language": language[0] if language else "en",
            f"sources-{index}-year": str(year),
            f"sources-{index}-url": url,
        }
    return data


def practice_data(**changes):
    """Every field of the "share a practice" form: a mentoring programme for teenagers in
    Portugal since 2018, in English, promising after a before-after study, no source."""
    return {
        "title_en": "Mentors for teenagers",
        "title_fr": "",
        "summary_en": "Volunteers meet teenagers every week.",
        "summary_fr": "",
        "body_en": "",
        "body_fr": "",
        "kind": "programme",
        "countries": ["PT"],
        "start_year": "2018",
        "end_year": "",
        "age_groups": ["12-17"],
        "setting": ["community"],
        "providers": ["ngo"],
        "link": "",
        "image_alt": "",
        "rating": "promising",
        "evaluation": "before-after",
        "findings_en": "",
        "findings_fr": "",
        **sources(),
        **changes,
    }


def adaptation_data(**changes):
    """The "record an adaptation" form: taken up in Portugal in 2024, told in French."""
    return {
        "country": "PT",
        "year": "2024",
        "changes_en": "",
        "changes_fr": "Des bénévoles accueillent les familles.",
        "outcome_en": "",
        "outcome_fr": "",
        **changes,
    }


# The admin.


def in_english(fields):
    """The admin's forms have an address in each language: `slug` is the English one."""
    if "slug" in fields:
        fields["slug_en"] = fields.pop("slug")
    return fields


def admin_event(**changes):
    """The admin's event form: a draft on 2 May 2031, 10:00 to 12:00, Paris."""
    return in_english(
        {
            "title_en": "Meeting",
            "slug": "meeting",
            "status": "draft",
            "publish_at_0": "2026-11-24",
            "publish_at_1": "10:00:00",
            "start_0": "2031-05-02",
            "start_1": "10:00:00",
            "end_0": "2031-05-02",
            "end_1": "12:00:00",
            "time_zone": "Europe/Paris",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
            **changes,
        }
    )


def programme(file=None):
    """The admin's event form's fields for one document, a programme, with `file`."""
    fields = {
        "documents-TOTAL_FORMS": "1",
        "documents-0-kind": "programme",
        "documents-0-title_en": "Programme",
    }
    return fields if file is None else {**fields, "documents-0-file": file}


def admin_member(member, **changes):
    """The admin's form of `member`, sent back as it is, published."""
    return {
        "name": member.name,
        "slug": member.slug,
        "kind": member.kind,
        "category": member.category_id,
        "status": member.status,
        "joined_on": member.joined_on.isoformat(),
        "category_since": member.category_since.isoformat(),
        "country": member.country.code,
        "summary_en": member.summary_en,
        "published": "on",
        "category_changes-TOTAL_FORMS": "0",
        "category_changes-INITIAL_FORMS": "0",
    } | changes


def admin_new_member(category, **changes):
    """The admin's form adding an organisation in `category`, in Belgium, since
    1 February 2025, not published."""
    return {
        "kind": "organisation",
        "category": category.pk,
        "status": "active",
        "joined_on": "2025-02-01",
        "category_since": "2025-02-01",
        "country": "BE",
        "category_changes-TOTAL_FORMS": "0",
        "category_changes-INITIAL_FORMS": "0",
    } | changes


def contact_data(**changes):
    """The contact form: a family writes, with an address to reply to."""
    return {
        "kind": "family",
        "subject": "Visiting my father",
        "message": "How can my children visit their father in prison?",
        "reply_email": "famille@example.org",
        "started": started(),
        "nickname": "",
        **changes,
    }


# Working together: a call posted from the portal.


def call_data(**changes):
    """A call for partners, in English only, public, closing in a month."""
    return {
        "kind": "partners",
        "title_en": "Partners for family visits",
        "title_fr": "",
        "description_en": "We look for two organisations to run family visits with us.",
        "description_fr": "",
        "languages": ["en"],
        "deadline": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "funding_programme": "",
        "is_public": "True",
    } | changes
