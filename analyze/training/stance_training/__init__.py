"""Training recipe of stancewatch's stance model v2 (see analyze/training/README.md)."""
