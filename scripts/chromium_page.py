#!/usr/bin/env python3
"""Open an HTML file in headless Chromium as a person would, and report
what happened: the DOM after load, console messages, network requests the
page made, and (optionally) a screenshot.

Chromium's own background traffic (updates, dictionaries) is told apart
from the page's by the NetLog's network isolation key: the page's requests
carry its ``file://`` origin. A proxy that does not exist stops any
request from leaving the machine.

    python scripts/chromium_page.py gap.html [--screenshot docs/gap-report.png]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--proxy-server=127.0.0.1:9",
    "--enable-logging=stderr",
    "--v=0",
)
_CONSOLE = re.compile(r":(INFO|WARNING|ERROR|FATAL):CONSOLE[:(]\d+\)?\]\s*(.*)")


@dataclass
class PageRun:
    dom: str
    console: list[tuple[str, str]]  # (level, message)
    requests: list[str]  # URLs the page asked for (not file: or data:)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(binary: str, args: list[str], url: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={workdir / 'profile'}", *args, url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def page_requests(netlog: Path) -> list[str]:
    """URLs requested with the page's file:// origin as isolation key."""
    try:
        data = json.loads(netlog.read_text(encoding="utf-8", errors="replace"))
    except (OSError, json.JSONDecodeError):
        # Chromium may leave the last event unterminated; close the array.
        text = netlog.read_text(encoding="utf-8", errors="replace").rstrip().rstrip(",")
        data = json.loads(text + "]}")
    urls: dict[int, str] = {}
    page: set[int] = set()
    for event in data.get("events", []):
        src = event.get("source", {}).get("id")
        params = event.get("params") or {}
        if "url" in params:
            urls.setdefault(src, params["url"])
        if "file://" in str(params.get("network_isolation_key", "")):
            page.add(src)
    return sorted(
        {urls[s] for s in page if s in urls and not urls[s].startswith(("file:", "data:"))}
    )


def open_page(html: Path, *, screenshot: Path | None = None, size: str = "1280,2400") -> PageRun:
    """Load ``html`` in headless Chromium; optionally save a PNG screenshot."""
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed")
    url = html.resolve().as_uri()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        netlog = work / "net.json"
        dump = _run(binary, [f"--log-net-log={netlog}", "--dump-dom"], url, work)
        console = [(m.group(1), m.group(2)) for m in _CONSOLE.finditer(dump.stderr)]
        requests = page_requests(netlog) if netlog.exists() else []
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            shot = _run(binary, [f"--window-size={size}", f"--screenshot={screenshot}"], url, work)
            if not screenshot.exists():
                raise RuntimeError(f"no screenshot written: {shot.stderr[-500:]}")
    return PageRun(dump.stdout, console, requests)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--size", default="1280,2400", help="window WIDTH,HEIGHT")
    args = parser.parse_args()
    run = open_page(args.html, screenshot=args.screenshot, size=args.size)
    print(f"DOM: {len(run.dom)} characters")
    for level, msg in run.console:
        print(f"console {level}: {msg}")
    for url in run.requests:
        print(f"request: {url}")
    # Chromium logs every console message at INFO; the report has no script,
    # so any message at all is a failure.
    return 1 if run.requests or run.console else 0


if __name__ == "__main__":
    sys.exit(main())
