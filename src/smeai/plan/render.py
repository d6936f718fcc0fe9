"""The plan as Markdown and as one self-contained, escaped HTML page."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from .. import progress
from ..i18n import get_language, t
from .model import STEP_FIELDS
from .store import latest, reflections
from .view import view
from .words import format_date


MARKS = {True: "✔", False: "✘"}  # a data checklist item: done or still open
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~>])")


def _md(text) -> str:
    """Learner text made safe for Markdown: HTML entities for < > &, specials escaped, one line."""
    text = html.escape(str(text), quote=False)
    return " ".join(_MD_SPECIAL.sub(r"\\\1", text).split())


def to_markdown(plan: dict | None = None, *, lang: str | None = None, events: list[dict] | None = None, today: date | None = None) -> str:
    lang = lang or get_language()
    events = progress.store().events() if events is None and plan is None else events
    plan = latest(events) if plan is None else plan
    v = view(plan, lang, today)
    missing = "_" + t("plan.not_filled", lang) + "_"
    lines = [f"# {t('plan.title', lang)}", "", t("plan.made_on", lang, date=format_date(today or date.today(), lang)), ""]

    lines += [f"## 1. {t('plan.sections.ideas', lang)}", ""]
    if v["ideas"]:
        lines += [f"| {t('plan.columns.idea', lang)} | {t('plan.columns.task', lang)} | {t('plan.columns.net', lang)} | {t('plan.columns.implementation', lang)} | {t('plan.columns.payback', lang)} |", "|---|---|---|---|---|"]
        lines += [f"| {_md(i['title'])} | {_md(i['task'])} | {_md(i['net_per_year'])} | {_md(i['implementation'])} | {_md(i['payback'])} |" for i in v["ideas"]]
        lines += ["", t("plan.start_with", lang, idea="**" + _md(v["first"]) + "**"), ""]
    else:
        lines += [missing, ""]

    lines += [f"## 2. {t('plan.sections.benefit', lang)}", ""]
    lines += ([f"- {_md(label)}: {_md(value)}" for label, value in v["benefit"]] if v["benefit"] else [missing]) + [""]

    lines += [f"## 3. {t('plan.sections.approach', lang)}", ""]
    if v["approach"]:
        lines += [f"- {t('plan.approach.choice', lang)}: **{_md(v['approach']['choice'])}**", f"- {t('plan.approach.advice', lang)}: {_md(v['approach']['advice'])}"]
        if v["approach"]["note"]:
            lines.append(f"- {t('plan.note', lang)}: {_md(v['approach']['note'])}")
    else:
        lines.append(missing)
    lines.append("")

    lines += [f"## 4. {t('plan.sections.data', lang)}", ""]
    if v["data"]:
        lines.append(f"- {t('plan.data.needed_short', lang)}: {_md(v['data']['needed']) or missing}")
        lines += [f"- {MARKS[ok]} {_md(label)}" for label, ok in v["data"]["checks"]]
        lines.append(f"- {t('plan.data.verdict_label', lang)}: **{_md(v['data']['verdict'])}**")
        lines += [f"- {t('plan.data.todo_label', lang)}: {_md(item)}" for item in v["data"]["todo"]]
    else:
        lines.append(missing)
    lines.append("")

    lines += [f"## 5. {t('plan.sections.values', lang)}", ""]
    if v["values"]:
        lines += [f"- {_md(name)}: {_md(answer)}" + (f" ({_md(note)})" if note else "") for name, answer, note in v["values"]]
    else:
        lines.append(missing)
    lines += ["", f"**{t('plan.risks_short', lang)}:** {_md(v['risks']) if v['risks'] else missing}", ""]

    lines += [f"## 6. {t('plan.sections.steps', lang)}", ""]
    if v["steps"]:
        lines += [f"| # | {t('plan.steps.what', lang)} | {t('plan.steps.who', lang)} | {t('plan.steps.when', lang)} |", "|---|---|---|---|"]
        lines += [f"| {n} | {_md(s['what'])} | {_md(s['who'])} | {_md(s['when'])} |" for n, s in enumerate(v["steps"], start=1)]
    else:
        lines.append(missing)
    lines.append("")

    lines += [f"## 7. {t('plan.sections.owner', lang)}", ""]
    lines += [f"- {_md(label)}: {_md(value)}" for label, value in v["owner"]] if v["owner"] else [missing]
    lines.append("")

    earlier = reflections(events if events is not None else [])
    if earlier:
        lines += [f"## {t('plan.sections.reflections', lang)}", ""]
        for reflection_id, prompt, text in earlier:
            lines.append(f"- **{t('plan.reflection_from', lang, module=reflection_id[1:3])}**" + (f" _{_md(prompt)}_" if prompt else ""))
            lines.append(f"  {_md(text)}")
        lines.append("")
    lines.append(t("plan.footer", lang))
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}
h1{font-size:1.6em;border-bottom:4px solid #0072B2;padding-bottom:0.2em}
h2{font-size:1.2em;margin-top:1.6em;border-left:6px solid #E69F00;padding-left:0.4em}
table{border-collapse:collapse;margin:0.5em 0;width:100%}
th,td{border:1px solid #999;padding:0.3em 0.5em;text-align:left;vertical-align:top}
th{background:#eee}
.missing{color:#555;font-style:italic}
footer{margin-top:2em;font-size:0.9em;color:#333}
""".strip()


