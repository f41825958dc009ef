"""Errors raised by services. Views turn them into Vietnamese messages for the person."""

from django.utils.translation import gettext_lazy as _


class ServiceError(Exception):
    """A business rule refused the change; `message` is shown to the person as it is."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class IllegalTransition(ServiceError):
    pass


MSG_ILLEGAL_TRANSITION = _("This change of status is not allowed (from “%(current)s” to “%(target)s”).")


def apply_to_form(form, error: ServiceError) -> None:
    """Show a refused change on the form: on the field the service named, else on top."""
    if error.field and error.field in form.fields:
        form.add_error(error.field, str(error.message))
    else:
        form.add_error(None, str(error.message))


def call_for_form(request, form, call, success_message: str):
    """Run a view's one service call; a business-rule refusal goes on the form (the typed
    input is shown again), success becomes a message. Returns the result, or None."""
    from django.contrib import messages

    try:
        result = call()
    except ServiceError as error:
        apply_to_form(form, error)
        return None
    messages.success(request, success_message)
    return result


def call_for_message(request, call, success_message: str) -> bool:
    """Run a button's one service call; the refusal or the success becomes a message."""
    from django.contrib import messages

    try:
        call()
    except ServiceError as error:
        messages.error(request, str(error.message))
        return False
    messages.success(request, success_message)
    return True
