"""Documents built from evaluations (the summary's content, a comparison, a portfolio, the plugin
listing) that renderers read."""
