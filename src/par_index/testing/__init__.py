"""Public Hypothesis strategies for every par_index type: :mod:`par_index.testing.strategies`
(needs the ``testing`` extra).
"""
