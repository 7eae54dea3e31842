from __future__ import annotations

from django.urls import path

from importers import views, views_spreadsheet

app_name = "importers"

urlpatterns = [
    path("", views.history, name="history"),
    path("new/", views.upload, name="upload"),
    path("template.xlsx", views_spreadsheet.template, name="template"),
    path("banks/<int:bank_pk>/export.xlsx", views_spreadsheet.export, name="export"),
    path("<int:pk>/", views.progress, name="progress"),
    path("<int:pk>/progress.json", views.progress_json, name="progress_json"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/chapters/", views.chapters, name="chapters"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/retry/", views.retry, name="retry"),
    path("<int:pk>/discard/", views.discard, name="discard"),
    path("staged/<int:pk>/", views.staged_edit, name="staged_edit"),
    path("staged/<int:pk>/toggle/", views.staged_toggle, name="staged_toggle"),
    path("staged/<int:pk>/images/<int:index>/", views.staged_image, name="staged_image"),
]
