"""python manage.py law --check: validate the law files and print their coverage.

`law --messages` makes the law's Spanish catalog (rules/law/locale/es/LC_MESSAGES/django.po) from
the law files, merging as msgmerge does; `--check` then says how much of it is translated, and
with `--spanish` (or once SPANISH_STRICT is True) fails unless every shown text has a current
Spanish translation with the same placeholders (interview/management/law_catalog.py).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from interview.management import law_catalog
from rules import FEDERAL, FIRST_TAX_YEAR, LawError, last_tax_year, load_law

# False while the translators work on the catalog: `law --check` reports the Spanish counts and
# fails on them only with --spanish. True once the catalog is complete: `law --check` (make test)
# then fails on any missing, stale or mismatched Spanish text.
SPANISH_STRICT = True


class Command(BaseCommand):
    help = "Validate rules/law/*.toml and print coverage (jurisdictions × years, citations)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--check", action="store_true", help="validate and print coverage")
        parser.add_argument(
            "--messages",
            action="store_true",
            help="make or update the Spanish catalog of the law's texts, and compile it",
        )
        parser.add_argument(
            "--spanish",
            action="store_true",
            help="with --check: fail unless every law text has a current Spanish translation",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            law = load_law()
        except LawError as exc:
            raise CommandError(str(exc)) from exc
        if options["messages"]:
            count = law_catalog.write_catalog(law_catalog.LAW_DIR, law_catalog.CATALOG)
            self.stdout.write(f"{law_catalog.CATALOG}: {count} entries")
            if not options["check"]:
                return
        years = range(FIRST_TAX_YEAR, last_tax_year() + 1)
        outcomes: Counter[str] = Counter()
        citations = periods = 0
        review_cells: list[str] = []
        for code, jurisdiction in sorted(law.jurisdictions.items()):
            periods += len(jurisdiction.periods)
            citations += sum(len(p.citations) for p in jurisdiction.periods)
            citations += sum(len(r.citations) for r in jurisdiction.rules)
            if code == FEDERAL:
                continue
            for year in years:
                outcome = jurisdiction.period_for(year).outcome
                outcomes[outcome] += 1
                if outcome == "needs_review":
                    review_cells.append(f"{code} {year}")
        self.stdout.write(f"rules version {law.version}")
        self.stdout.write(
            f"{len(law.jurisdictions)} jurisdictions (federal + {len(law.jurisdictions) - 1}) × "
            f"{len(years)} tax years ({years.start}–{years.stop - 1}); {periods} periods; "
            f"{citations} citations"
        )
        for outcome, count in sorted(outcomes.items()):
            self.stdout.write(f"  {outcome:15} {count:5} state-years")
        self.stdout.write(f"needs_review: {len(review_cells)} state-years")
        by_state: dict[str, list[int]] = {}
        for cell in review_cells:
            state, year = cell.split()
            by_state.setdefault(state, []).append(int(year))
        for state, ys in sorted(by_state.items()):
            self.stdout.write(f"  {state}: {min(ys)}–{max(ys)} ({len(ys)} years)")
        self.stdout.write(self.style.SUCCESS("law files OK"))
        self.spanish(strict=options["spanish"] or SPANISH_STRICT)

    def spanish(self, strict: bool) -> None:
        counts, problems = law_catalog.problems(law_catalog.LAW_DIR, law_catalog.CATALOG)
        self.stdout.write(
            f"Spanish: {counts.translated} of {counts.total} law texts translated; "
            f"{counts.fuzzy} stale (fuzzy), {counts.mismatched} with other placeholders, "
            f"{counts.untranslated} untranslated"
        )
        if strict and problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} law texts lack a current Spanish translation")
