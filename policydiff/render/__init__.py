"""Renderers: read computed results, never compute; one module per output format."""
