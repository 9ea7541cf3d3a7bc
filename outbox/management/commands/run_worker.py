"""`manage.py run_worker`: the task worker to run in production (TASKS_BACKEND=database).

It is django-tasks-db's `db_worker`, with its options, made to outlive a database
outage. `db_worker` stops at the first database error that is not a locked SQLite file
(its loop re-raises it), so a PostgreSQL restart left the queued emails waiting until
someone started the worker again by hand. This one, on an error that says the database
cannot be reached, closes its connections and waits for it, trying again after 0.5, 1,
2, 4… seconds (at most LONGEST_WAIT), each try logged, then runs its loop again. A task that
was running when the database went away stays marked running; an email it was sending
is still queued in the outbox, and `manage.py send_queued_emails` sends it.

With --reload (the default when DEBUG is on), Django's reloader runs the loop in a
thread of its own, out of reach of this: production runs without it."""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)

DATABASE_UNREACHABLE = (OperationalError, InterfaceError)
FIRST_WAIT = 0.5
LONGEST_WAIT = 60


class Command(db_worker.Command):
    help = "Run the task worker (db_worker), waiting for the database when it is unreachable."

    def handle(self, **options):
        while True:
            try:
                return super().handle(**options)
            except DATABASE_UNREACHABLE as error:
                logger.warning("Database unreachable (%s): the task worker waits for it.", error)
                wait_for_database()


def wait_for_database():
    """Return once the database answers, trying again with a doubling wait."""
    wait = FIRST_WAIT
    while True:
        time.sleep(wait)
        try:
            connections.close_all()
            connections["default"].ensure_connection()
        except DATABASE_UNREACHABLE as error:
            wait = min(wait * 2, LONGEST_WAIT)
            logger.warning("Database still unreachable (%s): next try in %s seconds.", error, wait)
        else:
            logger.warning("Database reachable again: the task worker resumes.")
            return
