"""CARMA's partnership typology (kantine/klub/kompagni) as data, loaded from kbtools/data."""

from kbtools.data.typology import Level, Parameter, Typology, load_typology

__all__ = ["Level", "Parameter", "Typology", "load_typology"]
