"""Scoring many assessments from one file: JSON Lines, wide CSV or Parquet in, one row each out.

The modules, one job each: `wide` (a table row ↔ an assessment document), `column_map` (a
survey tool's column names and answer labels → question and option ids), `readers` (input
files → bounded chunks of documents), `vector` (the scorers' optional batch method),
`rows` (a chunk of documents → result rows, by the same pipeline as `score`), `writers`
(rows → CSV, JSON Lines or Parquet), `engines` (where the chunks are scored: in this process
or on Dask), `cohort_input` (documents → a cohort file, through the same readers).
"""
