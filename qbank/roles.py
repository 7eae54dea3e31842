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
    # Asked by the access check and again by the navigation: one query per request's user.
    cached = getattr(user, "_qbank_role", None)
    if cached is not None:
        return str(cached)
    groups = _group_names(user)
    role = next((r for r in (ADMIN, TRAINER) if r in groups), TRAINEE)
    user._qbank_role = role  # type: ignore[attr-defined]  # a per-request cache on the user
    return role


def _group_names(user: AbstractBaseUser) -> set[str]:
    """The user's group names, one plain statement (config.rows): the ORM's join cost ~0.6 ms
    to build on every page that asks for the role."""
    from django.contrib.auth.models import Group

    from config import rows

    through = user.groups.through._meta.db_table  # type: ignore[attr-defined]  # Django's User has groups
    where = f"id IN (SELECT group_id FROM {through} WHERE user_id = %s)"
    return {name for (name,) in rows.values(Group, ("name",), where, [user.pk])}


def can_manage_bank(user: AbstractBaseUser | AnonymousUser) -> bool:
    from .access import MANAGE_BANK, allowed  # late: access imports this module

    return allowed(user, MANAGE_BANK)
