"""The practice pages' clock. PRACTICE_DAYS_AHEAD (a setting, 0 unless a test or a demo sets it)
moves it forward, so a browser test can reach a review day without waiting for it."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone


def now() -> datetime:
    return timezone.now() + timedelta(days=getattr(settings, "PRACTICE_DAYS_AHEAD", 0))
