"""The members app's models: the directory (directory.py), joining (joining.py) and
invitations to represent a member (invitations.py)."""

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
    "MembershipCategory",
    "Topic",
    "User",
    "_status_token",
    "is_member",
    "sort_key",
    "unsubscribe_address",
    "validate_languages",
]
