"""Background work of the organisation app."""

from django_tasks import task


@task()
def password_reset_send(email: str, domain: str, use_https: bool) -> None:
    """Look the address up and send the reset link to each active account that has it.

    Done in the worker, not in the request, so that the page answers in the same time
    whether the address belongs to an account or not (the request only queues this)."""
    from django.conf import settings

    from dialogue.organisation.account_forms import ResetRequestForm

    form = ResetRequestForm({"email": email})
    if not form.is_valid():
        return
    form.save(
        domain_override=domain,
        use_https=use_https,
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.txt",
        extra_email_context={"minutes": settings.PASSWORD_RESET_TIMEOUT // 60},
    )
