"""From an HR export on disk to the training-needs heatmap: karmayogi, DuckDB and Polars.

One command from a fresh clone (Python 3.9+, Rust, network for pip the first time):

    python3 benches/needs_end_to_end.py [--officers 1000000] [--rounds 5] [--threads 2]

It creates a virtual environment (under the cargo target directory) with duckdb and polars,
builds the release example, generates the export once with
`needs_from_csv DIR/hr --write OFFICERS` (SYNTHETIC officers on the real ESCO requirements, as
`bench_needs --csv DIR` writes them too; DIR defaults to /tmp/karmayogi-needs), measures memory read bandwidth,
then runs interleaved rounds. In each round, each engine runs in a fresh process and is
timed from the CSV text on disk to the heatmap:
- duckdb: `read_csv` of officers, evidence and requirements + one aggregation query;
- polars: `scan_csv` of the same + the same aggregation, lazily, collected once;
- karmayogi: `examples/needs_from_csv.rs`: reading the files in 8 MiB pieces pushed into a
  `CohortCsvReader` on the same threads, `training_needs` (framework construction not
  counted, as the engines get the requirements table ready-made).
The levels follow the crate's default level policy: the highest verified, not
self-declared, level per officer and competency. Per competency: officers required, officers
short, total shortfall, histogram of shortfalls 0..5. The three results must have the same
fingerprint (FNV-1a of the rows as text, sorted). Prints each engine's min and median, the
ratios, the peak resident memory, and the load average.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
VENV = os.path.join(TARGET, "needs-bench-venv")

OFFICERS = {"id": "VARCHAR", "department": "VARCHAR", "position": "VARCHAR"}
EVIDENCE = {
    "officer": "VARCHAR",
    "competency": "VARCHAR",
    "level": "TINYINT",
    "source": "VARCHAR",
    "date": "VARCHAR",
    "verified": "BOOLEAN",
}
REQUIREMENTS = {"position": "VARCHAR", "competency": "VARCHAR", "level": "TINYINT"}

QUERY = """
WITH held AS (
    SELECT officer, competency, max(level) AS level
    FROM read_csv($evidence, header = true, columns = {evidence})
    WHERE verified AND source <> 'self_declared' AND level > 0
    GROUP BY officer, competency
), pairs AS (
    SELECT r.competency AS competency,
           greatest(r.level - coalesce(h.level, 0), 0) AS short
    FROM read_csv($officers, header = true, columns = {officers}) o
    JOIN read_csv($requirements, header = true, columns = {requirements}) r
      ON r.position = o.position
    LEFT JOIN held h ON h.officer = o.id AND h.competency = r.competency
)
SELECT competency,
       count(*), count(*) FILTER (WHERE short > 0), sum(short),
       count(*) FILTER (WHERE short = 0), count(*) FILTER (WHERE short = 1),
       count(*) FILTER (WHERE short = 2), count(*) FILTER (WHERE short = 3),
       count(*) FILTER (WHERE short = 4), count(*) FILTER (WHERE short >= 5)
FROM pairs
GROUP BY competency
"""


def struct(columns):
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"


def fingerprint(rows):
    """FNV-1a 64 of the rows as `competency,n,…\\n` lines sorted, as the crate's example."""
    lines = sorted(",".join(str(x) for x in r) + "\n" for r in rows)
    h = 0xCBF29CE484222325
    for b in "".join(lines).encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}_({len(lines)}_rows)"


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def run_duckdb(hr, threads):
    import duckdb

    con = duckdb.connect(":memory:")
    con.execute(f"SET threads = {threads}")
    query = QUERY.format(
        evidence=struct(EVIDENCE), officers=struct(OFFICERS), requirements=struct(REQUIREMENTS)
    )
    files = {n: os.path.join(hr, n + ".csv") for n in ("officers", "evidence", "requirements")}
    start = time.perf_counter()
    rows = con.execute(query, files).fetchall()
    took = time.perf_counter() - start
    return took, fingerprint([tuple(int(x) if i else x for i, x in enumerate(r)) for r in rows])


def run_polars(hr, threads):
    import polars as pl

    dtypes = {"VARCHAR": pl.Utf8, "TINYINT": pl.Int8, "BOOLEAN": pl.Boolean}

    def scan(name, columns):
        schema = {k: dtypes[v] for k, v in columns.items()}
        return pl.scan_csv(os.path.join(hr, name + ".csv"), schema=schema)

    start = time.perf_counter()
    held = (
        scan("evidence", EVIDENCE)
        .filter(pl.col("verified") & (pl.col("source") != "self_declared") & (pl.col("level") > 0))
        .group_by("officer", "competency")
        .agg(pl.col("level").max().alias("held"))
    )
    short = pl.col("short")
    result = (
        scan("officers", OFFICERS)
        .join(scan("requirements", REQUIREMENTS), on="position")
        .join(held, left_on=["id", "competency"], right_on=["officer", "competency"], how="left")
        .with_columns(
            (pl.col("level").cast(pl.Int32) - pl.col("held").fill_null(0).cast(pl.Int32))
            .clip(lower_bound=0)
            .alias("short")
        )
        .group_by("competency")
        .agg(
            pl.len().alias("required"),
            (short > 0).sum().alias("n_short"),
            short.sum().alias("total"),
            *[(short == k).sum().alias(f"h{k}") for k in range(5)],
            (short >= 5).sum().alias("h5"),
        )
        .collect()
    )
    took = time.perf_counter() - start
    return took, fingerprint(result.rows())


