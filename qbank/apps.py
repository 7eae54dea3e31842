from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QbankConfig(AppConfig):
    name = "qbank"
    verbose_name = _("题库")
