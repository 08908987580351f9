"""The staff UI shell: log-in/out, dashboard, base template, navigation and static files."""
