"""E-mail to the applicant when the agency issues a notice on the case (补正, 征求意见, 延期, 收费,
答复), where the applicant gave an address. Sent after the transaction commits, so a rolled-back
transition mails nothing. The mail names the case by its number and points to the tracking page;
it carries no tracking secret. Logs name the case by id only (no personal data)."""

from __future__ import annotations

import logging
import smtplib

from django.core.mail import send_mail
from django.db import transaction

from xxgk.web.applications.models import Application

log = logging.getLogger(__name__)


def notify_applicant(case: Application, notice_zh: str, lines: list[str]) -> None:
    """Queue the mail telling the applicant of `notice_zh` (e.g. 补正申请告知书) with `lines` of facts."""
    if not case.email:
        return
    subject = f"政府信息公开申请（受理编号 {case.number}）：{notice_zh}"
    message = "\n".join(
        [
            "您好：",
            "",
            f"{case.organisation.name}就您的政府信息公开申请（受理编号 {case.number}）发出了{notice_zh}。",
            *lines,
            "",
            "请凭受理编号和查询码在本机关政府信息公开网站“查询办理情况”页面（/apply/track/）查看全文并下载告知书。",
            "本邮件由系统自动发送，请勿直接回复。",
        ]
    )
    recipient, case_id = case.email, case.pk

    def send() -> None:
        try:
            send_mail(subject=subject, message=message, from_email=None, recipient_list=[recipient])
        except (smtplib.SMTPException, OSError):
            log.warning("applicant notice mail for case %s could not be sent", case_id)
        else:
            log.info("applicant notice mail sent for case %s", case_id)

    transaction.on_commit(send)
