"""Login lockout (django-axes): five wrong passwords for one account from one address block that pair only.

The owner still logs in from another address, and choosing a new password (the "mot de passe oublié" link)
lifts every block on the account. Policy and its reasons: docs/deploiement.md, "Blocage des connexions".
"""

import ipaddress

from django.conf import settings


def axes_username(request, credentials) -> str:
    """The address as the login compares it (case and spaces do not matter), so that "Cible@…" and "cible@…" count
    as the same account: varying the case does not give an attacker five more tries."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field):
        value = credentials[field]
    else:
        value = request.POST.get(field, "") if request is not None and hasattr(request, "POST") else ""
    return (value or "").strip().lower()


def _in(address, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def trusted_proxies() -> list:
    return [ipaddress.ip_network(value.strip(), strict=False) for value in settings.TRUSTED_PROXY_IPS if value.strip()]


def client_ip(request) -> str | None:
    """The address of the person, as counted by the lockout (django-axes' AXES_CLIENT_IP_CALLABLE).

    Behind the reverse proxy every request comes from the proxy: its address would put everyone in the same count,
    and five wrong passwords would block the account for all. So, when the request comes from a trusted proxy
    (TRUSTED_PROXY_IPS), the address is the last one of X-Forwarded-For that is not itself a trusted proxy. From
    anywhere else X-Forwarded-For is ignored: a client cannot choose its address by sending the header."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = trusted_proxies()
    if not remote or not _in(remote, proxies):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if not _in(address, proxies):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote  # garbage in the header: count it as the proxy's, never as a fresh address
    return remote
