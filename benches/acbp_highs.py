#!/usr/bin/env python3
"""The `acbp` example's department plan against an independent MIP solver (HiGHS).

    cargo run --release --example acbp -- OFFICERS --export FILE
    python3 benches/acbp_highs.py FILE [--time-limit SECONDS]

Creates a virtual environment in `target/highs-venv` on first use and installs `highspy`
there, as `highs_reference.py` does (not a test dependency). The file's first line holds the
budget, the officer cap, the seats per course and the crate's plan (value, bound, gap,
hours); each further line one officer's candidates (catalogue index, hours, the gaps each
closes, direct prerequisites) and gaps' values. The MIP is the department plan's:

    max sum v_oe y_oe  s.t.  y_oe <= sum_{j closes e} x_oj,  x_oj <= x_op (prerequisites),
                             sum_j h_j x_oj <= cap (each officer),
                             sum_oj h_j x_oj <= B,  sum_{o, c(j) = c} x_oj <= seats,
                             x, y binary

It prints the LP relaxation's optimum (a bound no valid bound of the crate's needs to beat,
but the one a bound from the relaxation can reach), HiGHS's best plan and its proven bound
within the time limit, and checks the crate's plan value is at most every proven bound and
the crate's bound at least HiGHS's best plan (a bound on the wrong side fails).
"""

import json
import math
import sys
import time

from highs_reference import ensure_highspy


def load(path):
    with open(path) as f:
        head = json.loads(f.readline())
        officers = [json.loads(line) for line in f if line.strip()]
    return head, officers


def model(head, officers, integral):
    import highspy
    import numpy as np

    cap, budget, seats = head["cap"], head["budget"], head["seats"]
    cost, lower, upper = [], [], []
    # Rows as (lower, upper, [(col, coef)]).
    rows = []
    budget_row = []
    by_course = {}
    x_cols = 0
    for o in officers:
        base = len(cost)
        hours = o["hours"]
        for k, h in enumerate(hours):
            cost.append(0.0)
            lower.append(0.0)
            # A course of more hours than the cap is in no plan.
            upper.append(1.0 if h <= cap + 1e-9 else 0.0)
            budget_row.append((base + k, h))
            by_course.setdefault(o["courses"][k], []).append((base + k, 1.0))
        x_cols += len(hours)
        rows.append((-np.inf, cap, [(base + k, h) for k, h in enumerate(hours)]))
        for k, pre in enumerate(o["prerequisites"]):
            for p in pre:
                rows.append((-np.inf, 0.0, [(base + k, 1.0), (base + p, -1.0)]))
        closers = [[] for _ in o["values"]]
        for k, cov in enumerate(o["covers"]):
            for e in cov:
                closers[e].append(base + k)
        for e, v in enumerate(o["values"]):
            if v > 0 and closers[e]:
                y = len(cost)
                cost.append(-float(v))
                lower.append(0.0)
                upper.append(1.0)
                rows.append((-np.inf, 0.0, [(y, 1.0)] + [(c, -1.0) for c in closers[e]]))
    rows.append((-np.inf, budget, budget_row))
    for entries in by_course.values():
        if len(entries) > seats:
            rows.append((-np.inf, float(seats), entries))
    lp = highspy.HighsLp()
    n = len(cost)
    lp.num_col_ = n
    lp.num_row_ = len(rows)
    lp.col_cost_ = np.array(cost)
    lp.col_lower_ = np.array(lower)
    lp.col_upper_ = np.array(upper)
    lp.row_lower_ = np.array([r[0] for r in rows])
    lp.row_upper_ = np.array([r[1] for r in rows])
    # Column-wise matrix from the rows.
    cols = [[] for _ in range(n)]
    for i, (_, _, entries) in enumerate(rows):
        for c, a in entries:
            cols[c].append((i, a))
    start, index, value = [0], [], []
    for entries in cols:
        for i, a in entries:
            index.append(i)
            value.append(a)
        start.append(len(index))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.array(start, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value)
    if integral:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    return lp, x_cols


def solve(lp, time_limit, threads=1):
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", threads)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.passModel(lp)
    start = time.time()
    h.run()
    took = time.time() - start
    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    return h, info, status, took


def main():
    ensure_highspy()
    args = sys.argv[1:]
    limit = 600.0
    if "--time-limit" in args:
        i = args.index("--time-limit")
        limit = float(args[i + 1])
        del args[i : i + 2]
    if len(args) != 1:
        raise SystemExit(__doc__)
    head, officers = load(args[0])
    total = sum(sum(o["values"]) for o in officers)
    print(f"{head['officers']} officers, budget {head['budget']}, cap {head['cap']}, "
          f"{head['seats']} seats; weighted shortfall {total} (the crate's {head['value_total']})")
    lp, x_cols = model(head, officers, integral=False)
    print(f"{lp.num_col_} columns ({x_cols} enrolments), {lp.num_row_} rows")
    _, info, status, took = solve(lp, limit)
    relaxed = -info.objective_function_value
    print(f"LP relaxation: {relaxed:.3f} ({status}, {took:.1f} s)")
    mip, x_cols = model(head, officers, integral=True)
    _, info, status, took = solve(mip, limit)
    value, bound = head["value_closed"], head["bound"]
    # Without a plan of HiGHS's own (the time limit reached first) the relaxation's
    # optimum is the proven bound, and the plan is the best known.
    found = info.primal_solution_status == 2 and math.isfinite(info.objective_function_value)
    best = -info.objective_function_value if found else value
    proven = min(-info.mip_dual_bound, relaxed) if math.isfinite(info.mip_dual_bound) else relaxed
    print(f"MIP: {'best %.3f' % best if found else 'no plan'}, proven bound {proven:.3f} "
          f"({status}, {took:.1f} s)")
    print(f"crate: plan {value}, bound {bound} (gap {head['gap']:.4f}); "
          f"plan / HiGHS's best {value / best:.4f}; plan / HiGHS's bound {value / proven:.4f}; "
          f"crate's bound / HiGHS's bound {bound / proven:.4f}")
    ok = value <= proven * (1 + 1e-9) + 1e-6 and bound >= best * (1 - 1e-9) - 1e-6
    print("bounds on the right side" if ok else "A BOUND ON THE WRONG SIDE")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
