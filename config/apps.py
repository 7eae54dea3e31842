from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The project package as an app, so project-wide commands (demo_setup) have a home.

    It sits on top of the dependency graph: it may use qbank, importers and quizzes.
    """

    name = "config"
    verbose_name = "Project"

    def ready(self) -> None:
        from django.core import checks

        from config.checks import secret_key_set

        checks.register(secret_key_set)
