"""``python -m nato_ukraine``: the command line."""

import sys

from nato_ukraine.cli import main

sys.exit(main())
