"""`accord user add` and `accord token create`: accounts and API tokens from the terminal."""

from __future__ import annotations

import typer

from accord import settings
from accord.auth import tokens, users
from accord.auth.users import AccountError
from accord.cli.common import AS_OPTION, actor, console, fail, open_database
from accord.domain.kinds import Role

user_app = typer.Typer(help="Accounts of people who use the web application and the API.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens (sent as `Authorization: Bearer …`).", no_args_is_help=True)


@user_app.command("add")
def user_add(
    name: str,
    role: Role = typer.Option(..., "--role", help="admin, coordinator, editor or viewer"),
    party: str | None = typer.Option(None, "--party", help="an editor's party (country code, e.g. BY)"),
    direction: str | None = typer.Option(None, "--direction", help="an editor's direction (sector code, e.g. industry)"),
    password: str | None = typer.Option(None, "--password", help="prompted for when not given"),
    display_name: str | None = typer.Option(None, "--display-name"),
    email: str | None = typer.Option(None, "--email", help="where deadline reminders go"),
    lang: str = typer.Option("ru", "--lang", help="language of reminders: ru or en"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Create an account; an editor may change only measures of their party and/or direction."""
    if password is None:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    db = open_database()
    try:
        with db.transaction(actor=actor(as_user), reason="accord user add") as session:
            user = users.add_user(session, name, role, password, party, direction, display_name, email, lang)
            scope = " ".join(x for x in (user.party, user.direction) if x)
    except AccountError as exc:
        fail(str(exc))
    console.print(f"user {name} added as {role.value}" + (f" ({scope})" if scope else ""))


@user_app.command("password")
def user_password(name: str, password: str | None = typer.Option(None, "--password"), as_user: str | None = AS_OPTION) -> None:
    """Set a user's password (prompted for when not given)."""
    if password is None:
        password = typer.prompt("new password", hide_input=True, confirmation_prompt=True)
    db = open_database()
    try:
        with db.transaction(actor=actor(as_user), reason="accord user password") as session:
            user = users.find(session, name)
            if user is None:
                fail(f"there is no user {name!r}")
            users.set_password(session, user, password, actor(as_user))
    except AccountError as exc:
        fail(str(exc))
    console.print(f"password of {name} changed")


@user_app.command("disable")
def user_disable(name: str, as_user: str | None = AS_OPTION) -> None:
    """Disable an account: its web sessions end at once and its API tokens stop working."""
    _set_active(name, False, as_user)


@user_app.command("enable")
def user_enable(name: str, as_user: str | None = AS_OPTION) -> None:
    """Enable a disabled account again (it signs in anew)."""
    _set_active(name, True, as_user)


def _set_active(name: str, active: bool, as_user: str | None) -> None:
    db = open_database()
    with db.transaction(actor=actor(as_user), reason=f"accord user {'enable' if active else 'disable'}") as session:
        user = users.find(session, name)
        if user is None:
            fail(f"there is no user {name!r}")
        users.set_active(session, user, active)
    console.print(f"user {name} {'enabled' if active else 'disabled'}")


@user_app.command("contact")
def user_contact(
    name: str,
    email: str | None = typer.Option(None, "--email", help="where deadline reminders go ('' for none)"),
    lang: str | None = typer.Option(None, "--lang", help="language of reminders: ru or en"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Set where and in which language a user's deadline reminders are sent."""
    db = open_database()
    try:
        with db.transaction(actor=actor(as_user), reason="accord user contact") as session:
            user = users.find(session, name)
            if user is None:
                fail(f"there is no user {name!r}")
            users.set_contact(session, user, email, lang)
            shown = f"{user.email or 'no e-mail'}, {user.lang}"
    except AccountError as exc:
        fail(str(exc))
    console.print(f"reminders of {name}: {shown}", highlight=False)


@token_app.command("create")
def token_create(
    name: str,
    calendar: bool = typer.Option(False, "--calendar", help="a read-only token for the user's deadline calendar feed"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Issue an API token (or a calendar feed token) for a user and print it once (only its hash is kept)."""
    db = open_database()
    with db.transaction(actor=actor(as_user), reason="accord token create") as session:
        user = users.find(session, name)
        if user is None:
            fail(f"there is no user {name!r}: add one with `accord user add`")
        token = tokens.issue(session, user, "calendar" if calendar else "api")
    if calendar:
        feed = f"{settings.load().base_url.rstrip('/')}/calendar.ics?token={token}"
        console.print(feed, highlight=False, soft_wrap=True)
    else:
        console.print(token, highlight=False, soft_wrap=True)


@token_app.command("revoke")
def token_revoke(name: str, as_user: str | None = AS_OPTION) -> None:
    """Revoke every API token of a user."""
    db = open_database()
    with db.transaction(actor=actor(as_user), reason="accord token revoke") as session:
        user = users.find(session, name)
        if user is None:
            fail(f"there is no user {name!r}")
        count = tokens.revoke_all(session, user)
    console.print(f"revoked {count} token(s) of {name}")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.add_typer(token_app, name="token")
