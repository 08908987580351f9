"""Working-day deadline command (`xxgk deadline`)."""
