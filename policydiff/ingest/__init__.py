"""Raw file -> clean text and metadata."""
