from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from people.views import PasswordChangeView
from qbank import views as qbank_views

urlpatterns = [
    path("", qbank_views.home, name="home"),
    path("images/<int:pk>/", qbank_views.question_image, name="question-image"),
    path("start/", qbank_views.landing, name="landing"),
    path("accounts/password/", PasswordChangeView.as_view(), name="password_change"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("quizzes/", include("quizzes.urls")),
    path("practice/", include("practice.urls")),
    path("bank/", include("qbank.urls")),
    path("imports/", include("importers.urls")),
    path("people/", include("people.urls")),
]
