"""Savers' feedback, which editors may read and mark; the law each text was reviewed against."""

from django.db import migrations, models

import rules.law.clock

GROUP = "Editors"
PERMISSIONS = [
    ("feedback", "feedback", "view"),
    ("feedback", "feedback", "change"),
]


def grant_feedback_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for model, verbose_name, action in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="rules", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {verbose_name}"},
        )
        group.permissions.add(permission)


def revoke_feedback_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="rules", codename__endswith="_feedback"
            )
        )


def record_fingerprints(apps, schema_editor):
    from rules.editor.review import fingerprint

    Explanation = apps.get_model("rules", "Explanation")
    for row in Explanation.objects.filter(reviewed_fingerprint=""):
        row.reviewed_fingerprint = fingerprint(row.rule_id)
        row.save(update_fields=["reviewed_fingerprint"])


class Migration(migrations.Migration):
    dependencies = [
        ("rules", "0004_pre_tax_text_457b_exception"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Feedback",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "rule_id",
                    models.SlugField(
                        help_text="The rule that decided the results page, or “tables” for the comparison tables.",
                        max_length=64,
                        verbose_name="page",
                    ),
                ),
                (
                    "answers",
                    models.CharField(
                        blank=True,
                        help_text="The results page's answers as its canonical query string (empty for the tables).",
                        max_length=200,
                        verbose_name="answers",
                    ),
                ),
                ("useful", models.BooleanField(verbose_name="useful")),
                (
                    "comment",
                    models.TextField(
                        blank=True,
                        help_text="What the saver was trying to find out, with e-mail addresses, phone, Social Security and account numbers removed before it was stored.",
                        max_length=1000,
                        verbose_name="comment",
                    ),
                ),
                (
                    "created_on",
                    models.DateField(db_index=True, default=rules.law.clock.today, verbose_name="date"),
                ),
                (
                    "dealt_with",
                    models.BooleanField(
                        default=False,
                        help_text="Tick when the comment has been read and acted on (or needs nothing).",
                        verbose_name="dealt with",
                    ),
                ),
            ],
            options={
                "verbose_name": "feedback",
                "verbose_name_plural": "feedback",
                "ordering": ["-created_on", "-id"],
            },
        ),
        migrations.AddField(
            model_name="explanation",
            name="reviewed_fingerprint",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=32,
                verbose_name="law at review",
            ),
        ),
        migrations.AddField(
            model_name="historicalexplanation",
            name="reviewed_fingerprint",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=32,
                verbose_name="law at review",
            ),
        ),
        migrations.RunPython(grant_feedback_permissions, revoke_feedback_permissions),
        migrations.RunPython(record_fingerprints, migrations.RunPython.noop),
    ]
