"""Plain-Python domain rules: the plan model, numbering, time words, templates. No Qt, no I/O."""
