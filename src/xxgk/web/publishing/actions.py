"""Audit action codes of the publishing app."""

from xxgk.web.audit.actions import define

CREATE = define("publishing.create", "起草主动公开信息")
UPDATE = define("publishing.update", "修改主动公开信息草稿")
ATTACH = define("publishing.attach", "上传附件")
SUBMIT = define("publishing.submit", "提交审核")
APPROVE = define("publishing.approve", "审核通过")
REJECT = define("publishing.reject", "审核退回")
HOLD = define("publishing.hold", "暂缓发布（报保密行政管理部门）")
RELEASE = define("publishing.release", "解除暂缓")
OVERRIDE = define("publishing.override", "豁免发布前检查")
SCHEDULE = define("publishing.schedule", "设定定时发布")
PUBLISH = define("publishing.publish", "发布")
WITHDRAW = define("publishing.withdraw", "撤回")
CORRECT = define("publishing.correct", "发起更正")
REGISTER = define("publishing.register", "登记规章或规范性文件")
CHANGE_VALIDITY = define("publishing.change_validity", "变更文件有效性")
EXPIRE = define("publishing.expire", "文件有效期届满自动失效")
CLEANUP = define("publishing.cleanup", "公布文件清理结果")
CATALOGUE = define("publishing.catalogue", "维护公开目录")
IMPORT_CATALOGUE = define("publishing.import_catalogue", "导入基层政务公开标准目录")
SETTINGS = define("publishing.settings", "修改主动公开设置")
