"""Audit action codes of the calendar table. Its events were logged as the applications app's
before the table moved here; those codes and object types stay readable."""

from xxgk.web.audit.audit_codes import define
from xxgk.web.audit.labels import define_key, define_moved

CALENDAR_CHANGE = define("workcalendar.calendar_change", "修改工作日历")
define("applications.calendar_change", "修改工作日历")
define_moved("applications.calendaroverride", "workcalendar.calendaroverride")
define_moved("applications.announcedyear", "workcalendar.announcedyear")

define_key("workcalendar.calendaroverride", "recomputed", "重新计算期限的案件数")
define_key("workcalendar.announcedyear", "announced", "是否已公布")
define_key("workcalendar.announcedyear", "recomputed", "重新计算期限的案件数")
