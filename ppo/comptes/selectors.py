from django.db.models import QuerySet

from ppo.comptes.enums import SCHOOL_ROLES
from ppo.comptes.models import CodeRattachement, Membership
from ppo.referentiel.models import Etablissement


def team_members(*, etablissement: Etablissement) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(
            etablissement=etablissement, role__in=SCHOOL_ROLES, is_active=True, confirmed_at__isnull=False
        )
        .select_related("user")
        .order_by("role", "user__last_name", "user__email")
    )


def team_requests(*, etablissement: Etablissement) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(etablissement=etablissement, is_active=True, confirmed_at__isnull=True)
        .select_related("user")
        .order_by("created_at")
    )


def team_membership(*, etablissement: Etablissement, pk: int) -> Membership | None:
    return (
        Membership.objects.filter(etablissement=etablissement, role__in=SCHOOL_ROLES, pk=pk)
        .select_related("user")
        .first()
    )


def join_code(*, etablissement: Etablissement) -> CodeRattachement | None:
    return CodeRattachement.objects.filter(etablissement=etablissement).first()


def pending_requests_count(*, etablissement: Etablissement) -> int:
    return team_requests(etablissement=etablissement).count()
