"""``python -m par_index`` runs the ``par-index`` command."""

from par_index.cli import main

raise SystemExit(main())
