"""Staff use the admin all day: axe-core finds no violation on its pages (lists, add and
change forms, the pages we add), in English and French, at phone and desktop widths
(conftest.AXE_RUNS);
the translation tabs work with the keyboard."""

import pytest

from tests.factories import ApplicationFactory, image_file

from .conftest import AXE_RUNS, DESKTOP, PHONE, violations

ADMIN_PAGES = {
    "index": "/admin/",
    "news posts": "/admin/news/post/",
    "events": "/admin/news/event/",
    "members": "/admin/members/member/",
    "applications": "/admin/members/application/",
    "pages": "/admin/flatpages/flatpage/",
    "users": "/admin/members/user/",
    "new news post": "/admin/news/post/add/",
    "news post": "/admin/news/post/{post}/change/",
    "new event": "/admin/news/event/add/",
    "event with a document": "/admin/news/event/{event}/change/",
    "new member": "/admin/members/member/add/",
    "member": "/admin/members/member/{member}/change/",
    "new page": "/admin/flatpages/flatpage/add/",
    "page": "/admin/flatpages/flatpage/{page}/change/",
    "new membership category": "/admin/members/membershipcategory/add/",
    "membership category": "/admin/members/membershipcategory/{category}/change/",
    "new topic": "/admin/members/topic/add/",
    "topic": "/admin/members/topic/{topic}/change/",
    "application": "/admin/members/application/{application}/change/",
    "application decision": "/admin/members/application/{application}/decide/",
    "new user": "/admin/members/user/add/",
    "user": "/admin/members/user/{user}/change/",
    "user's password": "/admin/members/user/{user}/password/",
    "member's history": "/admin/members/member/{member}/history/",
    "practices": "/admin/practices/practice/",
    "new practice": "/admin/practices/practice/add/",
    "practice with sources and adaptations": "/admin/practices/practice/{practice}/change/",
    "adaptations": "/admin/practices/adaptation/",
    "adaptation": "/admin/practices/adaptation/{adaptation}/change/",
    "members documents": "/admin/members/memberdocument/",
    "new members document": "/admin/members/memberdocument/add/",
    # The pages the project adds to the admin.
    "review queue": "/admin/news/post/review/",
    "digests": "/admin/news/digest/",
    "send the digest": "/admin/news/digest/send/",
    "invite a representative": "/admin/members/member/{member}/invite/",
    "home page and contact details": "/admin/pages/homepage/1/change/",
    "personal data": "/admin/members/user/personal-data/",
}
# Forms sent back with errors show them beside the fields (and, with translation
# tabs, on the tab of the language at fault): what to choose before sending.
SENT_WITH_ERRORS = {
    "new news post": [],
    "new event": [],
    "new practice": [],
    "new page": [],
    "new members document": [],
    "personal data": [],  # no address typed
    "application decision": ["#id_decision_1"],  # "reject", without the reason
}


def use_language(v, language):
    """The admin has no language prefix: it speaks the language of the cookie."""
    v.context.add_cookies([{"name": "django_language", "value": language, "url": v.base}])


@pytest.mark.parametrize("page_type", ADMIN_PAGES)
def test_admin_page_has_no_accessibility_violation(visit, admin_data, page_type):
    path = ADMIN_PAGES[page_type].format(**admin_data)
    # axe is injected into the page, which our CSP (rightly) forbids: only here is
    # the policy lifted.
    v = visit(viewport=DESKTOP, bypass_csp=True)
    v.sign_in("editor@example.org", admin=True)
    found = {}
    for language in ("en", "fr"):
        viewport, width_name = AXE_RUNS[language]
        v.page.set_viewport_size(viewport)
        use_language(v, language)
        v.goto(path)
        v.page.wait_for_load_state("load")
        assert v.page.locator("html").get_attribute("lang") == language
        if problems := violations(v.page):
            found[f"{language} {width_name} {path}"] = problems
        if page_type in SENT_WITH_ERRORS:
            for choice in SENT_WITH_ERRORS[page_type]:
                v.page.locator(choice).check()
            v.page.locator("#content form [type=submit]").first.click()
            v.page.wait_for_load_state("load")
            assert v.page.locator(".errornote, .errorlist").first.is_visible()
            if problems := violations(v.page):
                found[f"{language} {width_name} {path} (errors)"] = problems

    assert found == {}


def test_staff_switch_a_fields_language_with_the_arrow_keys(visit, admin_data):
    v = visit(viewport=DESKTOP)
    v.sign_in("editor@example.org", admin=True)
    v.goto(f"/admin/news/post/{admin_data['post']}/change/")
    title = v.page.get_by_role("tablist", name="Title")
    english = title.get_by_role("tab", name="English")
    french = title.get_by_role("tab", name="French")

    assert english.get_attribute("aria-selected") == "true"
    assert v.page.locator("#id_title_en").is_visible()
    assert not v.page.locator("#id_title_fr").is_visible()
    english.focus()
    v.page.keyboard.press("ArrowRight")
    assert v.page.evaluate("document.activeElement.textContent") == "French"
    assert french.get_attribute("aria-selected") == "true"
    assert v.page.locator("#id_title_fr").input_value() == "Les parloirs rouvrent"
    assert v.page.locator("#id_title_fr").is_visible()
    assert not v.page.locator("#id_title_en").is_visible()
    # Only the selected tab is in the Tab order: the next stop is its field.
    v.page.keyboard.press("Tab")
    assert v.page.evaluate("document.activeElement.id") == "id_title_fr"
    v.page.keyboard.press("Shift+Tab")
    v.page.keyboard.press("ArrowRight")  # from the last tab back to the first
    assert v.page.locator("#id_title_en").is_visible()
    v.page.keyboard.press("End")
    assert v.page.locator("#id_title_fr").is_visible()
    v.page.keyboard.press("Home")
    assert v.page.locator("#id_title_en").is_visible()
    # The other fields kept their own language.
    assert v.page.locator("#id_summary_en").is_visible()


