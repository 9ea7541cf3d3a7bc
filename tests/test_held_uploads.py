"""Files held for a form sent back with errors are removed after a day."""

import io
import os
import time

from django.core.management import call_command

from cpe_network.lib.uploads import held_storage, held_upload, hold
from tests.factories import pdf_file


def test_held_files_older_than_a_day_are_deleted():
    old = held_upload(hold(pdf_file("old.pdf")))
    new = hold(pdf_file("new.pdf"))
    day_ago = time.time() - 25 * 3600
    os.utime(old.file.name, (day_ago, day_ago))
    out = io.StringIO()

    call_command("delete_held_uploads", stdout=out)

    assert "Held uploads deleted: 1." in out.getvalue()
    assert len(held_storage.listdir("held")[1]) == 1
    assert held_upload(new).name == "new.pdf"


def test_a_reference_older_than_a_day_is_refused(monkeypatch):
    token = hold(pdf_file())
    later = time.time() + 25 * 3600
    monkeypatch.setattr(time, "time", lambda: later)

    assert held_upload(token) is None
