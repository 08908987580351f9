"""Audit action codes of the jobs app."""

from xxgk.web.audit.audit_codes import define

JOB_SUBMITTED = define("jobs.submitted", "提交后台任务")
