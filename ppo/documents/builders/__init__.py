"""Builders: each turns a `ProgrammeDocument` into the bytes of one file format, without touching the database."""
