"""The base layer: validation, language and number formatting, the Vietnam time zone, decoding
input.

Internal: its names may change between releases. Errors are public in :mod:`par_index.exceptions`.
"""
