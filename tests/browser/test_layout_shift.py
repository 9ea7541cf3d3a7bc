"""Lists do not move once shown: their layout is decided before the first paint, with
no script, so the cumulative layout shift (measured by Chromium) stays under 0.1, the
threshold of a "good" page."""

import pytest

from .conftest import DESKTOP, PHONE

LISTS = {
    "directory": "/en/members/",
    "directory in French": "/fr/membres/",
    "filtered directory": "/en/members/?country=FR",
    "news": "/en/news/",
    "events": "/fr/evenements/",
}

# Every layout shift since the page started, added up (as Chromium reports them).
CUMULATIVE_LAYOUT_SHIFT = """
() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((entries) => {
    for (const shift of entries.getEntries()) {
      if (!shift.hadRecentInput) total += shift.value;
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})
"""


@pytest.mark.parametrize("path", LISTS.values(), ids=LISTS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_list_does_not_move_after_it_is_shown(visit, members, viewport, path):
    v = visit(viewport=viewport)
    v.goto(path, wait_until="load")

    assert v.page.evaluate(CUMULATIVE_LAYOUT_SHIFT) < 0.1
