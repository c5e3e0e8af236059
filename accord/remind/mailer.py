"""Sending mail over SMTP, configured by one URL (``ACCORD_SMTP_URL``).

``smtp://host:25`` plain, ``smtp://user:password@host:587?starttls=1`` upgraded with STARTTLS,
``smtps://user:password@host:465`` over TLS from the start.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from accord.remind.digest import Digest


class MailError(RuntimeError):
    """Mail could not be sent; the message says to whom and why."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    tls: bool
    starttls: bool
    user: str | None
    password: str | None

    @classmethod
    def parse(cls, url: str) -> SmtpConfig:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise MailError(f"ACCORD_SMTP_URL {url!r} is not an smtp:// or smtps:// URL with a host")
        query = parse_qs(parts.query)
        tls = parts.scheme == "smtps"
        try:
            port = parts.port or (465 if tls else 25)
        except ValueError as exc:
            raise MailError(f"ACCORD_SMTP_URL has a bad port: {exc}") from exc
        return cls(
            host=parts.hostname,
            port=port,
            tls=tls,
            starttls=query.get("starttls", ["0"])[0].lower() in ("1", "true", "yes"),
            user=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
        )


def message(digest: Digest, sender: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = digest.to
    msg["Subject"] = digest.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "accord")
    msg.set_content(digest.body)
    return msg


class Mailer:
    """One SMTP connection for a run; ``send`` raises ``MailError`` naming the recipient."""

    def __init__(self, config: SmtpConfig, sender: str, timeout: float = 30.0) -> None:
        self.config = config
        self.sender = sender
        self.timeout = timeout
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        c = self.config
        try:
            if c.tls:
                self._smtp = smtplib.SMTP_SSL(
                    c.host, c.port, timeout=self.timeout, context=ssl.create_default_context()
                )
            else:
                self._smtp = smtplib.SMTP(c.host, c.port, timeout=self.timeout)
                if c.starttls:
                    self._smtp.starttls(context=ssl.create_default_context())
            if c.user:
                self._smtp.login(c.user, c.password or "")
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(f"cannot reach the mail server {c.host}:{c.port}: {exc}") from exc
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._smtp is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self._smtp.quit()
            self._smtp = None

    def send(self, digest: Digest) -> None:
        assert self._smtp is not None, "use Mailer as a context manager"
        try:
            self._smtp.send_message(message(digest, self.sender))
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(f"mail to {digest.to} was not sent: {exc}") from exc
