"""{% once %}...{% endonce %}: a piece of a page rendered once per process and language.

For what every page shows alike in a language: the header's links, the footer, the
stylesheet and script links (base.html). Rendering them on every request was a good
part of a page's cost (see `make bench`). The piece is rendered with the site's
links (questionnaire.context_processors.site_links: the same for every page in a
language) and nothing else of the page's context, so a page's own variable put
inside it renders empty on every page, where a test sees it, and never shows one
visitor's value to another. Kept on the template's node, so bounded by the number
of such pieces and languages.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


class OnceNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist
        self.rendered: dict[str | None, str] = {}

    def render(self, context: template.Context) -> str:
        site = context.get("site")
        language = get_language()
        html = self.rendered.get(language)
        if html is None:
            html = self.nodelist.render(context.new({"site": site}))
            if site:  # a page rendered without the site's links is not kept for the others
                self.rendered[language] = html
        return mark_safe(html)  # noqa: S308 (rendered by the template engine, escaped there)


@register.tag
def once(parser: template.base.Parser, token: template.base.Token) -> OnceNode:
    nodelist = parser.parse(("endonce",))
    parser.delete_first_token()
    return OnceNode(nodelist)
