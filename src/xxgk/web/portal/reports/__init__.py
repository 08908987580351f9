"""Published annual reports by agency and year, with downloads from the renderers."""
