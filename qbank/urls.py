from __future__ import annotations

from django.urls import path
from django.views.generic import RedirectView

from . import views_bank, views_keying

app_name = "qbank"

urlpatterns = [
    # /bank/ was the list's first address (README, bookmarks): keep it working.
    path("", RedirectView.as_view(pattern_name="qbank:question_list", query_string=True)),
    path("questions/", views_bank.question_list_view, name="question_list"),
    path("questions/bulk/", views_bank.question_bulk, name="question_bulk"),
    path("questions/<int:pk>/", views_bank.question_edit, name="question_edit"),
    path("questions/<int:pk>/retire/", views_bank.question_retire, name="question_retire"),
    path("keying/", views_keying.keying, name="keying"),
    path("keying/<int:pk>/", views_keying.key_question, name="key_question"),
]
