#!/usr/bin/env python3
"""The optimum of every exported planning instance from an independent MIP solver (HiGHS).

    cargo run --release --example bench_plans -- --export DIR
    python3 benches/highs_reference.py DIR [--time-limit SECONDS]

Creates a virtual environment in `target/highs-venv` on first use and installs `highspy`
there (nothing is installed system-wide; this is not a test dependency). Each line of
`DIR/instances.jsonl` holds one officer's learning-path instance, rebuilt by the example
from the public specs: candidate courses with their hours, the gaps each closes, their
direct prerequisites, the gaps' values, an hour budget, and the crate's results (default and
exact solver, least hours and budget). Two MIPs are solved per instance:

    least hours:  min sum h_j x_j   s.t.  sum_{j closes e} x_j >= 1   (every closable gap e)
    budget:       max sum v_e y_e   s.t.  y_e <= sum_{j closes e} x_j,  sum h_j x_j <= B
    both:         x_j <= x_p for every prerequisite p of j;  x, y binary

It prints, per catalogue and objective, how far the crate's plans are from the optimum
(median, p90, worst), the certificate gap the crate reported, and two checks that must
never fail: every bound the crate reports is on the right side of the optimum, and every
plan the crate calls optimal has the optimum's value and, for a budget, the fewest hours
among plans within the budget of that value (a second MIP: least hours with the value fixed).

Department-sized instances (ids with `large`, from `bench_plans --large-samples S`) are
also listed one by one: whether HiGHS proves each within the time limit and how long it
took, against whether the crate's exact mode proved it and how long that took, so the
claim "the exact mode proves what an LP-based solver proves" can be read off per instance.
"""

import json
import os
import subprocess
import sys
import time

VENV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "highs-venv")


def ensure_highspy():
    try:
        import highspy  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if os.environ.get("KARMAYOGI_HIGHS_VENV") != "1":
        if not os.path.exists(python):
            subprocess.check_call([sys.executable, "-m", "venv", VENV])
            subprocess.check_call([python, "-m", "pip", "install", "--quiet", "highspy"])
        env = dict(os.environ, KARMAYOGI_HIGHS_VENV="1")
        os.execve(python, [python] + sys.argv, env)
    raise SystemExit("highspy is not available")


def solve(inst, budget_mode, time_limit, at_least=None):
    """The optimum of one MIP: least hours, or (`budget_mode`) most value within the budget.
    With `at_least`, the budget MIP instead takes the fewest hours among plans within the
    budget worth at least `at_least` (the second objective of the crate's budgeted plans)."""
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("threads", 1)
    hours, covers, pre, values = inst["hours"], inst["covers"], inst["prerequisites"], inst["values"]
    n, m = len(hours), len(values)
    inf = highspy.kHighsInf
    lp = highspy.HighsLp()
    closers = [[] for _ in range(m)]
    for j, cs in enumerate(covers):
        for e in cs:
            closers[e].append(j)
    coverable = [e for e in range(m) if closers[e]]
    # Columns: x_0..x_{n-1}, then (budget) y for each coverable gap.
    ny = len(coverable) if budget_mode else 0
    if budget_mode and at_least is None:
        cost = [0.0] * n + [-float(values[e]) for e in coverable]
    else:
        cost = list(hours) + [0.0] * ny
    lp.num_col_ = n + ny
    lp.col_cost_ = cost
    lp.col_lower_ = [0.0] * (n + ny)
    lp.col_upper_ = [1.0] * (n + ny)
    rows = []  # (lower, upper, [(col, coef)])
    for k, e in enumerate(coverable):
        entries = [(j, 1.0) for j in closers[e]]
        if budget_mode:
            rows.append((0.0, inf, entries + [(n + k, -1.0)]))
        else:
            rows.append((1.0, inf, entries))
    for j, ps in enumerate(pre):
        for p in ps:
            rows.append((0.0, inf, [(p, 1.0), (j, -1.0)]))
    if budget_mode:
        rows.append((-inf, float(inst["budget"]), [(j, float(hours[j])) for j in range(n)]))
        if at_least is not None:
            rows.append((at_least, inf, [(n + k, float(values[e])) for k, e in enumerate(coverable)]))
    lp.num_row_ = len(rows)
    lp.row_lower_ = [r[0] for r in rows]
    lp.row_upper_ = [r[1] for r in rows]
    # Column-wise matrix.
    cols = [[] for _ in range(n + ny)]
    for i, (_, _, entries) in enumerate(rows):
        for col, coef in entries:
            cols[col].append((i, coef))
    start, index, value = [0], [], []
    for col in cols:
        for i, coef in col:
            index.append(i)
            value.append(coef)
        start.append(len(index))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = start
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = value
    lp.integrality_ = [highspy.HighsVarType.kInteger] * (n + ny)
    h.passModel(lp)
    t = time.perf_counter()
    h.run()
    elapsed = time.perf_counter() - t
    status = h.getModelStatus()
    info = h.getInfo()
    optimal = status == highspy.HighsModelStatus.kOptimal
    obj = info.objective_function_value if n + ny > 0 else 0.0
    if budget_mode and at_least is None:
        obj = -obj
    return optimal, obj, elapsed


def least_hours_for(inst, at_least, time_limit):
    """The fewest hours of a plan within the budget worth at least `at_least`, or None when
    HiGHS does not prove it within the time limit."""
    optimal, hours, _ = solve(inst, True, time_limit, at_least)
    return hours if optimal else None


