"""Readers of indicator files: the platform's template and the DEPP open-data files. See docs/diagnostic.md."""
