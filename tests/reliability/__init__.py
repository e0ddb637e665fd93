"""Reliability: concurrent reviewers, crashes, damaged files, migration, hostile text, fuzzing."""
