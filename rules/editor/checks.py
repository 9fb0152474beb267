"""System check: every engine rule has exactly one explanation text.

Tagged `database`, as Django asks of checks that query: it runs with
`manage.py check --database default` and at the start of `migrate`, not on
every `runserver` or `check --deploy`. It stays quiet when it cannot give a
true answer yet:

- the table does not exist (a fresh database, before `migrate`);
- migrations are pending. `migrate` runs this check before applying them, and
  an error here would stop it from applying them.

A rule whose content file (rules/content/en/) is not in the database yet is only
a warning: `migrate` loads the files after its migrations (rules.apps).

tests/rules/test_explanations.py runs it on the migrated test database, so a
rule added without text fails the tests before it ships.
"""

from __future__ import annotations

from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from rules import content
from rules.law.rulebook import ALL_RULES, RULES_BY_ID


def _ready(connection) -> bool:
    from rules.models import Explanation

    if Explanation._meta.db_table not in connection.introspection.table_names():
        return False
    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


@register(Tags.database)
def explanations_cover_every_rule(app_configs=None, databases=None, **kwargs) -> list:
    from rules.models import Explanation

    messages: list = []
    for alias in databases or ():
        connection = connections[alias]
        try:
            if not _ready(connection):
                continue
            ids = set(Explanation.objects.using(alias).values_list("rule_id", flat=True))
        except DatabaseError:
            continue  # no database to check (unreachable, or not set up): nothing to report
        shipped = content.read(content.DEFAULT_LANGUAGE)
        messages.extend(
            Error(
                f"Rule {rule.id!r} has no explanation text (database {alias!r}).",
                hint=f"Add its content file, rules/content/en/{rule.id}.md; migrate (or "
                "`manage.py load_content`) puts it into the database. Until then the results "
                "page falls back to the engine's one-line text.",
                obj=rule.id,
                id="rules.E001",
            )
            for rule in ALL_RULES
            if rule.id not in ids and rule.id not in shipped
        )
        # A file not loaded yet is no error: `migrate` runs this check first, and loads
        # the files when its migrations are done.
        messages.extend(
            Warning(
                f"Rule {rule.id!r} has a content file but no text in database {alias!r} yet.",
                hint="Run `manage.py load_content` (migrate does it too).",
                obj=rule.id,
                id="rules.W002",
            )
            for rule in ALL_RULES
            if rule.id not in ids and rule.id in shipped
        )
        messages.extend(
            Warning(
                f"Explanation {rule_id!r} belongs to no rule in the engine (database {alias!r}).",
                hint="The rule was renamed or removed: move its content file to the new rule "
                "id; an administrator may delete the old row.",
                obj=rule_id,
                id="rules.W001",
            )
            for rule_id in sorted(ids - set(RULES_BY_ID))
        )
    return messages
