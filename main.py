"""Start the OTOP counter POS: ``python main.py [--data-dir DIR] [COMMAND ...]``.

The same program as the ``otop-pos`` console script; see ``otop-pos --help``.
"""

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
