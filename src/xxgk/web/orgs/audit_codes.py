"""Audit action codes of the orgs app."""

from xxgk.web.audit.audit_codes import define

LOGIN = define("orgs.login", "登录")
LOGOUT = define("orgs.logout", "退出登录")
LOCKED_OUT = define("orgs.locked_out", "连续登录失败，账号临时锁定")
UPDATE_CONTACT = define("orgs.update_contact", "修改机关联系信息")
GRANT_ROLE = define("orgs.grant_role", "授予角色")
REVOKE_ROLE = define("orgs.revoke_role", "撤销角色")
DEMO_LOADED = define("orgs.demo_loaded", "载入演示数据")
