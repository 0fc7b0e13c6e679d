"""Batch scoring: a spreadsheet (CSV/TSV), JSONL or Meta JSON export of drafts in, the same rows
out with a verdict, the promotional score, the codes that fired and a suggestion per row.

Modules: ``result`` (what one scored row holds), ``reader`` (rows in, bad rows marked),
``score`` (linting rows, in this process or in workers), ``writer`` (rows out),
``report`` (the self-contained HTML report), ``run`` (the pipeline the command drives).
"""
