"""`make lighthouse`: Lighthouse's scores and each page's weight, page type by page type.

    .venv/bin/python bench/lighthouse.py [--port 8811] [page ...]

It builds the demo data set as `make bench` does (or reuses it), collects the static files,
serves the site with gunicorn as in production (DEBUG off, loopback) and runs Lighthouse
12 (mobile preset, simulated throttling) with Debian's Chromium on each page type, English
and French. It prints one table (scores out of 100, HTML bytes as served before transfer
compression, Largest Contentful Paint, Total Blocking Time, Cumulative Layout Shift) and
writes it as JSON to `bench/results/lighthouse.json`.

Lighthouse is not a dependency of the site: install it outside the repository, e.g.

    mkdir -p /tmp/lh && (cd /tmp/lh && npm install lighthouse@12)

and the script finds it there, or name its command in LIGHTHOUSE. Chromium is
CHROME_PATH (default /usr/bin/chromium)."""

import argparse
import json
import os
import shlex
import shutil

# Every command is a fixed list of arguments, never a shell.
import subprocess  # nosec B404
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run

RESULTS = run.RESULTS / "lighthouse.json"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)
# The page types of `make bench` that a visitor's browser opens, and French addresses.
PAGES = (
    "home",
    "directory",
    "member",
    "map",
    "membership",
    "news",
    "post",
    "events",
    "event",
    "practices",
    "practice",
    "evidence",
    "search",
    "calls",
    "call",
)
FRENCH = (
    ("home-fr", "/fr/"),
    ("directory-fr", "/fr/membres/"),
    ("news-fr", "/fr/actualites/"),
    ("events-fr", "/fr/evenements/"),
    ("practices-fr", "/fr/pratiques/"),
    ("search-fr", "/fr/recherche/?q=prison"),
    ("calls-fr", "/fr/collaborer/"),
)


def lighthouse_command():
    if os.environ.get("LIGHTHOUSE"):
        return shlex.split(os.environ["LIGHTHOUSE"])
    for prefix in (Path(tempfile.gettempdir()) / "lh", Path.home() / ".cache" / "lh"):
        binary = prefix / "node_modules" / ".bin" / "lighthouse"
        if binary.exists():
            return [str(binary)]
    if shutil.which("lighthouse"):
        return ["lighthouse"]
    sys.exit(
        "Lighthouse not found: mkdir -p /tmp/lh && (cd /tmp/lh && npm install lighthouse@12), "
        "or set LIGHTHOUSE to its command."
    )


def audit(command, url, attempts=3):
    """Lighthouse's report (as a dict) of one page at the mobile preset. Lighthouse
    sometimes loses the trace of a load (NO_NAVSTART) on a busy machine: tried again."""
    for attempt in range(1, attempts + 1):
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            done = subprocess.run(  # nosec B603
                [
                    *command,
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report.name}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    f"--chrome-flags={CHROME_FLAGS}",
                ],
                check=attempt == attempts,
                env={
                    **os.environ,
                    "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
                },
            )
            if done.returncode == 0:
                return json.loads(Path(report.name).read_text())
        print(f"  Lighthouse failed on {url}; trying again", file=sys.stderr)
    raise AssertionError("unreachable")


def row(name, path, html_bytes, report):
    audits = report["audits"]
    return {
        "page": name,
        "path": path,
        "html_bytes": html_bytes,
        **{
            category: round(report["categories"][category]["score"] * 100)
            for category in CATEGORIES
        },
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_bytes": audits["total-byte-weight"]["numericValue"],
    }


def table(rows):
    head = (
        f"{'page':<14} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} "
        f"{'HTML':>8} {'LCP':>7} {'TBT':>5} {'CLS':>6}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['page']:<14} {r['performance']:>4} {r['accessibility']:>4} "
            f"{r['best-practices']:>4} {r['seo']:>4} {r['html_bytes']:>8,} "
            f"{r['lcp_ms']:>5}ms {r['tbt_ms']:>3}ms {r['cls']:>6}"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--port", type=int, default=0, help="serve on this port (default: a free one)"
    )
    parser.add_argument("pages", nargs="*", help="only these page types (default: all)")
    options = parser.parse_args(argv)
    command = lighthouse_command()

    # Its own SQLite database and media beside `make bench`'s, built once and reused.
    env = {
        **os.environ,
        **run.SITE_ENV,
        "DATABASE_URL": f"sqlite:///{run.TMP / 'cpe-lighthouse.sqlite3'}",
        "MEDIA_ROOT": str(run.TMP / "cpe-lighthouse-media"),
    }
    run.build_dataset("demo", env, rebuild=False)
    run._manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    probed = subprocess.run(  # nosec B603
        [run.PYTHON, str(Path(run.__file__).resolve()), "--probe"],
        cwd=run.ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    addresses = {page["page"]: page["path"] for page in json.loads(probed.stdout)}
    chosen = [(name, addresses[name]) for name in PAGES] + list(FRENCH)
    if options.pages:
        chosen = [(name, path) for name, path in chosen if name in options.pages]
    rows = []
    with run.Server("cpe_network.wsgi", env, "/healthz", "lighthouse", port=options.port) as server:
        for name, path in chosen:
            status, body = run.fetch(server.base + path)
            if status != 200:
                print(f"  {name} {path}: status {status}", file=sys.stderr)
            rows.append(row(name, path, len(body), audit(command, server.base + path)))
            scores = " ".join(f"{category} {rows[-1][category]}" for category in CATEGORIES)
            print(f"  {name:<14} {scores}", flush=True)
    print(table(rows))
    if not options.pages:
        RESULTS.write_text(json.dumps(rows, indent=2) + "\n")
        print(f"Written to {RESULTS.relative_to(run.ROOT)}")


if __name__ == "__main__":
    main()
