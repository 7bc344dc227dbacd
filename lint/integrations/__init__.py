"""Adapters that run newslint inside other engines (optional extras)."""
