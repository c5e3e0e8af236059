"""Every setting accord reads from the environment, in one place.

Each has a default that works on a laptop; the README documents each one
(a test checks that).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str) -> tuple[str, ...]:
    """A comma-separated list; empty when unset."""
    return tuple(item.strip() for item in os.environ.get(name, "").split(",") if item.strip())


def env_secret(name: str) -> str | None:
    """A secret from NAME or from the file named by NAME_FILE (for container secrets)."""
    value = os.environ.get(name)
    if value:
        return value
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return None


@dataclass(frozen=True)
class Settings:
    var_dir: Path
    database_url: str
    user: str | None
    public_read: bool
    secret_key_file: Path
    secure_cookies: bool
    login_attempts_per_minute: int
    trusted_proxies: tuple[str, ...]
    smtp_url: str | None
    mail_from: str
    base_url: str
    log_level: str
    log_format: str
    broker_url: str | None
    queue: str
    task_attempts: int
    retry_backoff: float

    def secret_key(self) -> str:
        """The signing key; generated into var/ on first use when none is configured."""
        configured = env_secret("ACCORD_SECRET_KEY")
        if configured:
            return configured
        path = self.secret_key_file
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.write_text(key, encoding="utf-8")
        path.chmod(0o600)
        return key


#: (name, meaning) of every environment variable; the README must list each.
DOCUMENTED = {
    "ACCORD_VAR_DIR": "folder for the default database and generated secrets (default ./var)",
    "ACCORD_DATABASE_URL": "SQLAlchemy URL of the database (default sqlite:///./var/accord.db)",
    "ACCORD_USER": "the user name CLI edits are recorded under (or --as)",
    "ACCORD_PUBLIC_READ": "1 lets anonymous visitors read the web app",
    "ACCORD_SECRET_KEY": "key signing session cookies (or ACCORD_SECRET_KEY_FILE)",
    "ACCORD_SECURE_COOKIES": "1 marks cookies Secure (behind HTTPS)",
    "ACCORD_LOGIN_RATE": "failed login attempts allowed per minute per address (default 10)",
    "ACCORD_TRUSTED_PROXIES": "addresses or networks of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (default: none)",
    "ACCORD_NBRB_URL": "base URL of the National Bank of Belarus exchange-rates API (default https://api.nbrb.by/exrates)",
    "ACCORD_NBKR_URL": "base URL of the National Bank of the Kyrgyz Republic XML rates (default https://www.nbkr.kg/XML)",
    "ACCORD_ECB_URL": "base URL of the ECB euro reference rates (default https://www.ecb.europa.eu/stats/eurofxref)",
    "ACCORD_SMTP_URL": "mail server for reminders: smtp://host:25, smtp://user:pass@host:587?starttls=1 or smtps://user:pass@host:465",
    "ACCORD_MAIL_FROM": "sender address of reminders (default accord@localhost)",
    "ACCORD_BASE_URL": "the web app's address, for links in reminders and the calendar feed (default http://127.0.0.1:8000)",
    "ACCORD_LOG_LEVEL": "how much accord logs to stderr: DEBUG, INFO, WARNING (default) or ERROR",
    "ACCORD_LOG_FORMAT": "text (default), or json for one JSON object per line (for servers)",
    "ACCORD_BROKER_URL": "Celery broker for `accord worker`, `ingest --queue` and `watch --queue`: amqp://guest:guest@127.0.0.1:5672// (RabbitMQ) or redis://127.0.0.1:6379/0 (default: none, everything runs in-process)",
    "ACCORD_QUEUE": "name of the Celery queue ingest tasks go to (default accord)",
    "ACCORD_TASK_ATTEMPTS": "how many times a worker tries an item before recording it as failed with its reason (default 5)",
    "ACCORD_RETRY_BACKOFF": "seconds before a failed item's first retry, doubling each time up to a minute (default 2)",
    "ACCORD_TEST_DATABASE_URL": "PostgreSQL URL the test suite uses (default postgresql+psycopg://postgres@127.0.0.1:5432/test)",
}


def load() -> Settings:
    var_dir = Path(env_str("ACCORD_VAR_DIR", "var"))
    return Settings(
        var_dir=var_dir,
        database_url=env_str("ACCORD_DATABASE_URL", f"sqlite:///{var_dir / 'accord.db'}"),
        user=os.environ.get("ACCORD_USER") or None,
        public_read=env_bool("ACCORD_PUBLIC_READ"),
        secret_key_file=var_dir / "secret_key",
        secure_cookies=env_bool("ACCORD_SECURE_COOKIES"),
        login_attempts_per_minute=env_int("ACCORD_LOGIN_RATE", 10),
        trusted_proxies=env_list("ACCORD_TRUSTED_PROXIES"),
        smtp_url=os.environ.get("ACCORD_SMTP_URL") or None,
        mail_from=env_str("ACCORD_MAIL_FROM", "accord@localhost"),
        base_url=env_str("ACCORD_BASE_URL", "http://127.0.0.1:8000"),
        log_level=env_str("ACCORD_LOG_LEVEL", "WARNING"),
        log_format=env_str("ACCORD_LOG_FORMAT", "text"),
        broker_url=os.environ.get("ACCORD_BROKER_URL") or None,
        queue=env_str("ACCORD_QUEUE", "accord"),
        task_attempts=max(1, env_int("ACCORD_TASK_ATTEMPTS", 5)),
        retry_backoff=float(env_str("ACCORD_RETRY_BACKOFF", "2") or "2"),
    )
