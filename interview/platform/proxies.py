"""Which address is the client's, behind proxies listed in settings.TRUSTED_PROXIES.

X-Forwarded-For is believed only when the peer is a trusted proxy; each trusted proxy appends
the address it saw, so we read it from the right and stop at the first address that is not
ours. Anything to its left was sent by the client and could be forged (issue 13, finding 4: a
random X-Forwarded-For per request escaped the rate limit 3,000 times in 3,000).
"""

from __future__ import annotations

import functools
import ipaddress

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
MAX_HOPS = 20  # no real chain of proxies is longer; a longer header is not read further


@functools.cache
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request: HttpRequest) -> str:
    """The right-most address not of a trusted proxy; the peer itself when it is not one."""
    client = str(request.META.get("REMOTE_ADDR", "") or "unknown")[:64]
    if not _trusted(client):
        return client
    hops = request.headers.get("X-Forwarded-For", "").split(",")[-MAX_HOPS:]
    for hop in reversed(hops):
        hop = hop.strip()
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            break  # garbage from a trusted proxy: the last good address is the best we know
        client = hop
        if not _trusted(hop):
            break
    return client
