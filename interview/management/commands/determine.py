"""python manage.py determine < answers.json: the API's answer, printed as JSON."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory

from interview.api.serialize import determination_json
from interview.explanation.presentation import present
from interview.views.api import BadRequest, determination_from_request


class Command(BaseCommand):
    help = "Read the API's JSON answers on stdin and print the determination as JSON."

    def handle(self, *args: Any, **options: Any) -> None:
        body = sys.stdin.buffer.read()
        # Parse exactly as the API does, so the CLI can never disagree with it.
        request = RequestFactory().post(
            "/api/v1/determinations", data=body, content_type="application/json"
        )
        try:
            determination, _ = determination_from_request(request)
        except BadRequest as bad:
            self.stdout.write(json.dumps(bad.problems.json(), indent=2, ensure_ascii=False))
            raise CommandError("invalid answers") from None
        payload = determination_json(present(determination))
        self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
