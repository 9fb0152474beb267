"""gunicorn's own error answers with the site's security headers and words (I2).

gunicorn answers some requests itself, before the application sees them: a request line
it cannot read (400), one longer than `limit_request_line` (414), too many or too large
headers (431), a transfer coding it does not take (501). Its stock answer
(gunicorn.util.write_error) carries no Content-Security-Policy, X-Frame-Options or
nosniff, and echoes what it could not read. `install()`, run in each worker by
gunicorn.conf.py's `post_worker_init`, replaces it with `write_error` below: the same
status, the same headers as nginx's own error pages (deploy/deduct-site.conf, location
/_errors/; tests/production/test_gunicorn_errors.py checks they agree), and a short page
in words that repeats nothing of the request.

gunicorn also logs each such request as "Invalid request from ip=<address>: <what it
read>", which can quote the request line, query and all. `PrivateLogger` (gunicorn.conf.py's
`logger_class`) keeps the line and drops the address and the quote.

No Django here: it runs in gunicorn's worker before any request, settings or not.
"""

from __future__ import annotations

import html

from gunicorn.glogging import Logger

# The same values as nginx's `add_header ... always` lines for its own error pages.
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
}

# What the saver reads, by status; anything else gets the 400 words.
WORDS = {
    400: ("Bad request", "Your browser sent a request this site could not read."),
    403: ("Forbidden", "This request is not allowed."),
    414: ("Address too long", "The address is too long for this site to read."),
    417: ("Expectation failed", "Your browser sent a request this site could not read."),
    431: ("Request too large", "Your browser sent more header data than this site reads."),
    500: ("Server error", "Something went wrong on our side."),
    501: ("Not implemented", "Your browser sent a request this site does not handle."),
}

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{text} Please check the link, or start again from the start page.</p>
<p><a href="/">Go to the start page</a></p>
</main>
</body>
</html>
"""


def response(status_int: int, reason: str) -> bytes:
    """The whole HTTP answer gunicorn writes for an error it found itself."""
    title, text = WORDS.get(status_int, WORDS[400])
    body = PAGE.format(title=html.escape(title), text=html.escape(text)).encode()
    reason = reason.encode("latin-1", "replace").decode("latin-1").replace("\r", " ")
    lines = [
        f"HTTP/1.1 {int(status_int)} {reason.replace(chr(10), ' ')}",
        "Connection: close",
        "Content-Type: text/html; charset=utf-8",
        f"Content-Length: {len(body)}",
        *(f"{name}: {value}" for name, value in HEADERS.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def write_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn.util.write_error's signature; `mesg` (which may quote the request) is
    logged by gunicorn already and not sent back."""
    from gunicorn import util

    util.write_nonblock(sock, response(status_int, reason))


INVALID_REQUEST = "Invalid request from ip="


class PrivateLogger(Logger):
    def warning(self, msg, *args, **kwargs):
        if isinstance(msg, str) and msg.startswith(INVALID_REQUEST):
            msg, args = "Invalid request (address and request not logged)", ()
        return super().warning(msg, *args, **kwargs)


def install() -> None:
    """Make gunicorn's workers answer their own errors with `write_error`."""
    from gunicorn import util

    util.write_error = write_error
