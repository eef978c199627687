"""Printing and PDF without an office suite: the plan laid out by Qt's text engine (QtGui only)."""
