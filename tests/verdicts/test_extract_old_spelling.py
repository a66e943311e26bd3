"""The old spelling of the charges' heading ("telastelegging", before the 1995 spelling reform and long after in court
templates) is the tenlastelegging, numbered or not; so the charged articles are read from it."""

from __future__ import annotations

import pytest

from mhcases.verdicts.sections import title_role


@pytest.mark.parametrize(("title", "numbered"), [
    ("De telastelegging", False), ("Telastelegging", False), ("2 De telastelegging", True), ("3 Telastelegging", True),
    ("2 De tenlastelegging", True),
])
def test_old_spelling_of_the_charges_heading(title, numbered):
    assert title_role(title, numbered) == "tenlastelegging"


def test_a_change_of_the_charges_is_no_charges_heading():
    assert title_role("2 Wijziging van de telastelegging", True) != "tenlastelegging"
