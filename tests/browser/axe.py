"""axe-core over a page, as the browser tests run it: fail on any serious or critical violation.

The vendored script (tests/browser/vendor/axe-core) is evaluated through the DevTools protocol
(page.evaluate of its text). add_script_tag would insert an inline <script>, which the site's
Content-Security-Policy blocks; evaluate is not subject to the page's CSP, so the page is checked
under the very policy it is served with and bypass_csp is not needed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).with_name("vendor") / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


@cache
def _source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Every violation axe finds on the page as it is now (WCAG 2.0/2.1 A and AA rules)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(f"() => {{ {_source()}\n; window.axe = axe; }}")
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })",
        tags,
    )
    return list(result["violations"])


def _describe(violation: dict[str, Any]) -> str:
    targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
    return f"{violation['impact']} {violation['id']}: {violation['help']} at {targets}"


def assert_no_serious_violations(page: Page, where: str) -> None:
    blocking = [v for v in axe_violations(page) if v.get("impact") in BLOCKING]
    assert not blocking, f"axe on {where}:\n" + "\n".join(_describe(v) for v in blocking)
    dangling = dangling_references(page)
    assert not dangling, f"aria references to missing ids on {where}: {dangling}"


def dangling_references(page: Page) -> list[str]:
    """aria-describedby / aria-labelledby / aria-controls ids that name no element: a form hint
    the field points at but the page never rendered (axe accepts a list with one valid id)."""
    found: list[str] = page.evaluate(
        """() => {
          const missing = [];
          for (const attr of ["aria-describedby", "aria-labelledby", "aria-controls"]) {
            for (const el of document.querySelectorAll(`[${attr}]`)) {
              for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
                if (!document.getElementById(id)) missing.push(`${attr}=${id}`);
              }
            }
          }
          return missing;
        }"""
    )
    return found
