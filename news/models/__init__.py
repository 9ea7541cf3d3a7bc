"""The news app's models: what is published (publications.py) and the digest (digest.py)."""

from .digest import Digest, DigestDelivery
from .publications import (
    Event,
    EventDocument,
    Moderated,
    ModeratedQuerySet,
    Post,
    Publication,
    review_queue,
    time_zone_choices,
    validate_time_zone,
)

__all__ = [
    "Digest",
    "DigestDelivery",
    "Event",
    "EventDocument",
    "Moderated",
    "ModeratedQuerySet",
    "Post",
    "Publication",
    "review_queue",
    "time_zone_choices",
    "validate_time_zone",
]
