"""`accord remind`: e-mail each responsible person a digest of their overdue and near deadlines."""

from __future__ import annotations

import json
from datetime import date

import typer

from accord import settings
from accord.cli.common import console, fail, open_database, parse_day
from accord.remind.mailer import Mailer, MailError, SmtpConfig
from accord.remind.run import remind


def remind_command(
    dry_run: bool = typer.Option(False, "--dry-run", help="print the digests; send and record nothing"),
    today: str | None = typer.Option(None, "--today", help="the day to count deadlines from (YYYY-MM-DD)"),
    as_json: bool = typer.Option(False, "--json", help="one JSON summary instead of text"),
) -> None:
    """Send each editor and coordinator one digest of deadlines overdue or due in 30 / 7 days.

    Each deadline is reminded once per step; what was sent is recorded. Needs ACCORD_SMTP_URL
    (and ACCORD_MAIL_FROM, ACCORD_BASE_URL for the links) unless --dry-run.
    """
    env = settings.load()
    day = parse_day(today, "--today") or date.today()
    db = open_database()
    if dry_run:
        outcomes = remind(db, day, env.base_url)
    else:
        if not env.smtp_url:
            fail("set ACCORD_SMTP_URL (e.g. smtp://mail.example.org:25) or use --dry-run", code=2)
        try:
            with Mailer(SmtpConfig.parse(env.smtp_url), env.mail_from) as mailer:
                outcomes = remind(db, day, env.base_url, send=mailer.send)
        except MailError as exc:
            fail(str(exc), code=2)
    failed = [o for o in outcomes if o.error]
    if as_json:
        console.print_json(
            json.dumps(
                {
                    "dry_run": dry_run,
                    "digests": [
                        {
                            "user": o.user,
                            "to": o.digest.to,
                            "items": len(o.items),
                            "sent": o.sent,
                            "error": o.error,
                        }
                        for o in outcomes
                    ],
                },
                ensure_ascii=False,
            )
        )
    else:
        for o in outcomes:
            if dry_run:
                console.rule(f"{o.user} <{o.digest.to}>: {o.digest.subject}")
                console.print(o.digest.body, highlight=False, markup=False, soft_wrap=True)
            else:
                state = "sent" if o.sent else f"not sent: {o.error}"
                console.print(
                    f"{o.user} <{o.digest.to}>: {len(o.items)} deadline(s), {state}", highlight=False
                )
        if not outcomes:
            console.print(
                "nothing to remind: no new overdue or near deadlines for anyone with an e-mail address"
            )
    if failed and len(failed) == len(outcomes):
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("remind")(remind_command)
