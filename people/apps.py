from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("人员")

    def ready(self) -> None:
        from . import middleware  # noqa: F401  # connects the login signal
