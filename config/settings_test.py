"""Settings for the test suite: production's defaults (DEBUG off) with a throwaway secret key.

The key is set before config.settings reads the environment, which would otherwise refuse to
load without one; cookies stay plain HTTP because the browser tests talk to http://localhost.
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-insecure-key-not-for-any-server")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
# No collectstatic before tests: templates resolve static names without the manifest.
os.environ.setdefault("DJANGO_PLAIN_STATIC", "1")

from config.settings import *  # noqa: E402,F403
