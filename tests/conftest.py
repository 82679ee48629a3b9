"""Shared test configuration: hypothesis profiles.

``HYPOTHESIS_PROFILE=fuzz`` (what ``make fuzz`` sets) runs the property and fuzz tests with
10,000 examples each and no deadline; hypothesis's own default profile (100 examples) keeps
``make test`` quick.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("fuzz", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
