"""
Horizontal bar charts drawn on the server as SVG, each with its table.

Used by the training totals (/training/) and the period reports; the
template is components/bar_chart.html and the styles portal/css/charts.css.
"""

from dataclasses import dataclass, field


@dataclass
class Bar:
    """One row of a chart and of the table beside it."""

    label: str
    value: float
    # A second figure shown in the table only (sessions, attendance...).
    count: int | None = None
    depth: int = 0
    # How the value is written, when a bare number would not do (money).
    text: str = ""
    # Where the chart draws it, in the SVG's own units (set by Chart).
    y: int = 0
    length: float = 0.0
    value_x: float = 0.0

    @property
    def shown(self):
        return self.text or self.value


@dataclass
class Chart:
    """Rows to draw as bars and to list in the table beside them."""

    title: str
    key: str
    rows: list = field(default_factory=list)
    value_heading: str = "People"
    count_heading: str = "Sessions"
    row_heading: str = ""

    # The SVG's coordinates: labels on the left, bars from LABEL_WIDTH on.
    WIDTH = 600
    LABEL_WIDTH = 230
    BAR_SPACE = 300
    ROW_HEIGHT = 30

    def __post_init__(self):
        largest = max((row.value for row in self.rows), default=0)
        for number, row in enumerate(self.rows):
            row.y = number * self.ROW_HEIGHT
            row.length = (
                round(self.BAR_SPACE * float(row.value) / float(largest), 1)
                if largest
                else 0
            )
            row.value_x = self.LABEL_WIDTH + row.length + 6
        if not self.row_heading:
            self.row_heading = self.key.capitalize()

    @property
    def height(self):
        return len(self.rows) * self.ROW_HEIGHT

    @property
    def shows_counts(self):
        """Whether the table has the second column: only if a row has a count."""
        return bool(self.count_heading) and any(
            row.count is not None for row in self.rows
        )
