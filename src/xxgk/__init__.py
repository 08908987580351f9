"""xxgk: government information disclosure (政府信息公开) — report engine and platform."""
