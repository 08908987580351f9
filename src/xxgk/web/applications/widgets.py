"""Navigation entries and the dashboard widget of the applications app."""
