"""What an application brings in: the applicant's data (第二十九条), attachments and their limits,
and the result of an intake (the case and its tracking secret)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xxgk.web.applications.errors import InvalidInput
from xxgk.web.applications.models import Application

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
