"""A file an applicant or a questioner sends with the form, kept in the database so that it commits
or rolls back with its record (no orphan files). Size and type limits: `applications.intake`."""

from __future__ import annotations

from django.db import models


class SentFile(models.Model):
    filename = models.CharField("文件名", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ("id",)

    def __str__(self) -> str:
        return self.filename
