from __future__ import annotations

from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("classes/", views.cohort_list, name="cohort_list"),
    path("classes/<int:pk>/", views.cohort_detail, name="cohort_detail"),
    path("classes/<int:pk>/members/", views.cohort_members_add, name="cohort_members_add"),
    path(
        "classes/<int:pk>/members/<int:user_pk>/remove/",
        views.cohort_member_remove,
        name="cohort_member_remove",
    ),
    path("roster/", views.roster_import, name="roster_import"),
    path("roster/template.xlsx", views.roster_template, name="roster_template"),
    path("roster/passwords.xlsx", views.roster_passwords, name="roster_passwords"),
]
