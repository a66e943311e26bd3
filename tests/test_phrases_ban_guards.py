"""Which special conditions state a contact or area ban (`mhcases.phrases.ban_codes`, codebook 8.2): contact kept
with the probation service or a carer is no contact ban, being "onder invloed" is no place. Wordings written for these
tests."""

from __future__ import annotations

import pytest

from mhcases.phrases import ban_codes


@pytest.mark.parametrize("condition, codes", [
    ("de veroordeelde drinkt geen alcohol en onderhoudt contact met de reclassering", ()),
    ("de veroordeelde zal op geen enkele wijze contact verbreken met zijn behandelaar", ()),
    ("de veroordeelde zal zich niet onder invloed van drugs in het verkeer bevinden", ()),
    ("de veroordeelde zal zich niet bevinden onder invloed van alcohol", ()),
    # the bans themselves
    ("de veroordeelde neemt geen contact op met [benadeelde] en meldt zich bij de reclassering", ("contactverbod",)),
    ("de veroordeelde zal zich niet in de wijk [wijk] bevinden en niet onder invloed van alcohol een auto besturen",
     ("gebiedsverbod",)),
    ("de veroordeelde zal op geen enkele wijze contact zoeken met de kinderen van [benadeelde]", ("contactverbod",)),
])
def test_ban_codes_of_conditions(condition, codes):
    assert ban_codes(condition) == codes
