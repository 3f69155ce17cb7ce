import cxmaturity_nps
import pytest


@pytest.fixture
def cx_plugins():
    """The plugin under test, for cxmaturity's fixtures (cx_evaluate, cx_cli…)."""
    return [cxmaturity_nps]
