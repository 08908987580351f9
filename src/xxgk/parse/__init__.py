"""Readers that turn published reports (text, HTML, DOCX, PDF) into the report model."""
