"""Parameters: unknown names and bad values stop with the accepted list."""

from __future__ import annotations

import pytest

from analysis.errors import ParameterError
from analysis.io import parameters


def test_valid_values_are_parsed():
    parsed = parameters.validate(as_of="2025-12-18", contact_types="meeting,call", clock="moscow",
                                 statuses="confirmed")
    assert parsed == {"as_of": "2025-12-18", "contact_types": ("call", "meeting"), "clock": "moscow",
                      "statuses": ("confirmed",)}
    assert parameters.validate(as_of="article") == {"as_of": "article"}


@pytest.mark.parametrize(
    ("name", "value"),
    [("as_of", "18/12/2025"), ("as_of", "2025-02-30"), ("as_of", "today"), ("clock", "paris"),
     ("contact_types", "letter"), ("statuses", ""), ("statuses", "confirmed,rumoured"),
     ("republican_share", "1.5"), ("confidence", "abc")],
)
def test_bad_values_are_refused_with_the_accepted_list(name, value):
    with pytest.raises(ParameterError) as caught:
        parameters.validate(**{name: value})
    assert f"bad value for parameter '{name}'" in str(caught.value)
    assert "Accepted parameters" in str(caught.value)


def test_unknown_names_are_refused():
    with pytest.raises(ParameterError, match="unknown parameter 'asof'"):
        parameters.check({"asof": "2025-12-18"}, accepted=["as_of"])
