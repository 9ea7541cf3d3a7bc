from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cpe_network.lib.antispam import HumanCheckMixin

from .models import ContactMessage


class ContactForm(HumanCheckMixin, forms.ModelForm):
    """The contact page's form: a message to the secretariat, with the public forms'
    protection against robots (cpe_network/lib/antispam.py)."""

    class Meta:
        model = ContactMessage
        fields = ["kind", "subject", "message", "reply_email"]
        widgets = {
            "kind": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {
            "kind": _("You are"),
            "reply_email": _("Your email address, for our reply"),
        }
        help_texts = {
            "reply_email": _(
                "Optional. Without an address, we can read your message but cannot answer it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ContactMessage.Kind.choices  # no empty choice
        self.fields["reply_email"].widget.attrs["autocomplete"] = "email"

    def save(self, commit=True):
        self.instance.language = get_language()
        return super().save(commit=commit)
