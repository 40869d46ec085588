"""Data that ships with kbtools and that every layer may read: the typology (``typologi.yaml``
and its model, :mod:`kbtools.data.typology`). Imports nothing above the loader."""
