"""Recogniser for phonecall events (in progress)."""
