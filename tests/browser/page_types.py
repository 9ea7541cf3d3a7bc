"""The site's page types, in both languages, that the page-wide checks visit (axe-core
in test_accessibility, the Nu HTML Checker in test_valid_html). The data they show is
made by the `members` and `representative` fixtures in conftest.py."""

# The account id of Relais Lyon's contact person (conftest.representative).
CONTACT_PERSON = 4242
# The key of Relais Lyon's call (conftest.members), which Kinder Berlin replied to.
CALL = 4243

PAGE_TYPES = {
    "home": {"en": "/en/", "fr": "/fr/"},
    "page": {"en": "/en/about/", "fr": "/fr/a-propos/"},
    "not found": {"en": "/en/no-such-page/", "fr": "/fr/page-inexistante/"},
    "directory": {"en": "/en/members/", "fr": "/fr/membres/"},
    "filtered directory": {
        "en": "/en/members/?country=FR&topic=prison-visits",
        "fr": "/fr/membres/?country=FR&topic=prison-visits",
    },
    "family support directory": {
        "en": "/en/members/?support=families&country=BE",
        "fr": "/fr/membres/?support=families&country=IS",
    },
    "find help": {"en": "/en/find-help/", "fr": "/fr/trouver-de-l-aide/"},
    "empty directory": {"en": "/en/members/?q=nothing-matches", "fr": "/fr/membres/?q=rien"},
    "member": {"en": "/en/members/relais-lyon/", "fr": "/fr/membres/relais-lyon/"},
    "membership": {"en": "/en/membership/", "fr": "/fr/adhesion/"},
    "map": {"en": "/en/members/map/", "fr": "/fr/membres/carte/"},
    "news": {"en": "/en/news/", "fr": "/fr/actualites/"},
    "news filtered": {"en": "/en/news/?topic=prison-visits", "fr": "/fr/actualites/?country=ZZ"},
    "news post": {"en": "/en/news/visits-reopen/", "fr": "/fr/actualites/visits-reopen/"},
    "english-only post": {"en": "/en/news/english-only/", "fr": "/fr/actualites/english-only/"},
    "events": {"en": "/en/events/", "fr": "/fr/evenements/"},
    "past events": {"en": "/en/events/?when=past", "fr": "/fr/evenements/?when=past"},
    "no events": {
        "en": "/en/events/?country=IS",
        "fr": "/fr/evenements/?topic=prison-visits&when=past",
    },
    "event": {"en": "/en/events/family-day/", "fr": "/fr/evenements/family-day/"},
    "english-only event": {"en": "/en/events/webinar/", "fr": "/fr/evenements/webinar/"},
    "practices": {"en": "/en/practices/", "fr": "/fr/pratiques/"},
    "practices filtered": {
        "en": "/en/practices/?country=FR&rating=well-supported&reach=several&member=relais-lyon",
        "fr": "/fr/pratiques/?kind=guidance&sort=title&reach=several",
    },
    "no practices": {
        "en": "/en/practices/?country=IS",
        "fr": "/fr/pratiques/?adapted=yes&kind=training",
    },
    "practice": {"en": "/en/practices/visiting-rooms/", "fr": "/fr/pratiques/visiting-rooms/"},
    "english-only practice": {
        "en": "/en/practices/english-only-practice/",
        "fr": "/fr/pratiques/english-only-practice/",
    },
    "evidence": {"en": "/en/practices/evidence/", "fr": "/fr/pratiques/donnees-probantes/"},
    "search": {"en": "/en/search/?q=visits", "fr": "/fr/recherche/?q=parloirs"},
    "search with nothing found": {
        "en": "/en/search/?q=zyxwvut",
        "fr": "/fr/recherche/?q=zyxwvut",
    },
    # Nothing for the word as typed: what the likelier word ("prison") finds, said so.
    "search corrected": {"en": "/en/search/?q=prision", "fr": "/fr/recherche/?q=prision"},
    "search without words": {"en": "/en/search/", "fr": "/fr/recherche/"},
    "news searched": {"en": "/en/news/?q=visits", "fr": "/fr/actualites/?q=parloirs"},
    "calls": {"en": "/en/collaborate/", "fr": "/fr/collaborer/"},
    "calls filtered": {
        "en": "/en/collaborate/?topic=prison-visits&country=FR&language=en",
        "fr": "/fr/collaborer/?kind=expertise&soon=yes",
    },
    "no calls": {
        "en": "/en/collaborate/?language=is&topic=prison-visits",
        "fr": "/fr/collaborer/?kind=nothing&soon=yes&language=is",
    },
    "closed calls": {"en": "/en/collaborate/archive/", "fr": "/fr/collaborer/archives/"},
    "call": {
        "en": "/en/collaborate/family-days-partners/",
        "fr": "/fr/collaborer/family-days-partners/",
    },
    "members-only call": {
        "en": "/en/collaborate/members-study/",
        "fr": "/fr/collaborer/members-study/",
    },
}

