"""Platform commands (demo, serve, worker …). Django is imported inside each command."""
