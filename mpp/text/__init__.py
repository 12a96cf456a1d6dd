"""The one text catalogue: every user-facing string, keyed, in Indonesian and English."""
