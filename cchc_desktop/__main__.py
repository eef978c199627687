"""``python -m cchc_desktop`` starts the desktop app."""

import sys

from cchc_desktop.ui.app import main

sys.exit(main())
