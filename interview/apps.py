from django.apps import AppConfig


class InterviewConfig(AppConfig):
    name = "interview"
    verbose_name = "Retirement Loss Check interview"

    def ready(self) -> None:
        # Load and check the law files once at start-up: a broken file stops the app here.
        from rules import current_law

        current_law()

        from django.core.signals import got_request_exception

        from interview.platform.logging import log_unhandled_exception

        # Django's own request logger is silenced (it can print the query string): say why a
        # request failed in one line of our own.
        got_request_exception.connect(log_unhandled_exception, dispatch_uid="rlc-unhandled")
