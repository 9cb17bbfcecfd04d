"""Recogniser for pardon events (in progress)."""
