"""Models of the publishing context, one module per concern."""

from xxgk.web.publishing.models.registry import DocumentKind, RegulatoryDocument, Validity

__all__ = ["DocumentKind", "RegulatoryDocument", "Validity"]
