"""Audit action codes of the annual app."""

from xxgk.web.audit.audit_codes import define

SAVE_FIGURES = define("annual.save_figures", "保存年度统计数据（表二）")
IMPORT_FIGURES = define("annual.import_figures", "导入年度统计数据（表二）")
SAVE_DRAFT = define("annual.save_draft", "保存年度报告草稿")
PUBLISH = define("annual.publish", "发布年度报告")
CORRECT = define("annual.correct", "发布年度报告更正版本")
OVERRIDE = define("annual.override", "不顾核查错误发布年度报告")
