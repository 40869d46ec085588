"""Loading: bytes on disk → a positioned, safe, plain-data document (or findings)."""
