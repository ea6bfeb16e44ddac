"""The frozen executable's entry point: the same ``ui.entry:main`` as the ``coomet-lab`` console script."""

import sys

from ui.entry import main

if __name__ == "__main__":
    sys.exit(main())
