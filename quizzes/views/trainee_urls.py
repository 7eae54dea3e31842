from __future__ import annotations

urlpatterns: list = []  # filled in by the views of this side
