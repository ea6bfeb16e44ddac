"""``python -m coomet_lab COMMAND``: the command line without the desktop application."""

import sys

from coomet_lab.cli.main import main

sys.exit(main())
