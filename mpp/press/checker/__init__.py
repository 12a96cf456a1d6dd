"""The draft checker: read a draft, find its claims, check each against the store, report.

run.py         check_draft, check_text: the draft's own period, a finding per claim, provisional months
draft_file.py  read_draft: a pasted text, a .txt or a .docx, read under limits (DraftRefused)
reading.py     sentences, and what each names: numbers, periods, months, agencies (`Mention`)
sentence.py    a sentence as the builders read it: where a figure belongs (unit, agency, period)
claims.py      the claim builders: from a sentence to its claims
claim.py       the kinds of claim (`ClaimKind`), one dataclass per kind
checks/        one check per kind of claim, registered in `checks.CHECKS`
facts.py       the store's figures for one site, held in memory while a draft is checked
findings.py    what is reported: `Finding`, `Report`, and how figures are worded in them
"""
