"""Proactive disclosure (主动公开): reviewed publication, catalogue, 规章/规范性文件 registry."""
