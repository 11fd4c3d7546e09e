"""Vietnam's time zone, shared by every module that reads moments."""

from __future__ import annotations

from typing import Final
from zoneinfo import ZoneInfo

__all__ = ["VN_TZ"]

#: Asia/Ho_Chi_Minh: UTC+7, no daylight saving. Moments without a zone are read in it.
VN_TZ: Final = ZoneInfo("Asia/Ho_Chi_Minh")
