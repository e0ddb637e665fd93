"""The normalized reading a claim is published as (`factcheck.core.values.reading`)."""

from __future__ import annotations

from factcheck.core.models import Bound, Kind, Polarity, Slot
from factcheck.core.values import reading


def test_reading_states_what_value_who_and_when() -> None:
    """The reading a long claim is published as: each part from the slot, none invented."""
    dead = Slot(kind=Kind.QUANTITY, measure="dead", unit="people", value=11.0,
                bound=Bound.AT_LEAST, step=1.0, as_of="2023-12-04")
    assert reading(dead) == "dead: at least 11 people (as of 2023-12-04)"
    assert reading(dead, "BNPB") == "dead: at least 11 people (BNPB, as of 2023-12-04)"
    denied = dead.model_copy(update={"polarity": Polarity.DENIED, "as_of": None})
    assert reading(denied, "Basarnas") == "dead: at least 11 people (denied by Basarnas)"
    visit = Slot(kind=Kind.TIME, event="visit", date="2000-07")
    assert reading(visit, "Kremlin") == "visit: 2000-07 (Kremlin)"
    share = Slot(kind=Kind.QUANTITY, measure="vote_share", unit="percent", value=58.59,
                 step=0.01)
    assert reading(share) == "vote share: 58.59 %"
    # Nothing to state: no figure or date, or a figure of nothing named.
    assert reading(Slot(kind=Kind.ATTRIBUTION, speaker="Peskov", event="say"), "Peskov") == ""
    assert reading(Slot(kind=Kind.QUANTITY, unit="people", value=3.0)) == ""
    assert reading(None, "BNPB") == ""


def test_one_unit_of_time_is_singular() -> None:
    from factcheck.core.values import describe

    hour = Slot(kind=Kind.QUANTITY, measure="duration", unit="s", value=3600.0, step=3600.0)
    assert describe(hour) == "1 hour"
    assert describe(hour.model_copy(update={"value": 7200.0})) == "2 hours"
    assert describe(hour.model_copy(update={"high": 7200.0})) == "1-2 hours"
