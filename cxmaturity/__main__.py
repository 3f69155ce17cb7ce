"""`python -m cxmaturity` runs the command line."""

from .cli import main

main()
