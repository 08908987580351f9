"""Each agency's public 政府信息公开 column: 指南, 目录, publications, registry, search."""
