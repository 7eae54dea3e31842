"""Who is asking: the three roles are Django groups, created by a data migration (qbank 0002)
with the permissions in qbank.access.ROLE_PERMISSIONS; what each role may do is in qbank.access."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

ADMIN = "admin"
TRAINER = "trainer"
TRAINEE = "trainee"
ROLE_LABELS = {ADMIN: _("管理员"), TRAINER: _("培训师"), TRAINEE: _("学员")}


def user_role(user: AbstractBaseUser | AnonymousUser) -> str | None:
    """The highest role a user holds; superusers are admins; None for anonymous users."""
    if not user.is_authenticated:
        return None
    if getattr(user, "is_superuser", False):
        return ADMIN
    groups = set(user.groups.values_list("name", flat=True))  # type: ignore[attr-defined]  # Django's User has groups
    for role in (ADMIN, TRAINER):
        if role in groups:
            return role
    return TRAINEE


def can_manage_bank(user: AbstractBaseUser | AnonymousUser) -> bool:
    from .access import MANAGE_BANK, allowed  # late: access imports this module

    return allowed(user, MANAGE_BANK)
