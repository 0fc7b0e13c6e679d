"""Documentation generated from the rule files (docs/rules.md is this module's output)."""

from __future__ import annotations

from linter.rulebook import CATEGORIES, Rule

FAMILIES = {
    "TPL0": "Engine",
    "TPL10": "Promotional offers",
    "TPL11": "Links",
    "TPL12": "Cold outreach",
    "TPL13": "Games and contests",
    "TPL14": "Data-collecting surveys",
    "TPL15": "Up-sell and cross-sell",
    "TPL16": "New-product promotion",
    "TPL17": "Threatening or shaming content",
    "TPL18": "Requests for sensitive data",
    "TPL19": "Welcome, invitations, win-back and cart reminders",
    "TPL2": "Spelling",
    "TPL3": "Format",
    "TPL4": "Duplicates",
    "TPL5": "Classifier",
    "TPL6": "Prohibited goods and deceptive offers",
}


def family(code: str) -> str:
    best = max((p for p in FAMILIES if code.startswith(p)), key=len, default="")
    return FAMILIES.get(best, "Other")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def rules_table(rules: tuple[Rule, ...]) -> str:
    lines = [
        "# templint rules",
        "",
        "Generated from `rules/` by `templint rules --format markdown`; do not edit by hand.",
        "`templint rule CODE` prints a rule's full documentation. Fix: what `templint lint --fix`",
        "writes (safe), what only `--fix --unsafe-fixes` writes (unsafe), or either (mixed).",
        "Either way a fix is written only if the template, linted again, has no new error.",
        "",
        "| code | name | family | severity | applies to | fix | what it does |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rules:
        applies = "all" if set(r.applies_to) == set(CATEGORIES) else ", ".join(r.applies_to)
        lines.append(
            f"| {r.code} | `{r.name}` | {family(r.code)} | {r.severity} | {applies} | "
            f"{r.autofix} | {_cell(r.summary)} |"
        )
    return "\n".join(lines) + "\n"
