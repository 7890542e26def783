from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class PPOOIDCBackend(OIDCAuthenticationBackend):
    """ProConnect / OIDC login for people who already have an account: matched on their e-mail address."""

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip().lower()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def update_user(self, user, claims):
        changed = False
        for field, claim in (("first_name", "given_name"), ("last_name", "usual_name")):
            value = claims.get(claim)
            if value and not getattr(user, field):
                setattr(user, field, value)
                changed = True
        if changed:
            user.save(update_fields=["first_name", "last_name"])
        return user
