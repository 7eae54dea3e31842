from __future__ import annotations

from django.urls import path

from . import views_browse

app_name = "bank"

urlpatterns = [
    path("", views_browse.questions, name="questions"),
    path("<int:pk>/", views_browse.question_edit, name="question_edit"),
    path("<int:pk>/status/", views_browse.question_status, name="question_status"),
]
