"""Feedback: "Is this page useful?", its model, views, admin and scrubber."""