def test_staff_show_every_field_in_one_language(visit, admin_data):
    v = visit(viewport=PHONE)
    v.sign_in("editor@example.org", admin=True)
    v.goto(f"/admin/news/event/{admin_data['event']}/change/")
    switch = v.page.get_by_role("group", name="Show every translated field in:")

    switch.get_by_role("button", name="French").click()

    for field in ("title", "summary", "body", "documents-0-title"):
        assert v.page.locator(f"#id_{field}_fr").is_visible(), field
        assert not v.page.locator(f"#id_{field}_en").is_visible(), field
    # A document added now shows its French title too.
    v.page.get_by_role("button", name="Add another Document").click()
    assert v.page.locator("#id_documents-2-title_fr").is_visible()
    assert not v.page.locator("#id_documents-2-title_en").is_visible()
    switch.get_by_role("button", name="English").click()
    assert v.page.locator("#id_documents-2-title_en").is_visible()


def test_french_admin_opens_the_french_tabs(visit, admin_data):
    v = visit(viewport=DESKTOP)
    v.sign_in("editor@example.org", admin=True)
    use_language(v, "fr")
    v.goto(f"/admin/members/topic/{admin_data['topic']}/change/")

    names = v.page.get_by_role("tablist", name="Nom")
    assert names.get_by_role("tab", selected=True).inner_text() == "FRANÇAIS"
    assert v.page.locator("#id_name_fr").input_value() == "Parloirs"
    assert v.page.locator("#id_name_fr").is_visible()


def test_the_tab_of_a_field_with_an_error_is_shown_and_marked(visit, admin_data):
    v = visit(viewport=DESKTOP)
    v.sign_in("editor@example.org", admin=True)
    v.goto(f"/admin/news/post/{admin_data['post']}/change/")
    # A French summary without a French title is refused.
    v.page.get_by_role("tablist", name="Title").get_by_role("tab", name="French").click()
    v.page.locator("#id_title_fr").fill("")
    v.page.get_by_role("button", name="Save", exact=True).click()

    tab = v.page.get_by_role("tablist", name="Title").get_by_role("tab", selected=True)
    panel = v.page.locator("[role=tabpanel]:has(#id_title_fr)")
    assert tab.get_attribute("aria-controls") == panel.get_attribute("id")
    assert "has an error" in tab.text_content()
    assert "Give a title in this language too" in panel.inner_text()


def test_without_javascript_every_language_shows(visit, admin_data):
    v = visit(viewport=DESKTOP, java_script_enabled=False)
    v.sign_in("editor@example.org", admin=True)
    v.goto(f"/admin/news/event/{admin_data['event']}/change/")

    for field in ("title_en", "title_fr", "body_en", "body_fr", "documents-0-title_fr"):
        assert v.page.locator(f"#id_{field}").is_visible(), field
    assert v.page.get_by_role("tab").count() == 0


def test_a_picture_kept_for_a_post_sent_back_is_announced_and_accessible(visit, admin_data):
    v = visit(viewport=DESKTOP, bypass_csp=True)
    v.sign_in("editor@example.org", admin=True)
    v.goto("/admin/news/post/add/")
    v.page.locator("#id_image").set_input_files(
        {"name": "poster.png", "mimeType": "image/png", "buffer": image_file().read()}
    )
    v.page.locator("#content form [type=submit]").first.click()  # no title: sent back
    v.page.wait_for_load_state("load")

    kept = v.page.locator(".upload-kept")
    assert "Received: poster.png" in kept.inner_text()
    note = kept.get_attribute("id")
    assert note in v.page.locator("#id_image").get_attribute("aria-describedby")
    assert violations(v.page) == []


def test_what_is_kept_about_someone_fits_a_phone(visit, admin_data):
    """The personal data page's tables (an application's long file names) scroll each
    in its own box, reachable from the keyboard, rather than widening the page."""
    ApplicationFactory(contact_email="editor@example.org", contact_name="Eddie Tor")
    v = visit(viewport=PHONE, bypass_csp=True)
    v.sign_in("editor@example.org", admin=True)
    use_language(v, "fr")
    v.goto("/admin/members/user/personal-data/")
    v.page.get_by_label("Adresse électronique").fill("editor@example.org")
    v.page.get_by_role("button", name="Afficher").click()
    v.page.wait_for_load_state("load")

    applications = v.page.get_by_role("region", name="Candidatures", exact=True)
    assert "Eddie Tor" in applications.inner_text()
    assert v.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert applications.evaluate("box => box.scrollWidth > box.clientWidth")
    assert violations(v.page) == []
