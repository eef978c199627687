"""The Qt shell: it shows and edits; every rule lives in core, store and documents."""
