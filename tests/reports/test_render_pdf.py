"""The Word document as LibreOffice lays it out: it converts to PDF and to page images.

Needs `soffice` (Debian libreoffice-writer) and `pdftoppm` (poppler-utils); skipped
without them on a laptop, failed without them under CI=true.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from accord.reports import render
from accord.store.db import Database
from tests.conftest import TODAY

TOOLS = ("soffice", "pdftoppm")


def need_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed (apt-get install libreoffice-writer poppler-utils)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}: required in CI")
    pytest.skip(message)


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.slow
def test_the_docx_converts_to_pdf_and_page_images(sqlite_db: Database, tmp_path: Path) -> None:
    need_tools()
    from accord.demo.example import load_example

    load_example(sqlite_db, TODAY)
    source = tmp_path / "report.docx"
    source.write_bytes(render(sqlite_db, as_of=TODAY, fmt="docx"))
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.stat().st_size > 20_000
    pages = pdf_pages(pdf)
    assert 6 <= pages <= 30
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Просроченные мероприятия" in text and "Приложение. Дорожная карта" in text
    assert f"Стр. 1 / {pages}" in text  # the PAGE and NUMPAGES fields were filled in
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120
    )
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages
    with Image.open(images[0]) as first, Image.open(images[-1]) as last:
        assert first.height > first.width  # the body is portrait
        assert last.width > last.height  # the annex is landscape
