from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "rules"
    verbose_name = "Rules and explanations"

    def ready(self) -> None:
        from rules import checks  # noqa: F401 (registers the system check)
