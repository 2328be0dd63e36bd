"""DuckDB baseline for `Framework::training_needs`, on the same SYNTHETIC officers.

The officers are synthetic (examples/support/synth.rs); the requirements are the real ESCO
ones. First export the cohort the Rust benchmark generated, then run this script:

    cargo run --release --example bench_needs -- 1000000 --big 0 --csv /tmp/karmayogi-needs
    pip install duckdb
    python3 benches/duckdb_needs.py /tmp/karmayogi-needs

The CSV tables are integer-coded (dense competency, position and officer numbers):
requirements(position, competency, level), officers(officer, position) and
held(officer, competency, level) with the levels the default level policy derived. They are
loaded into in-memory DuckDB tables first (load time reported, not counted); then the same
aggregation as karmayogi's, per competency: officers required, officers short, total
shortfall and the histogram of shortfalls 0..5, is timed with 1 and 2 threads. The result is
checked against karmayogi's own (needs.csv).
"""

import argparse
import os
import sys
import time

import duckdb

QUERY = """
WITH pairs AS (
    SELECT r.competency AS competency,
           greatest(r.level - coalesce(h.level, 0), 0) AS short
    FROM officers o
    JOIN requirements r ON r.position = o.position
    LEFT JOIN held h ON h.officer = o.officer AND h.competency = r.competency
)
SELECT competency,
       count(*) AS officers_required,
       count(*) FILTER (WHERE short > 0) AS officers_short,
       sum(short) AS total_shortfall,
       count(*) FILTER (WHERE short = 0) AS h0,
       count(*) FILTER (WHERE short = 1) AS h1,
       count(*) FILTER (WHERE short = 2) AS h2,
       count(*) FILTER (WHERE short = 3) AS h3,
       count(*) FILTER (WHERE short = 4) AS h4,
       count(*) FILTER (WHERE short >= 5) AS h5
FROM pairs
GROUP BY competency
ORDER BY competency
"""

TABLES = {
    "requirements": "position INTEGER, competency INTEGER, level TINYINT",
    "officers": "officer INTEGER, position INTEGER",
    "held": "officer INTEGER, competency INTEGER, level TINYINT",
}


def load(con, directory):
    """Loads the three CSV tables into DuckDB tables; returns the seconds it took."""
    start = time.perf_counter()
    for name, schema in TABLES.items():
        path = os.path.join(directory, name + ".csv")
        if not os.path.exists(path):
            sys.exit(f"error: {path} not found; run bench_needs with --csv {directory} first")
        columns = ", ".join(
            f"'{c.split()[0]}': '{c.split()[1]}'" for c in schema.split(", ")
        )
        con.execute(
            f"CREATE TABLE {name} AS SELECT * FROM read_csv(?, header = true, "
            f"columns = {{{columns}}})",
            [path],
        )
    return time.perf_counter() - start


def expected(directory):
    """karmayogi's result, sorted by competency number, as tuples of integers."""
    path = os.path.join(directory, "needs.csv")
    with open(path, encoding="utf-8") as f:
        next(f)
        rows = [tuple(int(x) for x in line.strip().split(",")) for line in f if line.strip()]
    return sorted(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default="/tmp/karmayogi-needs")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per thread count")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    con = duckdb.connect(":memory:")
    print(f"duckdb {duckdb.__version__}; officers are SYNTHETIC (examples/support/synth.rs)")
    print(f"loaded CSV into DuckDB tables in {load(con, args.dir):.2f} s (not counted)")
    officers = con.execute("SELECT count(*) FROM officers").fetchone()[0]
    held = con.execute("SELECT count(*) FROM held").fetchone()[0]
    print(f"{officers:,} officers, {held:,} held levels")
    want = expected(args.dir)

    for threads in (1, 2):
        con.execute(f"SET threads = {threads}")
        times = []
        rows = None
        for run in range(args.runs + 1):
            start = time.perf_counter()
            rows = con.execute(QUERY).fetchall()
            if run > 0:
                times.append(time.perf_counter() - start)
        times.sort()
        pairs = sum(r[1] for r in rows)
        same = [tuple(int(x) for x in r) for r in rows] == want
        print(
            f"threads {threads} ({args.runs} runs): min {times[0] * 1e3:.0f} ms, "
            f"median {times[len(times) // 2] * 1e3:.0f} ms; "
            f"{pairs / times[0] / 1e6:.1f} M pairs/s ({pairs:,} pairs); "
            f"same result as karmayogi: {'yes' if same else 'NO'}"
        )


if __name__ == "__main__":
    main()
