"""`python -m mhcases.verdicts fetch|precode` (see mhcases.verdicts.cli)."""

import sys

from mhcases.verdicts.cli import main

sys.exit(main())
