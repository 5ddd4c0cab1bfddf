"""
What every page in a browser test must pass: axe's WCAG 2.2 AA rules, no
sideways scrolling at 320 px, and full-page screenshots at 1280 px and
375 px in tests/screenshots/ for a person to look at.
"""

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
NARROWEST = {"width": 320, "height": 640}

# What a focused element may use to show focus, in GOV.UK style or otherwise.
# GOV.UK checkboxes and radios hide the input and draw the box, and its focus
# ring, on the label's ::before, so that is where their focus shows.
FOCUS_STYLES_JS = """element => {
  const drawn = element.matches(".govuk-checkboxes__input, .govuk-radios__input");
  const style = drawn
    ? getComputedStyle(element.labels[0], "::before")
    : getComputedStyle(element);
  return {
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    boxShadow: style.boxShadow,
    background: style.backgroundColor,
    border: drawn ? style.borderWidth : "",
  };
}"""

# The elements that stick out past the right edge, to say what scrolls.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > width + 0.5)
    .slice(0, 5)
    .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ` +
               `(right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
}"""


class PageChecks:
    """Runs the checks every visited page must pass; collects the failures."""

    def __init__(self, page):
        self.page = page
        self.axe = Axe()
        self.problems = []
        self.visited = 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def __call__(self, name):
        page = self.page
        page.wait_for_load_state("load")
        self.visited += 1
        label = f"{self.visited:02d}-{name}"
        where = f"{name} ({page.url})"

        # Checks run at every width; the test goes on at the width it chose.
        viewport = page.viewport_size
        page.set_viewport_size(DESKTOP)
        results = self.axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            self.problems.append(f"axe on {where}:\n{results.generate_report()}")

        page.screenshot(path=SCREENSHOTS / f"{label}-1280.png", full_page=True)
        page.set_viewport_size(MOBILE)
        page.screenshot(path=SCREENSHOTS / f"{label}-375.png", full_page=True)

        page.set_viewport_size(NARROWEST)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > NARROWEST["width"]:
            culprits = "\n  ".join(page.evaluate(OVERFLOW_JS))
            self.problems.append(
                f"{where} scrolls sideways at 320 px "
                f"(scrollWidth {scroll_width} px); widest elements:\n  {culprits}"
            )
        page.set_viewport_size(viewport)

    def assert_none(self):
        assert not self.problems, "\n\n".join(self.problems)
