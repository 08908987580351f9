"""Audit action codes of the rollup app."""

from xxgk.web.audit.audit_codes import define

REGISTER_UNIT = define("rollup.register_unit", "登记报送单位")
OPEN_CAMPAIGN = define("rollup.open_campaign", "启动年报报送工作")
PREPARE = define("rollup.prepare", "准备年度报告（读取文件或平台数据）")
OCR_QUEUED = define("rollup.ocr_queued", "上传扫描件（转入后台 OCR 识别）")
OCR_FAILED = define("rollup.ocr_failed", "扫描件经 OCR 识别未能读取")
CORRECT = define("rollup.correct", "更正年度报告单元格")
SUBMIT = define("rollup.submit", "报送年度报告")
RETURN = define("rollup.return", "退回年度报告")
APPROVE = define("rollup.approve", "审核通过年度报告")
PUBLISH = define("rollup.publish", "登记年度报告已公开")
RECHECK = define("rollup.recheck", "重新核对年度报告")
DECIDE_FINDING = define("rollup.decide_finding", "审核检查发现")
RECTIFY = define("rollup.rectify", "整改环节推进")
CONSOLIDATE = define("rollup.consolidate", "生成汇总年度报告")
NOTICE = define("rollup.notice", "生成通报稿")
