"""The "Editors" group: may view and change explanation texts, see their history, nothing else.

Django creates permissions after all migrations have run (post_migrate), so on
a fresh database they do not exist yet here: create the few this group needs
(get_or_create, so the later post_migrate pass finds them and adds no duplicates).
"""

from __future__ import annotations

from django.db import migrations

GROUP = "Editors"
PERMISSIONS = [
    # (model, verbose name, action)
    ("explanation", "explanation", "view"),
    ("explanation", "explanation", "change"),
    ("historicalexplanation", "historical explanation", "view"),
]


def create_group(apps, schema_editor):
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


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rules", "0002_seed_explanations"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
