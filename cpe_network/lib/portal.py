"""What the member portal's forms for members' items share (news, events, practices,
adaptations): the item is sent, or changed until it is published, and waits for an
editor (`Moderated.submit`)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def send_for_review(request, form, member, *, change):
    """Save the valid `form`'s item as sent by `member`'s representative and go back to
    the portal, saying what happens next. `change`: the item was sent before."""
    sent = form.save(commit=False)
    if not sent.submit(member, by=request.user, save_related=form.save_related):
        return published_already(request)  # an editor published it meanwhile
    if change:
        messages.success(request, _("Your changes are saved and wait for an editor."))
    else:
        messages.success(
            request,
            _("Thank you. An editor will look at it; you will be told when it is published."),
        )
    return redirect("members:portal")


def published_already(request):
    messages.info(request, _("This is published already: ask the network to change it."))
    return redirect("members:portal")
