"""``python -m newsevents``: the command line."""

import sys

from newsevents.cli import main

sys.exit(main())
