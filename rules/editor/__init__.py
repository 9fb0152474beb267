"""Editor texts: the Explanation model, its admin, the Markdown and [For ...] tags,
when a text is due for review, and the texts kept in memory for outages."""
