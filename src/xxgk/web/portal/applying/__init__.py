"""The public online application form (第二十九条) and status tracking by number and secret."""
