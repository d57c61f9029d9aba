"""Geometry for the two pictures shared by the result page and the PDF (inline SVG).

Each picture comes with its own text alternative, so a screen reader user gets the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from interview.formatting import money
from rules import Determination, current_law

WIDTH = 600  # geometry is worked out on 600 units, drawn in percent of the picture's width

# The pictures have no viewBox: shapes stretch with the page in percent, while text keeps its
# pixel size, so labels stay readable (at least 12 px) at every width (issue 12, bug 4).


def percent(units: int) -> str:
    return f"{units * 100 / WIDTH:.2f}%"


def _lines(label: str, longest: int = 11) -> tuple[str, ...]:
    """A label on two lines when it is long, split at the space nearest its middle."""
    if len(label) <= longest or " " not in label:
        return (label,)
    middle = len(label) // 2
    cut = min((i for i, c in enumerate(label) if c == " "), key=lambda i: abs(i - middle))
    return (label[:cut], label[cut + 1 :])


@dataclass(frozen=True)
class Segment:
    x: int
    width: int
    label: str
    years: str
    fill: str
    current: bool

    @property
    def x_pct(self) -> str:
        return percent(self.x)

    @property
    def width_pct(self) -> str:
        return percent(self.width)

    @property
    def label_lines(self) -> tuple[str, ...]:
        return _lines(self.label)


@dataclass(frozen=True)
class Timeline:
    segments: tuple[Segment, ...]
    marker_x: int
    marker_label: str
    alt: str

    @property
    def marker_pct(self) -> str:
        return percent(self.marker_x)

    @property
    def marker_anchor(self) -> str:
        """Keep the year inside the picture when it is marked near an edge."""
        edge = WIDTH // 10
        return (
            "start" if self.marker_x < edge else "end" if self.marker_x > WIDTH - edge else "middle"
        )


@dataclass(frozen=True)
class Bar:
    basis_width: int
    received_width: int
    shortfall_x: int
    shortfall_width: int
    basis_label: str
    received_label: str
    shortfall_label: str
    alt: str

    @property
    def basis_pct(self) -> str:
        return percent(self.basis_width)

    @property
    def received_pct(self) -> str:
        return percent(self.received_width)

    @property
    def shortfall_x_pct(self) -> str:
        return percent(self.shortfall_x)

    @property
    def shortfall_pct(self) -> str:
        return percent(self.shortfall_width)


# Name and colour of each federal regime (USWDS palette: blue, gold and gray tints).
# The names are marked here for the catalog and translated where the picture is drawn.
_REGIME_NAMES = {
    # Translators: a short label in the timeline picture (two lines of about 11 letters).
    # xgettext:no-python-format
    "allowed_misc_itemized": (gettext_noop("Deductible, 2% floor"), "#d9e8f6"),
    # Translators: a short label in the timeline picture: the loss is not deductible 2018-2025.
    "suspended_2018_2025": (gettext_noop("Suspended"), "#f1e5cd"),
    # Translators: a short label in the timeline picture: never deductible again from 2026.
    "repealed_2026_onward": (gettext_noop("Permanently disallowed"), "#e6e6e6"),
}


def timeline(d: Determination) -> Timeline:
    """The federal regimes as three equal blocks, the user's year marked inside its block."""
    periods = current_law().jurisdictions["US"].periods
    year = d.answers.tax_year
    block = WIDTH // len(periods)
    segments = []
    marker_x = 0
    for i, period in enumerate(periods):
        name, fill = _REGIME_NAMES.get(period.outcome, (period.outcome, "#e6e6e6"))
        last = period.years.last
        years = (
            _("%(first)s–%(last)s") % {"first": period.years.first, "last": last}
            if last is not None
            else _("%(first)s on") % {"first": period.years.first}
        )
        current = year in period.years
        if current:
            span = (last or year + 1) - period.years.first + 1
            offset = (year - period.years.first + Decimal("0.5")) / span
            marker_x = int(i * block + offset * block)
        segments.append(Segment(i * block, block, _(name), years, fill, current))
    now = next(s for s in segments if s.current)
    alt = _(
        "Timeline of the federal rule: through 2017 the loss was deductible above 2%% of AGI; "
        "2018–2025 it is suspended; from 2026 it is permanently disallowed. Your year, %(year)s, "
        "falls in the period “%(label)s” (%(years)s)."
    ) % {"year": year, "label": now.label, "years": now.years}
    return Timeline(tuple(segments), marker_x, str(year), alt)


def basis_bar(d: Determination) -> Bar | None:
    """Basis against what was received; the shortfall shaded. None when there is nothing to draw."""
    a = d.answers
    basis = a.basis
    received = a.total_distributions
    if received is None or (basis <= 0 and received <= 0):
        return None
    scale = max(basis, received)
    basis_width = int(basis / scale * WIDTH)
    received_width = int(received / scale * WIDTH)
    shortfall = max(Decimal(0), basis - received)
    alt = (
        _(
            "Bar chart: after-tax basis %(basis)s against %(received)s received; "
            "the shortfall of %(loss)s is shaded."
        )
        if shortfall
        else _("Bar chart: after-tax basis %(basis)s against %(received)s received; no shortfall.")
    ) % {"basis": money(basis), "received": money(received), "loss": money(shortfall)}
    return Bar(
        basis_width=basis_width,
        received_width=received_width,
        shortfall_x=received_width,
        shortfall_width=basis_width - received_width if shortfall else 0,
        basis_label=_("Basis %(amount)s") % {"amount": money(basis)},
        received_label=_("Received %(amount)s") % {"amount": money(received)},
        shortfall_label=_("Shortfall %(amount)s") % {"amount": money(shortfall)},
        alt=alt,
    )
