"""What a trainee account carries beyond Django's user: the employee number the roster is
matched on, department and phone, and whether the password is still the generated one."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="profile", verbose_name=_("用户")
    )
    employee_no = models.CharField(_("工号"), max_length=32, null=True, blank=True)
    department = models.CharField(_("部门"), max_length=100, blank=True)
    phone = models.CharField(_("手机"), max_length=20, blank=True)
    # Set for accounts made by a roster import: the first login must choose a new password
    # (people.middleware). Cleared by the password change.
    must_change_password = models.BooleanField(_("首次登录须改密码"), default=False)

    class Meta:
        verbose_name = _("人员资料")
        verbose_name_plural = _("人员资料")
        constraints = [
            models.UniqueConstraint(
                fields=["employee_no"],
                condition=Q(employee_no__isnull=False),
                name="people_profile_unique_employee_no",
            ),
        ]

    def __str__(self) -> str:
        return self.employee_no or str(self.user)
