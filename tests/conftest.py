"""Settings for the whole suite."""

from hypothesis import settings

# Hypothesis's per-example deadline (200 ms) is a timing assertion: on a loaded machine a table 四 read that
# takes 27 ms alone once took 252 ms and failed the suite. Speed is measured under benchmarks/, not asserted.
settings.register_profile("xxgk", deadline=None)
settings.load_profile("xxgk")
