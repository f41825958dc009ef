"""System checks for the organisation app's settings (run by `manage.py check` and at start-up)."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def two_factor_roles_exist(app_configs, **kwargs):
    """A role misspelt in TWO_FACTOR_REQUIRED_ROLES would silently require nothing."""
    from dialogue.organisation.roles import Role

    unknown = sorted(set(getattr(settings, "TWO_FACTOR_REQUIRED_ROLES", [])) - set(Role.values))
    if not unknown:
        return []
    return [
        Error(
            f"TWO_FACTOR_REQUIRED_ROLES names unknown roles: {', '.join(unknown)}",
            hint=f"Use some of: {', '.join(Role.values)}",
            id="organisation.E001",
        )
    ]
