from pathlib import Path

import pytest

from accord import settings

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(settings.DOCUMENTED))
def test_every_setting_is_documented_in_the_readme(name: str) -> None:
    assert f"`{name}`" in README


def test_every_variable_the_code_reads_is_in_the_documented_list() -> None:
    import re

    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(settings.__file__).parent.rglob("*.py"))
    read = set(re.findall(r"\"(ACCORD_[A-Z_]+)\"", source))
    assert read - set(settings.DOCUMENTED) - {"ACCORD_SECRET_KEY_FILE"} == set()


def test_the_secret_key_is_generated_once_into_var(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORD_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("ACCORD_SECRET_KEY", raising=False)
    monkeypatch.delenv("ACCORD_SECRET_KEY_FILE", raising=False)
    first = settings.load().secret_key()
    assert len(first) > 40 and settings.load().secret_key() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_the_secret_key_can_come_from_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "key").write_text("s3cret\n")
    monkeypatch.delenv("ACCORD_SECRET_KEY", raising=False)
    monkeypatch.setenv("ACCORD_SECRET_KEY_FILE", str(tmp_path / "key"))
    assert settings.load().secret_key() == "s3cret"