def quantiles(values):
    v = sorted(values)
    if not v:
        return (float("nan"),) * 3
    at = lambda q: v[min(len(v) - 1, int(round((len(v) - 1) * q)))]
    return at(0.5), at(0.9), v[-1]


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    directory = args[0]
    time_limit = 60.0
    if "--time-limit" in args:
        time_limit = float(args[args.index("--time-limit") + 1])
    ensure_highspy()
    import highspy

    print(f"HiGHS {highspy.Highs().version()} (time limit {time_limit} s per instance, 1 thread)")
    groups = {}
    failures = []
    large = []  # (id, kind, highs optimal, highs secs, highs objective, crate exact result)
    with open(os.path.join(directory, "instances.jsonl")) as f:
        for line in f:
            inst = json.loads(line)
            catalogue = inst["id"].rsplit("-", 1)[0]
            for kind, budget_mode in (("cover", False), ("budget", True)):
                optimal, best, secs = solve(inst, budget_mode, time_limit)
                g = groups.setdefault((catalogue, kind), {
                    "n": 0, "highs_optimal": 0, "secs": [], "default": [], "exact": [],
                    "certificate": [], "exact_proven": 0, "agree": 0, "hours_checked": 0})
                g["n"] += 1
                g["secs"].append(secs)
                if "large" in inst["id"]:
                    large.append((inst["id"], kind, optimal, secs, best, inst[f"{kind}_exact"]))
                if not optimal:
                    continue
                g["highs_optimal"] += 1
                for solver in ("default", "exact"):
                    r = inst[f"{kind}_{solver}"]
                    ours, bound = r["objective"], r["bound"]
                    tol = 1e-6 * max(1.0, abs(best))
                    if budget_mode:
                        gap = 0.0 if best <= 0 else 1.0 - ours / best
                        if bound < best - tol:
                            failures.append(f"{inst['id']} {kind} {solver}: bound {bound} below the optimum {best}")
                    else:
                        gap = 0.0 if best <= 0 else ours / best - 1.0
                        if bound > best + tol:
                            failures.append(f"{inst['id']} {kind} {solver}: bound {bound} above the optimum {best}")
                    if gap < -tol:
                        failures.append(f"{inst['id']} {kind} {solver}: plan {ours} better than the optimum {best}")
                    if r["proven"]:
                        if abs(ours - best) > tol:
                            failures.append(f"{inst['id']} {kind} {solver}: proven {ours}, optimum {best}")
                        elif solver == "exact":
                            g["agree"] += 1
                        if budget_mode and abs(ours - best) <= tol:
                            # Optimal also means the fewest hours among plans of that value.
                            least = least_hours_for(inst, best - tol, time_limit)
                            ours_h = sum(inst["hours"][j] for j in r["chosen"])
                            if least is None:
                                failures.append(f"{inst['id']} {kind} {solver}: HiGHS did not prove the "
                                                f"fewest hours for value {best}")
                            elif ours_h > least + 1e-6 * max(1.0, least):
                                failures.append(f"{inst['id']} {kind} {solver}: proven {ours} in {ours_h} h, "
                                                f"{least} h reach it")
                            else:
                                g["hours_checked"] += 1
                    if solver == "exact" and r["proven"]:
                        g["exact_proven"] += 1
                    g[solver].append(max(gap, 0.0))
                    if solver == "default":
                        rb = (0.0 if r["proven"] else
                              (1.0 - ours / bound if budget_mode else ours / bound - 1.0) if bound > 0 else 0.0)
                        g["certificate"].append(rb)
    for (catalogue, kind), g in sorted(groups.items()):
        side = "below" if kind == "budget" else "above"
        d, e, c, s = (quantiles(g[k]) for k in ("default", "exact", "certificate", "secs"))
        print(f"{catalogue:<8} {kind:<6} {g['n']} instances, HiGHS optimal {g['highs_optimal']} "
              f"(median {s[0]*1e3:.1f} ms, p90 {s[1]*1e3:.1f} ms, worst {s[2]*1e3:.1f} ms)")
        print(f"  default plan {side} the optimum: median {d[0]*100:.2f}%, p90 {d[1]*100:.2f}%, worst {d[2]*100:.2f}%;"
              f" certificate gap it reports: median {c[0]*100:.2f}%, p90 {c[1]*100:.2f}%, worst {c[2]*100:.2f}%")
        print(f"  exact plan {side} the optimum: median {e[0]*100:.2f}%, p90 {e[1]*100:.2f}%, worst {e[2]*100:.2f}%;"
              f" proven by the crate {g['exact_proven']}, equal to HiGHS {g['agree']}")
        if kind == "budget":
            print(f"  plans called optimal (either solver) also least in hours for their value: "
                  f"{g['hours_checked']}")
    if large:
        print("department-sized instances, one by one:")
        both = highs_only = crate_only = 0
        for id_, kind, optimal, secs, best, r in large:
            highs = f"HiGHS {'optimal' if optimal else 'not proven'} {best:.1f} in {secs:.1f} s"
            ours = f"crate exact {'proven' if r['proven'] else 'not proven'} {r['objective']:.1f} " \
                   f"(bound {r['bound']:.1f}) in {r['micros'] / 1e6:.1f} s"
            print(f"  {id_:<16} {kind:<6} {highs}; {ours}")
            both += optimal and r["proven"]
            highs_only += optimal and not r["proven"]
            crate_only += r["proven"] and not optimal
        print(f"  proven by both {both}, by HiGHS only {highs_only}, by the crate only {crate_only}, "
              f"by neither {len(large) - both - highs_only - crate_only}")
    if failures:
        print(f"{len(failures)} CHECKS FAILED:")
        for f in failures[:50]:
            print("  " + f)
        raise SystemExit(1)
    print("every bound is on the right side of the optimum; every plan called optimal is optimal "
          "(budgets: in value, then in hours)")


if __name__ == "__main__":
    main()
