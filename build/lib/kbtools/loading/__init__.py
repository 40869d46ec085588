"""Loading: bytes on disk → a positioned, safe, plain-data document (or findings)."""

from kbtools.findings import DataPath
from kbtools.loading.codes import UNREADABLE
from kbtools.loading.document import Document, Position
from kbtools.loading.yamlsource import MAX_FILE_BYTES, load_bytes, load_path, read_path

__all__ = [
    "MAX_FILE_BYTES",
    "UNREADABLE",
    "DataPath",
    "Document",
    "Position",
    "load_bytes",
    "load_path",
    "read_path",
]
