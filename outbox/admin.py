from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OutboundEmail


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """What the site sent, and what it could not send."""

    list_display = ("subject", "to", "language", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "language")
    search_fields = ("to", "subject")
    readonly_fields = [field.name for field in OutboundEmail._meta.fields]
    actions = ["send_now"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Try sending the selected emails again now"))
    def send_now(self, request, queryset):
        sent = sum(email.send() for email in queryset.exclude(status=OutboundEmail.Status.SENT))
        message = ngettext("%(count)d email sent.", "%(count)d emails sent.", sent)
        self.message_user(request, message % {"count": sent})
