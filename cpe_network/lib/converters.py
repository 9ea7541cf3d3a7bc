"""Path converters for the tokens in the site's addresses: a value of any other shape is
no address of the site (404) and never reaches a view or the database."""

URLSAFE = "[A-Za-z0-9_-]"


class SignedToken:
    """A token made by django.core.signing: URL-safe base64 parts joined by colons (the
    first part starts with a dot when compressed)."""

    regex = rf"\.?{URLSAFE}+(?::{URLSAFE}+)+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class RandomToken(SignedToken):
    """A token made by secrets.token_urlsafe: URL-safe base64, 16 to 64 characters."""

    regex = rf"{URLSAFE}{{16,64}}"
