"""The members app's models: the directory (directory.py), joining (joining.py),
invitations to represent a member (invitations.py), members' documents (documents.py)
and members' messages to each other's contact persons (contacts.py)."""

from .contacts import MemberMessage
from .directory import (
    LISTED_SINCE,
    LOGO_SIZES,
    NOTE_LENGTH,
    WORK_LANGUAGES,
    CategoryChange,
    Member,
    MembershipCategory,
    Topic,
    User,
    sort_key,
    validate_languages,
    work_language_choices,
)
from .documents import MemberDocument, is_member
from .invitations import Invitation, InvitationError, InvitationExpired
from .joining import Affiliate, Application, _status_token, unsubscribe_address

__all__ = [
    "LISTED_SINCE",
    "LOGO_SIZES",
    "NOTE_LENGTH",
    "WORK_LANGUAGES",
    "Affiliate",
    "Application",
    "CategoryChange",
    "Invitation",
    "InvitationError",
    "InvitationExpired",
    "Member",
    "MemberDocument",
    "MemberMessage",
    "MembershipCategory",
    "Topic",
    "User",
    "_status_token",
    "is_member",
    "sort_key",
    "unsubscribe_address",
    "validate_languages",
    "work_language_choices",
]
