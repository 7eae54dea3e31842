"""The trainee's side, under /quizzes/: names are "quizzes:<name>"."""

from __future__ import annotations

from django.urls import URLPattern, path

from . import trainee, trainee_api, trainee_mock

urlpatterns: list[URLPattern] = [
    path("", trainee.dashboard, name="dashboard"),
    path("papers/<int:pk>/start/", trainee.start, name="start"),
    path("papers/<int:pk>/practice/", trainee_mock.practice_start, name="practice_start"),
    path("attempts/<int:pk>/", trainee.exam, name="exam"),
    path("attempts/<int:pk>/save/", trainee_api.save, name="save"),
    path("attempts/<int:pk>/event/", trainee_api.event, name="event"),
    path("attempts/<int:pk>/submit/", trainee.submit, name="submit"),
    path("attempts/<int:pk>/summary/", trainee.summary, name="summary"),
    path("attempts/<int:pk>/result/", trainee.result, name="result"),
    path("attempts/<int:pk>/images/<int:image_pk>/", trainee.attempt_image, name="attempt_image"),
]
