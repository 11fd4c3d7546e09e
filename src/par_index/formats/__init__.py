"""Reading and writing files: the strict JSON converter, portal exports, scorecard texts."""
