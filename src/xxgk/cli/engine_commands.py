"""Report-engine commands: schema, check, extract, render, deadline."""
