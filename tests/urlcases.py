"""How an app declares what each role gets on each of its URLs.

Each app has `tests/<app>/url_cases.py` with `def url_cases(world) -> list[UrlCase]`. The walk in
`tests/test_urls_by_role.py` requests every case as every role of `tests.world.ROLES` and fails on any URL of the
project that no case covers.
"""

from dataclasses import dataclass, field

from tests.world import ROLES

LOGIN = 302  # anonymous users are sent to the login page


@dataclass
class UrlCase:
    name: str  # "namespace:name", as in reverse()
    url: str
    expected: dict  # role -> status
    method: str = "get"
    data: dict = field(default_factory=dict)


# The supervisors of the other levels get, unless a case says otherwise, what the role in the same position gets:
# DGESCO (national) and the DASEN of Calvados (département) follow `school` as the académie of Normandie does; the
# DRAIO of Hauts-de-France (région académique) follows `foreign` as the académie of Lille does. The cases state the
# differences: DGESCO writes nothing, the DASEN does not see `sibling` (Manche), DGESCO sees `foreign` too.
LIKE = {"national": "academie", "departement": "academie", "region": "autre_academie"}


def expect(default: int, **by_role: int) -> dict:
    unknown = set(by_role) - set(ROLES)
    if unknown:
        raise ValueError(f"Rôles inconnus : {unknown}")
    values = {role: by_role.get(role, default) for role in ROLES}
    for role, like in LIKE.items():
        if role not in by_role:
            values[role] = values[like]
    return values


def public() -> dict:
    return expect(200)


def logged_in(status: int = 200, **by_role) -> dict:
    return expect(status, anonyme=LOGIN, **by_role)
