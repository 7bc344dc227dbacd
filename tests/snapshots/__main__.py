import sys

from tests.snapshots import main

sys.exit(main())
