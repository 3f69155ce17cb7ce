"""Fails to import: it needs a module that does not exist."""

import cxmaturity_no_such_module  # noqa: F401  (the failure under test)
