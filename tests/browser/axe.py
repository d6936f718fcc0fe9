"""axe-core in the page: inject it, run the WCAG 2.1 A/AA rules on the course's outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Runs axe on every output area of the current notebook and returns its violations, trimmed
# to what a reader of a test failure needs.
RUN_AXE_JS = """async (tags) => {
    const outputs = Array.from(document.querySelectorAll('.jp-OutputArea-output'));
    if (outputs.length === 0) { return {outputs: 0, violations: []}; }
    const result = await axe.run(
        {include: ['.jp-OutputArea-output']},
        {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']},
    );
    return {
        outputs: outputs.length,
        violations: result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                        summary: n.failureSummary})),
        })),
    };
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(
            f"axe-core is missing at {AXE}. Install it with 'npm ci --prefix tests/browser' "
            "(.ci/run does this)."
        )
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, axe_source: str) -> dict:
    """Every output area scrolled into view once (JupyterLab renders lazily), then axe."""
    page.evaluate(
        """async () => {
            const panel = window.jupyterapp.shell.currentWidget;
            for (const cell of panel.content.widgets) {
                cell.node.scrollIntoView();
                await new Promise((resolve) => requestAnimationFrame(resolve));
            }
        }"""
    )
    page.add_script_tag(content=axe_source)
    return page.evaluate(RUN_AXE_JS, WCAG_TAGS)


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}; {len(v['nodes'])} element(s)")
        for node in v["nodes"][:4]:
            lines.append(f"    {node['target']}: {node['html']}")
    return "\n".join(lines)


