"""`make loadtest`'s visitors (locust, run by bench/loadtest.py): each of them reads the
public pages one after another, without pause, and now and then applies to join as a
person does: shows the form, waits the minimum fill time, sends it with three PDFs and
reads the thanks page.

bench/loadtest.py gives, in LOADTEST_TARGETS, a JSON file with the addresses of each
page kind (read from the database) and the run's name, and reads back, from
LOADTEST_OUTCOME, the status tokens of the applications the site accepted. Every answer
other than the expected one (200; 302 to the thanks page for a sent form) is a failure."""

import collections
import io
import itertools
import json
import os
import random
import re
import time
import uuid
from html import unescape

from locust import FastHttpUser, events, task
from pypdf import PdfWriter

TARGETS = json.loads(open(os.environ["LOADTEST_TARGETS"]).read())  # noqa: SIM115
RUN = TARGETS["run"]
ACCEPTED = []  # status tokens of the applications the site said it stored
FAILURES = collections.Counter()  # "kind: what went wrong", counted
SERIAL = itertools.count(1)


def _pdf():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": "Annual report"})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


PDF = _pdf()


def hidden(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return unescape(match[1]) if match else ""


def multipart(fields, files):
    """A multipart/form-data body, as a browser sends a form with files."""
    boundary = uuid.uuid4().hex
    lines = []
    for name, value in fields.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        lines.append(f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
    for name, (filename, content) in files.items():
        lines.append(
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    lines.append(f"--{boundary}--\r\n".encode())
    return b"".join(lines), f"multipart/form-data; boundary={boundary}"


class Visitor(FastHttpUser):
    # No pause between requests: each visitor asks for the next page as soon as it has
    # the last one, so the figures are what the server gives at that concurrency.
    wait_time = staticmethod(lambda: 0)
    number = itertools.count(1)

    def on_start(self):
        # Each visitor comes from its own address, as visitors behind the site's proxy do
        # (TRUSTED_PROXY_COUNT=1): the sending limits count each one apart.
        n = next(self.number)
        self.address = f"198.18.{n // 250}.{n % 250 + 1}"
        if n % 5 == 1:  # some apply at once, so that some do while the mail server is down
            self.apply()

    def get(self, kind):
        path = random.choice(TARGETS["pages"][kind])  # nosec B311
        with self.client.get(
            path, name=kind, headers={"X-Forwarded-For": self.address}, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{path}: {response.status_code}")

    @task(4)
    def directory(self):
        self.get("directory")

    @task(4)
    def directory_filtered(self):
        self.get("directory-filter")

    @task(6)
    def member(self):
        self.get("member")

    @task(3)
    def news(self):
        self.get("news")

    @task(3)
    def post(self):
        self.get("post")

    @task(2)
    def events(self):
        self.get("events")

    @task(2)
    def event(self):
        self.get("event")

    @task(3)
    def practices(self):
        self.get("practices")

    @task(3)
    def practice(self):
        self.get("practice")

    @task(3)
    def search(self):
        self.get("search")

    @task(1)
    def apply(self):
        """A new visitor applies to join, and reads the thanks page; then the visitor is
        another, without a session (as most visitors are: they never post a form), who
        gets the pages the page cache keeps."""
        try:
            self._apply()
        finally:
            self.client.cookiejar.clear()

    def _apply(self):
        address = {"X-Forwarded-For": self.address}
        join = TARGETS["join"]
        with self.client.get(join, name="join-form", headers=address, catch_response=True) as r:
            html = r.text or ""
            category = re.search(r'name="category" value="(\d+)"', html) or re.search(
                r'<option value="(\d+)"', html[html.find('name="category"') :]
            )
            if r.status_code != 200 or not hidden(html, "started") or not category:
                r.failure(f"{join}: {r.status_code}, no form to fill")
                return
        time.sleep(TARGETS["min_seconds"] + 0.5)  # a person takes this long at least
        n = next(SERIAL)
        fields = {
            "csrfmiddlewaretoken": hidden(html, "csrfmiddlewaretoken"),
            "started": hidden(html, "started"),
            "nickname": "",
            "organisation": f"Loadtest {RUN} {n}",
            "country": "BE",
            "city": "Liège",
            "website": "https://example.org",
            "legal_status": "association",
            "year_founded": "2001",
            "work": "We accompany children during prison visits, every week since 2001.",
            "category": category[1],
            "contact_name": "Marie Dupont",
            "contact_role": "Director",
            "contact_email": f"loadtest-{RUN}-{n}@example.org",
            "contact_phone": "",
            "language": random.choice(["en", "fr"]),  # nosec B311
            "consent": "on",
        }
        files = {
            key: (f"{key}.pdf", PDF)
            for key in ("annual_report_1", "annual_report_2", "reference_letter")
        }
        body, content_type = multipart(fields, files)
        with self.client.post(
            join,
            data=body,
            name="join-post",
            headers={**address, "Content-Type": content_type},
            allow_redirects=False,
            catch_response=True,
        ) as r:
            location = r.headers.get("Location", "")
            if r.status_code != 302 or not location.endswith(TARGETS["thanks"]):
                errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]+)<', r.text or "")
                r.failure(f"{join} POST: {r.status_code} {location} {errors[:3]}")
                return
        with self.client.get(
            TARGETS["thanks"], name="join-thanks", headers=address, catch_response=True
        ) as r:
            token = re.search(TARGETS["status_pattern"], r.text or "")
            if r.status_code != 200 or not token:
                r.failure(f"{TARGETS['thanks']}: {r.status_code}, no link to the application")
                return
        ACCEPTED.append(token[1])


@events.request.add_listener
def _count_failure(name, exception, **_kwargs):
    if exception is not None:
        FAILURES[f"{name}: {exception}"] += 1


@events.quitting.add_listener
def _write_outcome(environment, **_kwargs):
    """Once every visitor has finished (locust's CSV may miss the last requests)."""
    with open(os.environ["LOADTEST_OUTCOME"], "w") as outcome:
        json.dump({"accepted": ACCEPTED, "failures": dict(FAILURES)}, outcome)
