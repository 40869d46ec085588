"""Checking: a loaded document → findings (the schema first, then the kind's cross-field rules).

The entry point is the public API, :func:`kbtools.check_file` / :func:`kbtools.check_bytes`
(:mod:`kbtools.api`); which rules run for which file is declared in :mod:`kbtools.kinds`.
"""
