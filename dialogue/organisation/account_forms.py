"""Forms of the sign-in and of a person's own account security. They parse and check
what was typed; every write goes through `dialogue.organisation.two_factor`."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from dialogue.organisation import two_factor

# Django 5.2's MinimumLengthValidator words its error with "%d"; Django's Vietnamese
# catalogue has only the older "%(min_length)d" wording (listed in core/django_messages.py),
# so the password forms showed it in English. Marked here so our catalogue carries it.
PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "n",
)


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Wrong sign-in name or password. Both are case-sensitive."),
        "inactive": _("This account has been disabled. Contact your system administrator."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Sign-in name")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autofocus": True})
        self.fields["password"].label = _("Password")
        self.fields["password"].widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})


class CodeInput(forms.TextInput):
    """A code is never shown again after a wrong attempt: each one is typed afresh."""

    def format_value(self, value):
        return None


class CodeForm(forms.Form):
    """A 6-digit code from the app; on the sign-in page a recovery code is accepted too."""

    code = forms.CharField(
        label=_("Verification code"),
        max_length=32,
        error_messages={"required": two_factor.MSG_CODE_EMPTY},
        widget=CodeInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "autofocus": True,
                "class": "input--code",
            }
        ),
    )

    def __init__(self, *args, recovery_allowed: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if recovery_allowed:
            self.fields["code"].help_text = _(
                "The 6 digits shown in the authenticator app. Without your phone, type one of your recovery "
                "codes (e.g. ABCD-EFGH-JKMN)."
            )
        else:
            self.fields["code"].label = _("Code from the app")
            self.fields["code"].help_text = _("The 6 digits shown in the authenticator app now.")
            self.fields["code"].widget.attrs["inputmode"] = "numeric"


def _save_through_service(form, how: str):
    # Django's validators already ran in the form's clean(); the service checks again.
    return two_factor.password_set(person=form.user, password=form.cleaned_data["new_password1"], how=how)


class NewPasswordForm(SetPasswordForm):
    """The last step of a reset by e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].widget.attrs["autofocus"] = True

    def save(self, commit=True):
        return _save_through_service(self, "reset")


class ChangePasswordForm(PasswordChangeForm):
    def save(self, commit=True):
        return _save_through_service(self, "change")


class ResetRequestForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address of your account")
        self.fields["email"].widget.attrs.update({"autofocus": True})
        self.fields["email"].error_messages["invalid"] = _("Enter an e-mail address such as ten@coquan.gov.vn.")