def _page(title: str, body: str, lang: str) -> str:
    """One self-contained HTML page: inline CSS, no scripts, no links to anything outside."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def html_body(plan: dict | None = None, *, lang: str | None = None, events: list[dict] | None = None, today: date | None = None) -> str:
    """The plan as HTML without the page around it (for a preview in the notebook)."""
    lang = lang or get_language()
    events = progress.store().events() if events is None and plan is None else events
    plan = latest(events) if plan is None else plan
    v = view(plan, lang, today)
    e = html.escape
    missing = f'<p class="missing">{e(t("plan.not_filled", lang))}</p>'
    parts = [f"<h1>{e(t('plan.title', lang))}</h1>", f"<p>{e(t('plan.made_on', lang, date=format_date(today or date.today(), lang)))}</p>"]

    parts.append(f"<h2>1. {e(t('plan.sections.ideas', lang))}</h2>")
    if v["ideas"]:
        head = "".join(f"<th>{e(t(f'plan.columns.{c}', lang))}</th>" for c in ("idea", "task", "net", "implementation", "payback"))
        rows = "".join(
            "<tr>" + "".join(f"<td>{e(i[k])}</td>" for k in ("title", "task", "net_per_year", "implementation", "payback")) + "</tr>"
            for i in v["ideas"]
        )
        parts.append(f"<table><tr>{head}</tr>{rows}</table>")
        parts.append(f"<p>{e(t('plan.start_with', lang, idea='@@')).replace('@@', '<b>' + e(v['first']) + '</b>')}</p>")
    else:
        parts.append(missing)

    parts.append(f"<h2>2. {e(t('plan.sections.benefit', lang))}</h2>")
    if v["benefit"]:
        parts.append("<table>" + "".join(f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>" for label, value in v["benefit"]) + "</table>")
    else:
        parts.append(missing)

    parts.append(f"<h2>3. {e(t('plan.sections.approach', lang))}</h2>")
    if v["approach"]:
        a = v["approach"]
        items = [f"<li>{e(t('plan.approach.choice', lang))}: <b>{e(a['choice'])}</b></li>", f"<li>{e(t('plan.approach.advice', lang))}: {e(a['advice'])}</li>"]
        if a["note"]:
            items.append(f"<li>{e(t('plan.note', lang))}: {e(a['note'])}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append(missing)

    parts.append(f"<h2>4. {e(t('plan.sections.data', lang))}</h2>")
    if v["data"]:
        d = v["data"]
        needed = e(d["needed"]) if d["needed"] else f'<span class="missing">{e(t("plan.not_filled", lang))}</span>'
        items = [f"<li>{e(t('plan.data.needed_short', lang))}: {needed}</li>"]
        # the marks are text, not CSS: the preview in the notebook has no style sheet
        items += [f'<li class="{"ok" if ok else "no"}">{MARKS[ok]} {e(label)}</li>' for label, ok in d["checks"]]
        items.append(f"<li>{e(t('plan.data.verdict_label', lang))}: <b>{e(d['verdict'])}</b></li>")
        items += [f"<li>{e(t('plan.data.todo_label', lang))}: {e(item)}</li>" for item in d["todo"]]
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append(missing)

    parts.append(f"<h2>5. {e(t('plan.sections.values', lang))}</h2>")
    if v["values"]:
        parts.append("<table>" + "".join(f"<tr><th>{e(n)}</th><td>{e(a)}</td><td>{e(note)}</td></tr>" for n, a, note in v["values"]) + "</table>")
    else:
        parts.append(missing)
    parts.append(f"<p><b>{e(t('plan.risks_short', lang))}:</b> {e(v['risks']) if v['risks'] else e(t('plan.not_filled', lang))}</p>")

    parts.append(f"<h2>6. {e(t('plan.sections.steps', lang))}</h2>")
    if v["steps"]:
        head = "<th>#</th>" + "".join(f"<th>{e(t(f'plan.steps.{f}', lang))}</th>" for f in STEP_FIELDS)
        rows = "".join(f"<tr><td>{n}</td>" + "".join(f"<td>{e(s[f])}</td>" for f in STEP_FIELDS) + "</tr>" for n, s in enumerate(v["steps"], start=1))
        parts.append(f"<table><tr>{head}</tr>{rows}</table>")
    else:
        parts.append(missing)

    parts.append(f"<h2>7. {e(t('plan.sections.owner', lang))}</h2>")
    if v["owner"]:
        parts.append("<table>" + "".join(f'<tr><th scope="row">{e(label)}</th><td>{e(value)}</td></tr>' for label, value in v["owner"]) + "</table>")
    else:
        parts.append(missing)

    earlier = reflections(events if events is not None else [])
    if earlier:
        parts.append(f"<h2>{e(t('plan.sections.reflections', lang))}</h2><ul>")
        for reflection_id, prompt, text in earlier:
            question = f" <i>{e(prompt)}</i>" if prompt else ""
            parts.append(f"<li><b>{e(t('plan.reflection_from', lang, module=reflection_id[1:3]))}</b>{question}<br>{e(text)}</li>")
        parts.append("</ul>")
    parts.append(f"<footer>{e(t('plan.footer', lang))}</footer>")
    return "\n".join(parts)


def to_html(plan: dict | None = None, *, lang: str | None = None, events: list[dict] | None = None, today: date | None = None) -> str:
    lang = lang or get_language()
    return _page(t("plan.title", lang), html_body(plan, lang=lang, events=events, today=today), lang)


def export(folder: str | Path = ".", *, lang: str | None = None, events: list[dict] | None = None, today: date | None = None) -> tuple[Path, Path]:
    """Write the plan as Markdown and HTML into ``folder``; returns both paths."""
    lang = lang or get_language()
    events = progress.store().events() if events is None else events
    plan = latest(events)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = t("plan.file_name", lang)
    md_path, html_path = folder / f"{name}.md", folder / f"{name}.html"
    md_path.write_text(to_markdown(plan, lang=lang, events=events, today=today), encoding="utf-8")
    html_path.write_text(to_html(plan, lang=lang, events=events, today=today), encoding="utf-8")
    return md_path, html_path


