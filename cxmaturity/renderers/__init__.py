"""Renderers: documents laid out as terminal text, Markdown, HTML, charts and JSON. They never compute a judgement."""
