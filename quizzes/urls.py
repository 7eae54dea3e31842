"""Quiz URLs: the trainee's side and the trainer's side live in modules of their own."""

from __future__ import annotations

from django.urls import include, path

app_name = "quizzes"

urlpatterns = [
    path("", include("quizzes.views.trainee_urls")),
    path("manage/", include("quizzes.views.trainer_urls")),
]
