"""``python -m toolkit`` runs the command-line interface."""

from toolkit.cli.main import main

raise SystemExit(main())
