"""Audit action codes of the consultations app (payloads never carry the asker's data)."""

from xxgk.web.audit.audit_codes import define

SUBMIT_ONLINE = define("consultations.submit_online", "网上提交咨询")
LOG = define("consultations.log", "登记咨询")
ANSWER = define("consultations.answer", "答复咨询")
CONVERT = define("consultations.convert", "咨询转为政府信息公开申请")
FAQ = define("consultations.faq", "咨询答复提交为常见问题")
SET_PERIOD = define("consultations.set_period", "设置咨询答复期限")
REMINDERS_SENT = define("consultations.reminders_sent", "发送咨询答复期限提醒")