ACCOUNT_PAGES = {
    "application form": {"en": "/en/join/", "fr": "/fr/adherer/"},
    "affiliate sign-up": {"en": "/en/subscribe/", "fr": "/fr/abonnement/"},
    "contact form": {"en": "/en/contact/", "fr": "/fr/contact/"},
    "sign in": {"en": "/en/accounts/login/", "fr": "/fr/comptes/connexion/"},
    "password reset": {
        "en": "/en/accounts/password/reset/",
        "fr": "/fr/comptes/mot-de-passe/reinitialiser/",
    },
    "portal": {"en": "/en/portal/", "fr": "/fr/espace-membre/"},
    "profile form": {
        "en": "/en/portal/relais-lyon/profile/",
        "fr": "/fr/espace-membre/relais-lyon/profil/",
    },
    "representatives": {
        "en": "/en/portal/relais-lyon/representatives/",
        "fr": "/fr/espace-membre/relais-lyon/representants/",
    },
    "send news": {
        "en": "/en/portal/relais-lyon/news/new/",
        "fr": "/fr/espace-membre/relais-lyon/actualites/nouvelle/",
    },
    "send an event": {
        "en": "/en/portal/relais-lyon/events/new/",
        "fr": "/fr/espace-membre/relais-lyon/evenements/nouveau/",
    },
    "share a practice": {
        "en": "/en/portal/relais-lyon/practices/new/",
        "fr": "/fr/espace-membre/relais-lyon/pratiques/nouvelle/",
    },
    "record an adaptation": {
        "en": "/en/portal/adapted/english-only-practice/",
        "fr": "/fr/espace-membre/adaptee/english-only-practice/",
    },
    "member seen by a member": {
        "en": "/en/members/relais-lyon/",
        "fr": "/fr/membres/relais-lyon/",
    },
    "message to a contact person": {
        "en": f"/en/members/relais-lyon/contact/{CONTACT_PERSON}/",
        "fr": f"/fr/membres/relais-lyon/contact/{CONTACT_PERSON}/",
    },
    "contact details": {
        "en": "/en/portal/contact-details/",
        "fr": "/fr/espace-membre/coordonnees/",
    },
    "calls for members": {"en": "/en/collaborate/", "fr": "/fr/collaborer/"},
    "members-only call, read by a member": {
        "en": "/en/collaborate/members-study/",
        "fr": "/fr/collaborer/members-study/",
    },
    "your calls and replies": {"en": "/en/portal/calls/", "fr": "/fr/espace-membre/appels/"},
    "post a call": {
        "en": "/en/portal/relais-lyon/calls/new/",
        "fr": "/fr/espace-membre/relais-lyon/appels/nouveau/",
    },
    "replies to a call": {
        "en": f"/en/portal/relais-lyon/calls/{CALL}/replies/",
        "fr": f"/fr/espace-membre/relais-lyon/appels/{CALL}/reponses/",
    },
    "reply to a call": {
        "en": "/en/collaborate/members-study/reply/",
        "fr": "/fr/collaborer/members-study/repondre/",
    },
    "members documents": {
        "en": "/en/portal/documents/",
        "fr": "/fr/espace-membre/documents/",
    },
    "second factor": {"en": "/en/accounts/2fa/", "fr": "/fr/comptes/2fa/"},
    "second factor set-up": {
        "en": "/en/accounts/2fa/totp/activate/",
        "fr": "/fr/comptes/2fa/totp/activate/",
    },
}

# Pages that need no sign-in; the others are the representative's.
ANONYMOUS = {"sign in", "password reset", "application form", "affiliate sign-up", "contact form"}

# What a person types that the form sends back with errors, by field id.
ERRORS = {
    "application form": {"#id_organisation": "Lien Familial"},
    "affiliate sign-up": {"#id_name": "Sam"},
    "contact form": {"#id_subject": "A question", "#id_reply_email": "sam@"},
    "sign in": {"#id_login": "rep@example.org", "#id_password": "wrong"},
    "profile form": {"#id_latitude": "200"},
    "message to a contact person": {"#id_reply_email": "sam@"},
    "post a call": {"#id_title_en": "Partners for a study"},
    "reply to a call": {"#id_email": "sam@"},
    "send news": {"#id_body_en": "A text without a title"},
    "share a practice": {"#id_title_en": "Mentors", "#id_sources-0-year": "2021"},
    "record an adaptation": {"#id_year": "1492"},
    "send an event": {
        "#id_title_fr": "Journée",
        "#id_city": "Lyon",
        "#id_start": "2031-06-14T10:00",
        "#id_end": "2031-06-13T10:00",
    },
}
