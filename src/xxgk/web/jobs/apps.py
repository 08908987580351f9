"""App configuration for jobs: registers the job kinds, audit actions and the Celery app."""

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "xxgk.web.jobs"
    label = "jobs"
    verbose_name = "后台任务"

    def ready(self) -> None:
        from xxgk.web.jobs import audit_codes, celery_app, kinds  # noqa: F401  (registration side effects)
        from xxgk.web.ui.registry import NavItem, register_nav

        register_nav(NavItem(label="后台任务", url_name="jobs:list", order=890))
