"""Disclosure applications (依申请公开): intake, state machine, deadlines, letters, fees."""
