import os

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("测验")

    def ready(self) -> None:
        if os.environ.get("QBANK_WARM_UP") == "1":  # servers only: see quizzes/warmup.py
            from .warmup import warm_up

            warm_up()
