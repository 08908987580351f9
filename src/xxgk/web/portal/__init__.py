"""The public site: the 政府信息公开 column of each agency, the online application form, reports."""
