"""The web layer: views, the results presenter, the JSON API and its OpenAPI
document, the worksheet pages, and the words that read a broken link."""
