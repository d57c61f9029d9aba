from django.apps import AppConfig


class InterviewConfig(AppConfig):
    name = "interview"
    verbose_name = "Retirement Loss Check interview"

    def ready(self) -> None:
        # Load and check the law files once at start-up: a broken file stops the app here.
        from rules import current_law

        current_law()