def worker(engine, hr, threads):
    """Runs one engine once in this process; prints `seconds fingerprint peak_mib`."""
    if engine == "polars":
        os.environ["POLARS_MAX_THREADS"] = str(threads)
        took, fp = run_polars(hr, threads)
    else:
        took, fp = run_duckdb(hr, threads)
    print(f"total_s={took:.3f} peak_mib={peak_mib()} fingerprint={fp}")


def fields(line):
    return dict(kv.split("=", 1) for kv in line.split())


def ensure_venv():
    """Re-runs this script inside a virtual environment holding duckdb and polars."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        print(f"creating a virtual environment in {VENV} with duckdb and polars", flush=True)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "duckdb", "polars"], check=True
        )
    os.execv(python, [python, os.path.abspath(__file__), *sys.argv[1:]])


def cargo(*args):
    subprocess.run(["cargo", *args], cwd=ROOT, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--dir", default="/tmp/karmayogi-needs")
    parser.add_argument("--worker", choices=["duckdb", "polars"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    hr = os.path.join(args.dir, "hr")
    if args.worker:
        worker(args.worker, hr, args.threads)
        return
    ensure_venv()
    import duckdb
    import polars

    cargo("build", "--release", "--example", "needs_from_csv")
    example = lambda name: os.path.join(TARGET, "release", "examples", name)  # noqa: E731
    # Named for the export's layout: an export written before officers were placed in the
    # framework's departments (every officer a department mismatch) is written again.
    marker = os.path.join(hr, f"officers-{args.officers}-framework-departments")
    if not os.path.exists(marker):
        print(f"generating {args.officers:,} SYNTHETIC officers into {hr}", flush=True)
        subprocess.run(
            [example("needs_from_csv"), hr, "--write", str(args.officers)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        open(marker, "w").close()
    sizes = {n: os.path.getsize(os.path.join(hr, n + ".csv")) for n in ("officers", "evidence")}
    print(
        f"duckdb {duckdb.__version__}, polars {polars.__version__}; {args.officers:,} SYNTHETIC "
        f"officers; officers.csv {sizes['officers'] / 2**20:.0f} MiB, evidence.csv "
        f"{sizes['evidence'] / 2**20:.0f} MiB; {args.threads} threads; "
        f"load average before: {open('/proc/loadavg').read().strip()}",
        flush=True,
    )
    bandwidth = subprocess.run(
        [example("needs_from_csv"), "--bandwidth", "--threads", str(args.threads)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    print(f"memory read bandwidth: {fields(bandwidth)['bandwidth_gbs']} GB/s", flush=True)

    me = [sys.executable, os.path.abspath(__file__), "--dir", args.dir]
    commands = {
        "karmayogi": [example("needs_from_csv"), hr, "--threads", str(args.threads)],
        "duckdb": [*me, "--worker", "duckdb", "--threads", str(args.threads)],
        "polars": [*me, "--worker", "polars", "--threads", str(args.threads)],
    }
    results = {name: [] for name in commands}
    for r in range(args.rounds):
        for name, command in commands.items():
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            f = fields(out.strip().splitlines()[-1])
            results[name].append(f)
            extra = ""
            if name == "karmayogi":
                extra = (
                    f" (read {f['read_s']} s, load {f['load_s']} s, needs first "
                    f"{f['needs_first_s']} s / second {f['needs_second_s']} s, cohort "
                    f"{f['cohort_mib']} MiB)"
                )
            print(
                f"round {r + 1} {name:9}: {float(f['total_s']):6.3f} s, peak "
                f"{f['peak_mib']} MiB, fingerprint {f['fingerprint']}{extra}",
                flush=True,
            )
    print(f"load average after: {open('/proc/loadavg').read().strip()}")
    prints = {f["fingerprint"] for runs in results.values() for f in runs}
    print(f"results identical across engines and rounds: {'yes' if len(prints) == 1 else 'NO'}")
    summary = {}
    for name, runs in results.items():
        times = sorted(float(f["total_s"]) for f in runs)
        summary[name] = (times[0], statistics.median(times))
        peak = max(int(f["peak_mib"]) for f in runs)
        print(f"{name:9}: min {times[0]:.3f} s, median {summary[name][1]:.3f} s, peak {peak} MiB")
    k = summary["karmayogi"]
    for name in ("duckdb", "polars"):
        print(
            f"karmayogi vs {name}: {summary[name][0] / k[0]:.1f}x (min), "
            f"{summary[name][1] / k[1]:.1f}x (median)"
        )
    if len(prints) != 1:
        sys.exit("error: the engines' results differ")


if __name__ == "__main__":
    main()
