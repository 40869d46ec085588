"""Checking: a loaded document → findings (schema first, then the cross-field rules).

Entry points: :func:`kbtools.checking.run.check_path` for a file on disk and
:func:`kbtools.checking.run.check_document` for an already loaded document.
"""
