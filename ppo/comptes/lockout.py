"""Login lockout (django-axes): five wrong passwords for one account from one address block that pair only.

The owner still logs in from another address, and choosing a new password (the "mot de passe oublié" link)
lifts every block on the account. Policy and its reasons: docs/deploiement.md, "Blocage des connexions".
"""

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
