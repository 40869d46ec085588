"""Fast path for valid documents.

Most files a user validates are valid, and jsonschema spends most of the time confirming that.
A validator compiled by fastjsonschema answers "valid?" many times faster; only documents it
rejects pay for jsonschema's detailed, locatable errors. The compiled code is cached (as a
marshalled code object under the user's cache folder) so a one-file run starts fast. Any
problem with the cache or the compiler simply turns the fast path off.

The fast path may only ever say "valid" when jsonschema would: fastjsonschema's ``date`` format
is a pattern only, so every date-shaped text must also be a real calendar date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from kbtools.schemas import schema_path

_DATE_SHAPE = re.compile(r"\d{4}-\d\d-\d\d\Z")


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kbtools"


@cache
def compiled(schema_name: str) -> Callable[[Any], Any] | None:
    """The compiled validator for ``schema_name``, or None when unavailable."""
    try:
        import fastjsonschema
    except ImportError:
        return None
    try:
        raw = schema_path(schema_name).read_bytes()
        key = hashlib.sha256(
            raw + fastjsonschema.VERSION.encode() + sys.version.encode()
        ).hexdigest()[:20]
        cached = _cache_dir() / f"{schema_name}-{key}.marshal"
        code = _read_cache(cached)
        if code is None:
            import json

            source = fastjsonschema.compile_to_code(json.loads(raw))
            code = compile(source, f"<kbtools fast validator {schema_name}>", "exec")
            _write_cache(cached, code)
        namespace: dict[str, Any] = {}
        exec(code, namespace)
        entry = next(v for k, v in namespace.items() if k.startswith("validate_"))
        return entry  # type: ignore[no-any-return]
    except Exception:
        return None


def _read_cache(path: Path) -> Any:
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _write_cache(path: Path, code: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(marshal.dumps(code))
        os.replace(handle.name, path)
    except OSError:
        pass


def _dates_are_real(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str) and _DATE_SHAPE.match(value):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return False
    return True


def surely_valid(schema_name: str, data: Any) -> bool:
    """True only when the document is certainly valid against the schema."""
    validate = compiled(schema_name)
    if validate is None:
        return False
    try:
        validate(data)
    except Exception:  # JsonSchemaException, or anything odd: take the slow, exact path
        return False
    return _dates_are_real(data)
