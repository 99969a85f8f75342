"""Run the desktop app with ``python -m nnviz``."""

from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
