"""``python -m cchc_desktop`` starts the desktop app (``--write-pdf`` runs one PDF job for
another copy of it: render/pdf_process.py)."""

import sys

if sys.argv[1:2] == ["--write-pdf"]:
    import gc

    gc.disable()  # one job, then the process ends: nothing for the cycle collector to free

    from cchc_desktop.render.pdf_process import run_worker

    sys.exit(run_worker(sys.argv[2:]))

from cchc_desktop.ui.app import main

sys.exit(main())
