"""The annual report assembled from the platform's data: drafts, checks, versions, publication."""
