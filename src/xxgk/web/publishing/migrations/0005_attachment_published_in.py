# ruff: noqa: RUF012
"""Attachments remember the public version that first carried them (public download, removal
from drafts). Existing files take the first version published after their upload."""

from django.db import migrations, models


def backfill(apps, schema_editor) -> None:
    Attachment = apps.get_model("publishing", "Attachment")
    PublicationRevision = apps.get_model("publishing", "PublicationRevision")
    for attachment in Attachment.objects.filter(is_active=True).iterator():
        first = (
            PublicationRevision.objects.filter(
                publication_id=attachment.publication_id, published_at__gte=attachment.uploaded_at
            )
            .order_by("number")
            .values_list("number", flat=True)
            .first()
        )
        if first is not None:
            Attachment.objects.filter(pk=attachment.pk).update(published_in=first)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0004_registry_newest_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="published_in",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="首次发布版本"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
