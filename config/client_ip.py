"""The client's address as django-axes sees it: the socket's, or the proxy's report of it.

Behind nginx every connection comes from the proxy, so a lockout keyed on username and address
would lock the username for everyone. X-Forwarded-For is believed only as far as the proxies we
run (TRUSTED_PROXY_COUNT): each appends the address it saw, so the entry that many places from
the right is what our outermost proxy saw; anything further left came from the client, forgeable.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < count:
        return remote  # a request that reached us around the proxy: trust only the socket
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
