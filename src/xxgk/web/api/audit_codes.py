"""Audit action codes of the API app."""

from xxgk.web.audit.audit_codes import define

TOKEN_CREATED = define("api.token_created", "创建接口令牌")
TOKEN_REVOKED = define("api.token_revoked", "撤销接口令牌")
