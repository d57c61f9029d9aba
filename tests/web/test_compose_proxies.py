"""compose.yaml believes X-Forwarded-For from its proxy alone (issue 18, finding 16).

It trusted every private range: any container or host there that reached an app server could
name its own client address and so pick its own rate-limit identity.
"""

from __future__ import annotations

import ipaddress

import yaml

from .test_security import ROOT

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_the_app_servers_trust_only_the_proxys_fixed_address():
    proxy = ipaddress.ip_address(
        COMPOSE["services"]["proxy"]["networks"]["default"]["ipv4_address"]
    )
    for name in ("app1", "app2", "app3"):
        trusted = COMPOSE["services"][name]["environment"]["TRUSTED_PROXIES"].split(",")
        assert [ipaddress.ip_network(entry) for entry in trusted] == [
            ipaddress.ip_network(f"{proxy}/32")
        ]


def test_the_proxys_address_is_in_the_network_and_never_handed_to_another_container():
    (pool,) = COMPOSE["networks"]["default"]["ipam"]["config"]
    proxy = ipaddress.ip_address(
        COMPOSE["services"]["proxy"]["networks"]["default"]["ipv4_address"]
    )
    assert proxy in ipaddress.ip_network(pool["subnet"])
    assert proxy not in ipaddress.ip_network(pool["ip_range"])  # the range others are given
