"""The shop's settings: one typed ``Settings``, kept as key → JSON, changed with an audit."""
