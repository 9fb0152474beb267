"""The rows a freshly migrated test database holds (editor texts and their history, the
Editors group with its permissions, content types), captured once per test process and
put back after a transactional test's flush.

Browser tests run against a live server, so each one commits and the database is
flushed after it; replaying the data migrations to seed it again cost 0.25-0.5 s a test.
Putting back the captured rows costs a few milliseconds, and needs no change when a
migration or the content loader adds rows.
"""

from __future__ import annotations

from django.core.management.color import no_style
from django.db import connection, transaction

_snapshot: dict[str, tuple[list[str], list[tuple]]] = {}


def capture() -> None:
    """Remember every row of every table but the migration log (call it right after the
    test database is migrated, before any test writes)."""
    _snapshot.clear()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":
                continue
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (a table name)
            rows = cursor.fetchall()
            if rows:
                columns = [col[0] for col in cursor.description]
                _snapshot[table] = (columns, rows)


def restore() -> None:
    """Make the captured tables hold exactly the captured rows again (the flush's own
    post_migrate recreates content types and permissions under new ids: those are
    replaced too, so the Editors group's permissions point where they did)."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table, (columns, rows) in _snapshot.items():
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
            marks = ", ".join(["%s"] * len(columns))
            names = ", ".join(quote(c) for c in columns)
            cursor.executemany(
                f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                rows,
            )
        models = [m for m in apps.get_models(include_auto_created=True)
                  if m._meta.db_table in _snapshot]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    ContentType.objects.clear_cache()
