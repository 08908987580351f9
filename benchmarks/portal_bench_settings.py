"""Settings for `portal_search.py --persistent`: the site's own settings with database
connections kept open between requests (CONN_MAX_AGE), to show what a new connection per
request costs on PostgreSQL."""

from xxgk.web.settings import *  # noqa: F403

DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
