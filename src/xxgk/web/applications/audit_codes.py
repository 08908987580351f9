"""Audit action codes of the applications app (payloads never carry applicant data)."""

from xxgk.web.audit.audit_codes import define
from xxgk.web.audit.labels import define_key

SUBMIT_ONLINE = define("applications.submit_online", "网上提交政府信息公开申请")
REGISTER = define("applications.register", "登记政府信息公开申请")
EDIT_LETTER = define("applications.edit_letter", "修改告知书")
EXPORT = define("applications.export", "导出申请列表")
REMINDERS_SENT = define("applications.reminders_sent", "发送办理期限提醒")

# Payload keys that are not fields of the object logged.
define_key("applications.application", "proposed_outcome", "拟定办理结果", like="outcome")
define_key("applications.application", "count", "导出条数")
define_key("applications.letter", "letter_version", "告知书版本")
define_key("reminders", "mails", "发送提醒邮件数")
define_key("reminders", "on", "日期")
