"""Who may download what, who may renew the calendar link, who may import a Word file.

- the full version of a programme (Word, PDF for the conseil d’administration, Excel, calendar): whoever may read
  the programme (`plans.perms.can_view_programme`: the school's staff, its académie and bassin once transmitted;
  the views load it with `plans.perms.programme_for`);
- the family version: anybody, by the programme's public identifier, once the programme is published;
- the calendar subscription link: the school's staff see it, the direction creates and renews it;
- the import of a Word file into a new year of the PPO: the direction (it starts a new annual programme).
"""

from ppo.comptes import perms as scope
from ppo.plans.enums import StatutProgramme
from ppo.plans.perms import can_view_etablissement_plans


def can_download_public(programme) -> bool:
    return programme.status == StatutProgramme.PUBLIE


def can_see_calendar_link(user, etablissement) -> bool:
    return scope.is_school_staff(user, etablissement)


def can_renew_calendar_link(user, etablissement) -> bool:
    return scope.is_direction(user, etablissement)


def can_see_etablissement(user, etablissement) -> bool:
    return can_view_etablissement_plans(user, etablissement)


def can_import_word(user, ppo) -> bool:
    return scope.is_direction(user, ppo.etablissement)
