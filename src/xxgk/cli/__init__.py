"""Command-line interface (typer). Engine commands never import Django."""
