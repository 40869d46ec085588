"""Running kbtools' CLI in the test process, as a user would from a shell."""

from __future__ import annotations

import contextlib
import io

from kbtools.cli import main


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``kbtools *args``. argparse ends a usage error with
    SystemExit(2); any other way out than a return code or that is a failure (a traceback)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 2
            assert code in (0, 2), stop
    return code, out.getvalue(), err.getvalue()
