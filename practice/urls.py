"""Practice URLs, under /practice/: names are "practice:<name>"."""

from __future__ import annotations

from django.urls import URLPattern, path

from . import views, views_notes, views_progress

app_name = "practice"

urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("sessions/<int:pk>/", views.session, name="session"),
    path("sessions/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("mistakes/", views.mistakes, name="mistakes"),
    path("favourites/", views.favourites, name="favourites"),
    path("mock/", views.mock_exams, name="mock_exams"),
    path("favourites/<int:question_pk>/", views.favourite_toggle, name="favourite_toggle"),
    path("progress/", views_progress.progress, name="progress"),
    path("notes/", views_notes.notes, name="notes"),
    path("notes/<int:question_pk>/", views_notes.note_save, name="note_save"),
]
