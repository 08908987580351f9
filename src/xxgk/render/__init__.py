"""Renderers of the report model: HTML, DOCX, PDF, XLSX, CSV/long format."""
