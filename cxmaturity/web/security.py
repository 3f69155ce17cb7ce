"""Link tokens and form tokens. A link token (256 random bits) is the respondent's or the
consultant's key; each form also carries a CSRF token derived from the server's secret and
that link token, so a form built by another site, or for another link, is refused."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def csrf_token(secret: str, link_token: str) -> str:
    """The form token of the pages opened with `link_token`."""
    return hmac.new(secret.encode(), b"csrf:" + link_token.encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: str, link_token: str, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(csrf_token(secret, link_token), sent)


def same_token(expected: str, given: str) -> bool:
    return secrets.compare_digest(expected.encode(), given.encode())


def is_loopback(host: str) -> bool:
    """Whether binding to `host` keeps the server on this machine."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
