"""WSGI entry point for gunicorn: `gunicorn xxgk.web.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.web.settings")
application = get_wsgi_application()
