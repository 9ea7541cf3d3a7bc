"""What the outbox tells the apps that keep emails of their own, without importing them."""

from django.dispatch import Signal

# Sent by `manage.py send_queued_emails` once it has sent the emails that are due, for
# the apps whose emails wait elsewhere first (the digest's deliveries) to send those
# whose task never ran. A receiver returns a line for the command to print, or None.
queued_emails_due = Signal()
