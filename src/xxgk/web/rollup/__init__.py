"""The supervising office: yearly collection campaigns, cross-report checks, consolidation, 通报."""
