"""咨询答复: questions about disclosure, answered by the agency, counted in section 一 of the report."""
