from django.contrib.auth import views as auth_views
from django.urls import path

from dialogue.organisation import account_views as views

urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("login/code/", views.sign_in_code, name="two_factor_verify"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The signed-in person's own account security.
    path("security/", views.account_security, name="account_security"),
    path("security/two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
    path("security/two-factor/recovery-codes/", views.two_factor_recovery_codes, name="two_factor_recovery_codes"),
    path(
        "security/two-factor/recovery-codes/new/",
        views.two_factor_recovery_regenerate,
        name="two_factor_recovery_regenerate",
    ),
    path("security/two-factor/disable/", views.two_factor_disable, name="two_factor_disable"),
    path("security/password/", views.PasswordChangeView.as_view(), name="password_change"),
    # An administrator over the person's unit.
    path("people/<int:pk>/two-factor/reset/", views.two_factor_reset, name="two_factor_reset"),
    # Forgotten password: a link by e-mail.
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password/reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("password/reset/done/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
