"""The builder for its tests, in the test session's shared pages (``desktop_page`` and
``phone_page`` in ``tests/conftest.py``): each test gets the builder as a new visitor finds
it, with Python ready (:func:`builderpage.fresh_builder`). A test that changes its browser
context itself (routes, scripts run before every page) opens its own context instead."""

from __future__ import annotations

from typing import Any

import pytest
from builderpage import fresh_builder


@pytest.fixture
def builder(desktop_page: Any, site_url: str) -> Any:
    """The builder on a desktop, as a new visitor finds it, with Python ready."""
    return fresh_builder(desktop_page, site_url)


@pytest.fixture
def phone_builder(phone_page: Any, site_url: str) -> Any:
    """The builder on a phone, as a new visitor finds it, with Python ready."""
    return fresh_builder(phone_page, site_url)
