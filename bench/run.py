"""Benchmarks, run by `make bench`.

Each benchmark prints its figures as ratios against a floor measured in the same run
(see DEVELOPERS handbook, non-negotiable 7). None exists yet: the first ones arrive with
the issue on national scale (petition lists, dashboards, duplicate search).
"""

import sys


def main() -> int:
    print("no benchmarks yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
