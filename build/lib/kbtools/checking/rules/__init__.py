"""Cross-field rules: one module per rule, for agreements and for typology assessments.

Which rules belong to which file kind is declared by the kind (:mod:`kbtools.kinds`); the
shape of a rule module is described in :mod:`kbtools.checking.rules.base`.
"""
