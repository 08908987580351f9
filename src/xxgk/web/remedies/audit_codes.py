"""Audit action codes of the remedies app."""

from xxgk.web.audit.audit_codes import define

REGISTER = define("remedies.register", "登记行政复议、行政诉讼案件")
UPDATE = define("remedies.update", "修改行政复议、行政诉讼案件")
VOID = define("remedies.void", "作废行政复议、行政诉讼案件")
