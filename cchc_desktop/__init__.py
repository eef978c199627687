"""cchc-desktop: plans to communicate administrative reform for commune offices."""

__version__ = "0.1.0"
APP_NAME = "cchc-desktop"
APP_DISPLAY_NAME = "Kế hoạch tuyên truyền CCHC"
ORG_NAME = "CCHC"
