"""The trainer's side, under /quizzes/manage/: names are "quizzes:<name>"."""

from __future__ import annotations

from django.urls import URLPattern, path

from . import trainer_grading, trainer_papers, trainer_results, trainer_stats

urlpatterns: list[URLPattern] = [
    path("", trainer_papers.paper_list, name="paper_list"),
    path("papers/new/", trainer_papers.paper_create, name="paper_create"),
    path("papers/<int:pk>/", trainer_papers.paper_edit, name="paper_edit"),
    path("papers/<int:pk>/preview/", trainer_papers.paper_preview, name="paper_preview"),
    path("papers/<int:pk>/publish/", trainer_papers.paper_publish, name="paper_publish"),
    path("papers/<int:pk>/unpublish/", trainer_papers.paper_unpublish, name="paper_unpublish"),
    path("papers/<int:pk>/results/", trainer_results.paper_results, name="paper_results"),
    path("papers/<int:pk>/results.xlsx", trainer_results.paper_results_xlsx, name="paper_results_xlsx"),
    path("papers/<int:pk>/stats/", trainer_stats.paper_stats, name="paper_stats"),
    path("papers/<int:pk>/stats.xlsx", trainer_stats.paper_stats_xlsx, name="paper_stats_xlsx"),
    path("mastery/", trainer_stats.mastery, name="mastery"),
    path("mastery.xlsx", trainer_stats.mastery_xlsx, name="mastery_xlsx"),
    path("pool-count/", trainer_papers.pool_count, name="pool_count"),
    path("attempts/<int:pk>/", trainer_results.attempt_review, name="attempt_review"),
    path("grading/", trainer_grading.grading_queue, name="grading_queue"),
    path("grading/<int:pk>/", trainer_grading.grade_answer, name="grade_answer"),
]
