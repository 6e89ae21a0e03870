"""Character classes every stage shares, defined once: what a Han character is, what a
web address is."""

from __future__ import annotations

import re

# CJK Unified Ideographs and Extension A: every character a Chinese news text uses.
HAN = "\u4e00-\u9fff\u3400-\u4dbf"
HAN_CHAR = re.compile(f"[{HAN}]")

# A web address: a scheme or www., then URL characters (RFC 3986's unreserved, reserved
# and percent signs). The one rule for cutting addresses (clean), calling a line site
# furniture (patterns) and checking that none is left (validate).
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", re.IGNORECASE)
