"""The public 咨询 form and the answer look-up by number and secret (consultations)."""
