"""axe-core (npm package `axe-core`, vendored under tests/assets/axe-core/ from the npm
registry: `npm pack axe-core@4.14.1`, integrity sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/
pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==) run inside the page under
test, with the WCAG 2.0/2.1 A and AA rules. Nothing is fetched over the network: the
script is read from disk and injected into the page.

    from tests.axe import assert_accessible
    assert_accessible(page)          # fails listing every violation, with its nodes
"""

from __future__ import annotations

import json
from pathlib import Path

AXE = Path(__file__).resolve().parent / "assets" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Injected as a script's text through the DevTools protocol: works under a
        # Content-Security-Policy too (Playwright's add_script_tag bypasses it only with
        # bypass_csp), so evaluate the source directly.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        """async (tags) => {
            const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
            const r = await window.axe.run(document, options);
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 200), summary: n.failureSummary}))}));
        }""",
        TAGS,
    )
    return result


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core: {len(violations)} vi phạm WCAG trên {page.url}\n" + json.dumps(
        violations, ensure_ascii=False, indent=1
    )
