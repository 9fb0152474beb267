from django.apps import AppConfig
from django.db.models.signals import post_migrate


def load_content_after_migrate(
    sender, app_config, using, apps=None, verbosity=1, **kwargs
) -> None:
    """After `migrate` (and a flush, which sends no `apps`): the shipped texts into the database.

    Only once the rules app's schema has all the loader's columns (the Spanish ones came
    with 0010): `migrate rules 0009` leaves an older table, which the loader cannot write.
    """
    if apps is None:
        from django.apps import apps
    try:
        state = apps.get_model("rules", "Explanation")
    except LookupError:
        return
    if not any(f.name == "translated_from" for f in state._meta.get_fields()):
        return
    from rules.content.loader import load

    report = load(using=using)
    if verbosity >= 1 and report.changed:
        print(f"  {report}")


class RulesConfig(AppConfig):
    name = "rules"
    verbose_name = "Rules and explanations"

    def ready(self) -> None:
        # The system check, and the admin of each job (Django's autodiscovery looks for a
        # rules.admin module; the editor texts' and the feedback's admins live with them).
        from rules.editor import admin, checks  # noqa: F401
        from rules.feedback import admin as feedback_admin  # noqa: F401

        post_migrate.connect(
            load_content_after_migrate, sender=self, dispatch_uid="rules.load_content"
        )
