"""Generated Qt Designer forms (tools/build_qt.py); do not edit."""
