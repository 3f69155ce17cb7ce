"""`cxmaturity serve`: the questionnaire as a browser form, several respondents per company,
and the consultant's consolidation. Needs the optional extra: pip install 'cxmaturity[web]'.

Nothing here is imported by the terminal tool: `cli.serve` imports it when the command runs.
"""
