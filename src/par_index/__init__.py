"""par_index: model and score Vietnamese administrative reform (cải cách hành chính)."""

__version__ = "0.1.0.dev0"
