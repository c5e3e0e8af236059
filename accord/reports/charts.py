"""The report's two charts, drawn with matplotlib (no browser): progress by direction, trade vs target.

PNG for Word and Excel, SVG for the print view; both from the same drawing.
"""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from accord.reports.labels import label  # noqa: E402
from accord.reports.model import SessionReport  # noqa: E402

#: done, in progress, planned, cancelled: calm colours that survive grey-scale printing
COLOURS = {"done": "#2e7d32", "in_progress": "#1f5fa8", "planned": "#b0bec5", "cancelled": "#e0e0e0"}
OVERDUE = "#c62828"
LINE_COLOURS = ["#1f5fa8", "#ef6c00", "#6a1b9a", "#00838f"]
MILLION = Decimal(1_000_000)


def _style() -> None:
    plt.rcParams.update(
        {"font.family": "DejaVu Sans", "font.size": 8, "axes.spines.top": False, "axes.spines.right": False}
    )


def progress_figure(report: SessionReport) -> Figure:
    """Stacked bars per direction (done, in progress, planned, cancelled), overdue counts in red."""
    _style()
    lang = report.lang
    rows = list(reversed(report.summary.directions))
    fig, ax = plt.subplots(figsize=(6.6, 0.32 * len(rows) + 1.1))
    names = [textwrap.shorten(r.direction, 48, placeholder="…") for r in rows]
    left = [0] * len(rows)
    for key in ("done", "in_progress", "planned", "cancelled"):
        values = [getattr(r, key) for r in rows]
        ax.barh(names, values, left=left, color=COLOURS[key], label=label(key, lang), height=0.65)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, (row, end) in enumerate(zip(rows, left, strict=True)):
        if row.overdue:
            ax.text(
                end + 0.1,
                y,
                f"{label('overdue', lang)}: {row.overdue}",
                va="center",
                color=OVERDUE,
                fontsize=7,
            )
    ax.set_xlabel(label("chart_measures", lang))
    ax.set_xlim(0, max(left or [1]) + 2.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(ncol=4, loc="lower center", bbox_to_anchor=(0.4, 1.0), frameon=False, fontsize=7)
    ax.set_title(label("chart_progress", lang), loc="left", pad=22, fontsize=9, fontweight="bold")
    fig.tight_layout()
    return fig


def trade_figure(report: SessionReport) -> Figure | None:
    """Yearly turnover as each side reports it, and the target; None when no yearly figures exist."""
    trade = report.trade
    series = {code: trade.yearly_turnover(code) for code in trade.reporters}
    series = {code: years for code, years in series.items() if years}
    if not series:
        return None
    _style()
    lang = report.lang
    fig, ax = plt.subplots(figsize=(6.6, 2.9))
    for index, (code, years) in enumerate(series.items()):
        xs = sorted(years)
        ys = [float(years[x] / MILLION) for x in xs]
        colour = LINE_COLOURS[index % len(LINE_COLOURS)]
        ax.plot(xs, ys, marker="o", color=colour, label=report.country(code))
        target = trade.target
        if target is not None and target.currency == trade.currency and xs[-1] < target.year:
            path = label("chart_path", lang) if index == 0 else None
            ax.plot(
                [xs[-1], target.year],
                [ys[-1], float(target.value / MILLION)],
                ":",
                color="#757575",
                label=path,
            )
    target = trade.target
    if target is not None and target.currency == trade.currency:
        value = float(target.value / MILLION)
        ax.axhline(value, color=OVERDUE, linestyle="--", linewidth=1)
        ax.annotate(
            f"{label('chart_target', lang)}: {value:,.0f} ({target.year})".replace(",", " "),
            (target.year, value),
            textcoords="offset points",
            xytext=(-4, 4),
            ha="right",
            color=OVERDUE,
            fontsize=7,
        )
    ax.set_ylabel(
        f"{trade.currency} {label('chart_million', lang)}"
        if lang == "en"
        else f"{label('chart_million', lang)} {trade.currency}"
    )
    ax.set_ylim(bottom=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    handles, names = ax.get_legend_handles_labels()
    order = sorted(range(len(names)), key=lambda i: names[i] == label("chart_path", lang))
    ax.legend(
        [handles[i] for i in order], [names[i] for i in order], frameon=False, fontsize=7, loc="upper left"
    )
    shown = target is not None and target.currency == trade.currency
    ax.set_title(
        label("chart_trade" if shown else "chart_trade_only", lang), loc="left", fontsize=9, fontweight="bold"
    )
    fig.tight_layout()
    return fig


def _save(fig: Figure, fmt: str) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format=fmt, dpi=200, metadata={"Date": None} if fmt == "svg" else None)
    plt.close(fig)
    return out.getvalue()


def charts_png(report: SessionReport) -> list[bytes]:
    """The charts the summary shows, as PNG (trade first when there are trade figures)."""
    found = []
    trade = trade_figure(report)
    if trade is not None:
        found.append(_save(trade, "png"))
    if report.summary.totals.total:
        found.append(_save(progress_figure(report), "png"))
    return found


def charts_svg(report: SessionReport) -> list[str]:
    found = []
    trade = trade_figure(report)
    if trade is not None:
        found.append(_save(trade, "svg").decode("utf-8"))
    if report.summary.totals.total:
        found.append(_save(progress_figure(report), "svg").decode("utf-8"))
    return found
