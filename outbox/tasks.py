from django.tasks import default_task_backend, task

from .models import OutboundEmail


@task()
def send_email(email_id):
    """Send a stored email; if the server fails, try again later (when the task backend
    can defer) or leave it for `manage.py send_queued_emails`."""
    email = OutboundEmail.objects.filter(pk=email_id).exclude(status="sent").first()
    if email is None or email.send():
        return
    if email.status == OutboundEmail.Status.RETRYING and default_task_backend.supports_defer:
        send_email.using(run_after=email.next_attempt_at).enqueue(email.pk)
