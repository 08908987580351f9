"""What an application brings in: the applicant's data (第二十九条), attachments and their limits,
and the result of an intake (the case and its tracking secret)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from xxgk.pii import is_id_number
from xxgk.web.applications.errors import InvalidInput
from xxgk.web.applications.models import Application, IdentityDocument

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_MAX_FILES = 5
# Extension → magic bytes the content must start with (the browser's content type is not trusted).
ATTACHMENT_TYPES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": (b"PK\x03\x04",),
    "ofd": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0",),
}
_REQUIRED = ("name", "id_number", "phone", "description")

# Mainland mobile (11 digits from 13–19, optionally +86) or landline (area code 0xx/0xxx and 7–8
# digits, optionally 转 and an extension); spaces, brackets and hyphens between parts are allowed.
_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")
_POSTCODE = re.compile(r"\d{6}")


def is_phone_number(text: str) -> bool:
    """A mainland mobile or landline number as people write it (010-12345678, 138 0013 8000)."""
    number, sep, extension = re.sub(r"[\s()（）-]", "", text).partition("转")
    if sep and not re.fullmatch(r"\d{1,6}", extension):
        return False
    return bool(_MOBILE.fullmatch(number) or _LANDLINE.fullmatch(number))


def applicant_errors(values: dict[str, str]) -> dict[str, str]:
    """Field name → Chinese error for identity and contact data that cannot be right.

    Only a 居民身份证 number has a check character (GB 11643); other documents are free text."""
    errors: dict[str, str] = {}
    id_number = values.get("id_number", "").strip()
    if values.get("id_type") == IdentityDocument.ID_CARD and id_number and not is_id_number(id_number):
        errors["id_number"] = (
            "居民身份证号码不正确：应为18位，出生日期有效，末位校验码符合国家标准（GB 11643）。"
        )
    phone = values.get("phone", "").strip()
    if phone and not is_phone_number(phone):
        errors["phone"] = "联系电话不正确：请填写11位手机号码，或带区号的固定电话（如010-12345678）。"
    postcode = values.get("postcode", "").strip()
    if postcode and not _POSTCODE.fullmatch(postcode):
        errors["postcode"] = "邮政编码应为6位数字。"
    return errors


@dataclass(frozen=True)
class ApplicantData:
    """What 第二十九条 asks of an application (applicant, description, form and delivery)."""

    applicant_kind: str
    name: str
    id_type: str
    id_number: str
    phone: str
    description: str
    info_form: str
    delivery: str
    contact_person: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""

    def fields(self) -> dict[str, str]:
        """The model fields, stripped; refuses a missing required one."""
        values = {name: str(getattr(self, name)).strip() for name in ApplicantData.__dataclass_fields__}
        missing = [name for name in _REQUIRED if not values[name]]
        if missing:
            raise InvalidInput(
                f"missing {missing}", "请填写申请人姓名或名称、身份证明号码、联系电话和所需信息描述。"
            )
        errors = applicant_errors(values)
        if errors:
            raise InvalidInput(f"invalid {sorted(errors)}", "".join(errors.values()))
        if values["id_type"] == IdentityDocument.ID_CARD:
            values["id_number"] = values["id_number"].upper()
        return values


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class Intake:
    """A new case and its tracking secret (shown once; only its hash is kept)."""

    application: Application
    secret: str


def validate_uploads(uploads: Sequence[Upload]) -> None:
    if len(uploads) > ATTACHMENT_MAX_FILES:
        raise InvalidInput("too many files", f"附件最多 {ATTACHMENT_MAX_FILES} 个。")
    allowed = "、".join(sorted(ATTACHMENT_TYPES))
    for upload in uploads:
        if len(upload.content) > ATTACHMENT_MAX_BYTES:
            raise InvalidInput(
                "file too large", f"附件“{upload.filename}”超过 {ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB。"
            )
        ext = upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ""
        if ext not in ATTACHMENT_TYPES or not upload.content.startswith(ATTACHMENT_TYPES[ext]):
            raise InvalidInput(
                "file type refused", f"附件“{upload.filename}”的类型不支持，仅接受 {allowed} 文件。"
            )
