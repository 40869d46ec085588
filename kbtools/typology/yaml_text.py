"""The combined assessment's YAML text: written by :mod:`kbtools.yaml_writer`, the one writer.

Kept only for :mod:`kbtools.typology.facilitator`, which imports ``to_yaml`` from here; import
it from :mod:`kbtools.yaml_writer` instead.
"""

from __future__ import annotations

from kbtools.yaml_writer import to_yaml

__all__ = ["to_yaml"]
