from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ppo.comptes.enums import ROLE_SCOPE, Role

SCOPE_FIELDS = ("etablissement", "bassin", "departement", "academie", "region", "structure")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("L’adresse électronique est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Logs in with an e-mail address; what they may do comes from their memberships."""

    email = models.EmailField("adresse électronique", unique=True)
    first_name = models.CharField("prénom", max_length=150, blank=True)
    last_name = models.CharField("nom", max_length=150, blank=True)
    is_active = models.BooleanField("actif", default=True)
    is_staff = models.BooleanField(
        "administrateur de la plateforme", default=False, help_text="Accède à l’administration de la plateforme."
    )
    date_joined = models.DateTimeField("inscrit le", default=timezone.now)
    receives_reminders = models.BooleanField(
        "recevoir le rappel hebdomadaire des actions à renseigner",
        default=True,
        help_text="Un courriel par semaine, quand des actions dont la personne est responsable attendent leur suivi.",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email


def _scope_condition(role) -> models.Q:
    """A membership of this role has exactly the scope of its role (ROLE_SCOPE), or the row is of another role."""
    expected = ROLE_SCOPE.get(role)
    filled = models.Q(**{f"{f}__isnull": f != expected for f in SCOPE_FIELDS})
    return ~models.Q(role=role.value) | filled


class Membership(models.Model):
    """Ties a user to one scope (établissement, bassin, département, académie, région académique, partner body, or
    the whole country for the national role) with a role."""

    user = models.ForeignKey(User, verbose_name="utilisateur", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("rôle", max_length=20, choices=Role.choices)
    etablissement = models.ForeignKey(
        "referentiel.Etablissement",
        verbose_name="établissement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    bassin = models.ForeignKey(
        "referentiel.Bassin",
        verbose_name="bassin",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    departement = models.ForeignKey(
        "referentiel.Departement",
        verbose_name="département",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    academie = models.ForeignKey(
        "referentiel.Academie",
        verbose_name="académie",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    region = models.ForeignKey(
        "referentiel.Region",
        verbose_name="région académique",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    structure = models.ForeignKey(
        "partenaires.Structure",
        verbose_name="structure partenaire",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    is_active = models.BooleanField("active", default=True)
    confirmed_at = models.DateTimeField(
        "confirmé le",
        null=True,
        blank=True,
        default=timezone.now,
        help_text="Vide tant que la direction n’a pas confirmé le rattachement.",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "rattachement"
        verbose_name_plural = "rattachements"
        ordering = ["user", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", *SCOPE_FIELDS],
                name="membership_unique_scope",
            ),
            *[
                models.CheckConstraint(condition=_scope_condition(role), name=f"membership_scope_{role.value}")
                for role in Role
            ],
        ]

    def __str__(self):
        return f"{self.get_role_display()} — {self.scope}"

    @property
    def scope(self):
        if self.role == Role.NATIONAL:
            return "France entière"
        field = ROLE_SCOPE.get(self.role)
        return getattr(self, field) if field else "profil personnel"

    @property
    def scope_label(self):
        return str(self.scope)

    @property
    def scope_key(self) -> str:
        """ "direction:etablissement:12": the role and the object it is bound to, by id (for the logs: no name)."""
        field = ROLE_SCOPE.get(self.role)
        return f"{self.role}:{field}:{getattr(self, f'{field}_id')}" if field else self.role

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def clean(self):
        expected = ROLE_SCOPE.get(self.role)
        filled = [f for f in SCOPE_FIELDS if getattr(self, f"{f}_id")]
        if expected is None and filled:
            raise ValidationError("Ce rôle n’est rattaché à aucune structure.")
        if expected and filled != [expected]:
            label = self._meta.get_field(expected).verbose_name
            raise ValidationError(f"Le rôle « {self.get_role_display()} » se rattache à un(e) {label}, et à lui seul.")


class CodeRattachement(models.Model):
    """The code a school's direction hands to its staff so that they can ask to join the school's team."""

    etablissement = models.OneToOneField(
        "referentiel.Etablissement",
        verbose_name="établissement",
        on_delete=models.CASCADE,
        related_name="code_rattachement",
    )
    code = models.CharField("code", max_length=8, unique=True)
    created_at = models.DateTimeField("créé le", default=timezone.now)
    created_by = models.ForeignKey(
        User, verbose_name="créé par", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "code de rattachement"
        verbose_name_plural = "codes de rattachement"

    def __str__(self):
        return f"{self.display} — {self.etablissement}"

    @property
    def display(self):
        return f"{self.code[:4]}-{self.code[4:]}"
