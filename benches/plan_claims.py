#!/usr/bin/env python3
"""Every claim of generated learning paths and department plans, against an oracle of its own.

    cargo build --release --example plan_claims_driver
    python3 benches/plan_claims.py MODE SEED ROUNDS [INSTANCES_PER_ROUND]

MODE: `rec` (up to 12 courses: the optimum by brute force over every prerequisite-closed
course subset, values summed exactly as fractions), `recbig` (up to 30) and `rechuge` (up to
60; the optimum from HiGHS), `dept` (up to 8 courses and 4 officers), `deptbig` (14 and 8)
and `deptwide` (14 and 24), each department's optimum (most value, then fewest
person-hours) from two HiGHS MIPs; `reclarge` (up to 300 courses), `deptlarge` (120 courses,
60 officers) and `deptlazy` (400 courses, 10 officers, up to 14 competencies), meant for
`NOOPT=1`. Environment: `DENSE=1` (every competency required at
levels 3-5, courses building 2-4 of them at 3-5: harder covers), `TINY=1` (courses of 1e-9
and 1e-10 hours), `TINYW=1` (weights of 1e-9, `Weights::MIN_POSITIVE`, and 3e-9; smaller
positive weights are refused), `NOBIG=1` (no weights of 1e6 and 1e9), `SPAN=1` (every
course's hours drawn from 10^-6 to 10^4 in one instance), `TIES=1` (one course in two a
copy of an earlier one, hours of one or two values), `COPIES=1` (officers mostly copies of
the first), `LEVELS=1` (course completions recording a level the course builds, as a
passbook holds them, besides completions claiming none), `SHARED=1` (every catalogue one
shared prerequisite, as `structure` "shared" draws), `FILES=FRAMEWORK:OFFICERS` (the
options drawn for one framework and officers document, such as a case file), `FORCE=1` (every option drawn: term caps, formal shares, competency weights;
for departments a budget, an officer cap and seats together), `ONLYTINYW=1` (every weight
from 10^-9 to 10^-8, or 0), `HUGE=1` (budgets and caps of 10^15, 10^308 and the largest
double), `NOPRE=1` (no prerequisites), `NOOPT=1` (no optimum: every law but the
certificate's, for instances too large for the MIPs), `WASM=1` (the JavaScript package's
outputs for the same requests, from `bindings/wasm/bench/plan_claims_driver.mjs` after
`npm run build`, equal to the library's), `DRIVER` (the driver's path; default
`target/release/examples/plan_claims_driver`).
Creates a virtual environment in `target/highs-venv` on first use and installs `highspy`
there, as `highs_reference.py` does (not a test dependency).

Instances are random and shaped by no one: 1-8 competencies (4-10 dense) of random types
and ids, one or two posts, courses with hours uniform, whole, tenths, quarters, tiny,
large (to 10,000) or mixed, outcomes of 0-3 competencies (one in ten untagged, courses
closing nothing), prerequisites as random DAGs, chains, diamonds or one shared
prerequisite, one course in eight a duplicate of an earlier one (ties), officers holding
random levels (some above the post's), random completions, some officers copies of
others; options drawn from untagged levels, type and competency weights (0, 0.1, 1/3,
0.7, 1e-3, 1e6, 1e9, ...), term caps (including 1e-3), formal shares (1e-9 to 1), budgets,
every solver (`Greedy`, the default, `Exact` with 0, 1, 2, 3, 10, 50 and 10^6 nodes); for
departments also officer caps, seats, default seats, position weights and one department.

Checked on every plan: feasible (no completed course, prerequisites first, budget, cap,
seats), totals, value closed, minimal, maximal (per officer and for seats), every open
gap's reason, the blend target, terms, the bound on the right side of the optimum,
`Optimal` only on the lexicographic optimum, `Bounded` gaps consistent, determinism (two
runs; departments on 1 and 2 threads), every solver's bound against every solver's plan,
the exact solver never worse than the greedy, more budget never closing less with
the default solver, a `Recommender` giving every plan `Framework::recommend` gives (in
order and in reverse), and department enrolments in learning order with their text
lines (each course and its hours, the seats of each course run). Prints the checks made and failed by kind, and writes up to three
failing instances per kind to `target/plan_claims/examples-MODE-SEED.json`.
"""
import collections
import json
import math
import os
import random
import subprocess
import sys

# The virtual environment with HiGHS, made as the reference script makes it (this
# script's folder is first on the import path).
from highs_reference import ensure_highspy


ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DRIVER = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")),
                      "release", "examples", "plan_claims_driver")
JS_DRIVER = os.path.join(ROOT, "bindings", "wasm", "bench", "plan_claims_driver.mjs")
WASM = bool(os.environ.get("WASM"))
# Laws only (feasible, minimal, maximal, reasons, totals, across solvers), no optimum: for
# instances too large for the MIPs.
NOOPT = bool(os.environ.get("NOOPT"))
# Budgets and officer caps of 10^15 hours, 10^308 and the largest double.
HUGE = bool(os.environ.get("HUGE"))
# No prerequisites at all (the department greedy's lazy heap of bounds serves officers of
# 256 candidates or more without them).
NOPRE = bool(os.environ.get("NOPRE"))
TOL = 1e-9
HT = 1e-12
VT = 1e-13
TINY = [1e-6, 1e-3, 0.001, 0.01, 0.1, 1, 2] + ([1e-9, 1e-10] if os.environ.get("TINY") else [])
TYPES = ["behavioural", "functional", "domain"]
MODES = ["formal", "social", "experiential"]
FAIL = collections.Counter()
CHECKED = collections.Counter()
EXAMPLES = {}


CUR_O = None


def fail(kind, msg, inst=None):
    FAIL[kind] += 1
    if FAIL[kind] <= 3:
        print(f"FAIL {kind}: {msg}", flush=True)
        if inst is not None:
            EXAMPLES.setdefault(kind, []).append(dict(inst, msg=msg))


def check(kind, ok, msg, inst=None):
    CHECKED[kind] += 1
    if not ok:
        fail(kind, msg, inst)
    return ok


# ----------------------------------------------------------------------------------
# Generation
# ----------------------------------------------------------------------------------

DENSE = bool(os.environ.get("DENSE"))
SPAN = bool(os.environ.get("SPAN"))
TIES = bool(os.environ.get("TIES"))
COPIES = bool(os.environ.get("COPIES"))
FORCE = bool(os.environ.get("FORCE"))
LEVELS = bool(os.environ.get("LEVELS"))
FILES = os.environ.get("FILES")
SHARED = bool(os.environ.get("SHARED"))


def requirements(fw, position):
    """Competency id -> the highest level the position's roles require, directly or
    through their activities."""
    pos = next(p for p in fw["positions"] if p["id"] == position)
    acts = {a["id"]: a for a in fw.get("activities", [])}
    reqs = {}
    for rid in pos["roles"]:
        role = next(r for r in fw["roles"] if r["id"] == rid)
        entries = list(role.get("requires", []))
        for a in role.get("activities", []):
            entries += acts[a].get("requires", [])
        for r in entries:
            reqs[r["competency"]] = max(reqs.get(r["competency"], 0), r["level"])
    return reqs


def held_levels(officer):
    """(competency id -> level held, completed course ids) under the default level policy:
    verified evidence, self-declared evidence not counted."""
    held, done = {}, []
    for e in officer.get("passbook") or []:
        if e["source"] == "course_completion" and e.get("course"):
            done.append(e["course"])
        if e.get("verified", True) is False or e["source"] in ("self_declared", "self-declared"):
            continue
        held[e["competency"]] = max(held.get(e["competency"], 0), e["level"])
    return held, done


def gen(rng, max_courses=12, max_officers=3, big=False, max_posts=2):
    if FILES:
        # The same framework and officers every time: only the options are drawn.
        fw_path, officers_path = FILES.split(":")
        with open(fw_path) as f, open(officers_path) as g:
            return json.load(f), json.load(g)
    nc = rng.randint(1, 8 if not big else 14)
    if DENSE:
        nc = rng.randint(4, 10)
    names = rng.sample([f"{a}{b}" for a in "abcdefghjkmnpqrstuvwxyz" for b in "0123456789"], nc)
    comps = [{"id": "k-" + n, "name": "C " + n, "type": rng.choice(TYPES)} for n in names]
    npos = rng.randint(1, max_posts)
    roles, positions = [], []
    for p in range(npos):
        req = []
        for c in comps:
            if DENSE or rng.random() < 0.7:
                req.append({"competency": c["id"], "level": rng.randint(3, 5) if DENSE else rng.randint(1, 5)})
        roles.append({"id": f"r{p}", "name": f"R{p}", "requires": req})
        positions.append({"id": f"p{p}", "name": f"P{p}", "department": "dep", "roles": [f"r{p}"]})
    nk = rng.randint(0, max_courses)
    hours_kind = rng.choice(["uniform", "whole", "tenths", "tiny", "large", "mixed", "quarters"])
    if SPAN:
        hours_kind = "span"
    elif TIES:
        hours_kind = rng.choice(["uniform", "two"])
    two = rng.sample([0.5, 1, 2, 3, 0.1, 0.3], 2) if TIES else None
    uni = rng.choice([1, 2, 3, 5, 10, 0.5])

    def hours():
        if hours_kind == "uniform":
            return uni
        if hours_kind == "two":
            return rng.choice(two)
        if hours_kind == "span":
            return float(f"{10 ** rng.uniform(-6, 4):.{rng.randint(1, 4)}g}")
        if hours_kind == "whole":
            return rng.randint(1, 20)
        if hours_kind == "tenths":
            return rng.randint(1, 200) / 10
        if hours_kind == "quarters":
            return rng.randint(1, 40) / 4
        if hours_kind == "tiny":
            return rng.choice(TINY)
        if hours_kind == "large":
            return rng.choice([10000, 9999.5, 5000, 2500, 1, 3333.3, 7.5])
        return rng.choice([0.1, 0.2, 0.3, 1, 1, 2, 2, 3, 4.5, 7, 10, 20, 40, 100])

    ids = [f"{a}{b}{c}" for a in "cmxz" for b in "0123456789" for c in "ab"]
    # Larger catalogues (`reclarge`, `deptlarge`) draw from more ids; smaller ones keep the
    # draws of earlier runs.
    ids = rng.sample(ids + ([f"k{n:03d}" for n in range(400)] if nk > len(ids) else []), nk)
    structure = "shared" if SHARED else "none" if NOPRE else rng.choice(["random", "chain", "diamond", "shared", "none", "random"])
    courses = []
    for i in range(nk):
        if i > 0 and rng.random() < (0.5 if TIES else 0.12):
            # A duplicate of an earlier course: same outcomes, hours, prerequisites.
            src = courses[rng.randrange(i)]
            c = dict(src)
            c = json.loads(json.dumps(src))
            c["id"] = ids[i]
            c["name"] = "Course " + ids[i]
            courses.append(c)
            continue
        provides = []
        nprov = rng.choice([0, 1, 1, 2, 2, 3]) if nc else 0
        if DENSE:
            nprov = rng.choice([2, 2, 3, 3, 4])
        for cid in rng.sample([c["id"] for c in comps], min(nprov, nc)):
            lvl = None if rng.random() < 0.1 else rng.randint(3 if DENSE else 1, 5)
            provides.append({"competency": cid, "level": lvl})
        pre = []
        if i > 0:
            if structure == "random":
                pre = rng.sample(range(i), min(i, rng.choice([0, 0, 1, 1, 2, 3])))
            elif structure == "chain":
                pre = [i - 1] if rng.random() < 0.8 else []
            elif structure == "diamond":
                if i >= 2 and rng.random() < 0.6:
                    pre = rng.sample(range(i), 2)
                elif rng.random() < 0.5:
                    pre = [rng.randrange(i)]
            elif structure == "shared":
                pre = [0] if rng.random() < 0.7 else []
                if i > 2 and rng.random() < 0.3:
                    pre.append(rng.randrange(1, i))
        pre = sorted(set(pre))
        courses.append({
            "id": ids[i], "name": "Course " + ids[i], "hours": hours(),
            "mode": rng.choice(MODES), "provides": provides,
            "prerequisites": [ids[p] for p in pre],
        })
    no = rng.randint(1, max_officers)
    officers = []
    for o in range(no):
        if o > 0 and rng.random() < (0.85 if COPIES else 0.25):
            src = json.loads(json.dumps(officers[0 if COPIES else rng.randrange(o)]))
            src["id"] = f"o{o}"
            officers.append(src)
            continue
        pb = []
        for c in comps:
            if rng.random() < (0.1 if DENSE else 0.5):
                pb.append({"competency": c["id"], "level": rng.randint(1, 5), "source": "assessment",
                           "date": "2025-01-15", "verified": True})
        for k in courses:
            if rng.random() < 0.12:
                if LEVELS and k["provides"] and rng.random() < 0.6:
                    # A completion recording the level the course brought the officer to.
                    p = rng.choice(k["provides"])
                    lv = p["level"] if p["level"] is not None else rng.randint(1, 5)
                    pb.append({"competency": p["competency"], "level": lv, "source": "course_completion",
                               "date": "2025-01-15", "course": k["id"]})
                    continue
                pb.append({"competency": "zz-done", "level": 0, "source": "course_completion",
                           "date": "2025-01-15", "course": k["id"]})
        officers.append({"id": f"o{o}", "department": "dep" if rng.random() < 0.85 else "other",
                         "position": f"p{rng.randrange(npos)}", "passbook": pb})
    comps.append({"id": "zz-done", "name": "Done", "type": "functional"})
    fw = {"format_version": 1, "competencies": comps, "roles": roles, "positions": positions,
          "courses": courses}
    return fw, {"format_version": 1, "officers": officers}


WEIGHTS = [0, 0.1, 0.2, 0.3, 1 / 3, 0.7, 1, 1, 1, 2, 2.5, 3, 1e-3] + ([] if os.environ.get("NOBIG") else [1e6, 1e9]) + ([1e-9, 3e-9] if os.environ.get("TINYW") else [])
if os.environ.get("ONLYTINYW"):
    # Every weight tiny: values of 10^-18 to 10^-8, far below any absolute tolerance.
    WEIGHTS = [1e-9, 2e-9, 3e-9, 1e-8, 7e-9, 0]


def draw_common(rng, fw):
    o = {}
    if rng.random() < 0.25:
        o["assume"] = rng.randint(1, 5)
    if rng.random() < 0.4:
        o["weights"] = [rng.choice(WEIGHTS) for _ in range(3)]
    if FORCE or rng.random() < 0.5:
        o["competency_weights"] = {c["id"]: rng.choice(WEIGHTS) for c in fw["competencies"]
                                  if rng.random() < 0.4}
    return o


SOLVERS = ["greedy", None, 0, 1, 2, 3, 10, 50, 1000000]


def draw_rec(rng, fw):
    o = draw_common(rng, fw)
    if FORCE or rng.random() < 0.3:
        o["term_hours"] = rng.choice([0.5, 1, 2, 3, 5, 7.5, 10, 20, 1e-3])
    if FORCE or rng.random() < 0.3:
        o["share"] = rng.choice([1e-9, 0.05, 0.1, 0.3, 1 / 3, 0.5, 1.0])
    total = sum(c["hours"] for c in fw["courses"])
    o["budgets"] = sorted(set([round(rng.uniform(0, total), rng.choice([0, 1, 2])) for _ in range(3)]
                              + [0.0, rng.choice([c["hours"] for c in fw["courses"]] or [1])]
                              + ([1e15, 1e308, sys.float_info.max] if HUGE else [])))
    return o


# ----------------------------------------------------------------------------------
# The oracle's view of one officer
# ----------------------------------------------------------------------------------

class Officer:
    def __init__(self, fw, officer, position, opts, pos_weight=1.0):
        self.ids = [c["id"] for c in fw["courses"]]
        self.index = {k: i for i, k in enumerate(self.ids)}
        self.courses = fw["courses"]
        n = len(self.ids)
        self.n = n
        types = {c["id"]: c["type"] for c in fw["competencies"]}
        held, completed = held_levels(officer)
        done = 0
        for k in completed:
            done |= 1 << self.index[k]
        self.done = done
        reqs = requirements(fw, position)
        w = opts.get("weights")
        cw = opts.get("competency_weights", {})
        assume = opts.get("assume")
        self.gaps = []
        for cid in sorted(reqs):
            req, cur = reqs[cid], held.get(cid, 0)
            if req <= cur:
                continue
            tw = w[TYPES.index(types[cid])] if w else 1.0
            value = (req - cur) * tw * cw.get(cid, 1.0) * pos_weight
            closers = 0
            levels = []
            for i, c in enumerate(self.courses):
                for p in c["provides"]:
                    if p["competency"] == cid:
                        lv = p.get("level") if p.get("level") is not None else assume
                        levels.append(lv)
                        if lv is not None and lv >= req:
                            closers |= 1 << i
            self.gaps.append({"competency": cid, "current": cur, "required": req, "value": value,
                              "closers": closers, "levels": levels})
        self.pre = [[self.index[p] for p in c.get("prerequisites", [])] for c in self.courses]
        self.hours = [c["hours"] for c in self.courses]
        share = opts.get("share")
        self.cost = [c["hours"] / share if share and c.get("mode", "formal") == "formal" else c["hours"]
                     for c in self.courses]
        self.closures = [self.closure(k) for k in range(n)]

    def closure(self, k):
        s, stack = 1 << k, [k]
        while stack:
            d = stack.pop()
            for p in self.pre[d]:
                if not self.done >> p & 1 and not s >> p & 1:
                    s |= 1 << p
                    stack.append(p)
        return s

    def closable(self, g):
        return g["closers"] & ~self.done != 0

    def covers(self, s):
        m = 0
        for i, g in enumerate(self.gaps):
            if g["closers"] & s:
                m |= 1 << i
        return m

    def value(self, gm):
        return sum(g["value"] for i, g in enumerate(self.gaps) if gm >> i & 1)

    def xvalue(self, gm):
        from fractions import Fraction
        return sum((Fraction(g["value"]) for i, g in enumerate(self.gaps) if gm >> i & 1), Fraction(0))

    def hrs(self, s):
        return sum(self.hours[k] for k in range(self.n) if s >> k & 1)

    def costs(self, s):
        return sum(self.cost[k] for k in range(self.n) if s >> k & 1)

    def wanted(self):
        m = 0
        for i, g in enumerate(self.gaps):
            if self.closable(g) and g["value"] > 0:
                m |= 1 << i
        return m

    def closed_sets(self):
        n = self.n
        free = [k for k in range(n) if not self.done >> k & 1]
        out = []
        for bits in range(1 << len(free)):
            s = 0
            for j, k in enumerate(free):
                if bits >> j & 1:
                    s |= 1 << k
            if all(not s >> k & 1 or self.closures[k] & ~s == 0 for k in free):
                out.append(s)
        return out

    def static_reason(self, g):
        if not g["levels"]:
            return "no_course"
        if g["closers"]:
            return "completed_only"
        known = [l for l in g["levels"] if l is not None]
        if known:
            return ("level_too_low", max(known))
        return "untagged_only"


def plan_set(ov, plan):
    return [ov.index[s["course"]] for s in plan["steps"]]


def close(a, b):
    return abs(a - b) <= 1e-9 * (1 + max(abs(a), abs(b)))


# ----------------------------------------------------------------------------------
# Recommend checks
# ----------------------------------------------------------------------------------

def check_rec(ov, plan, budget, opts, solver, inst, sets, optimum):
    tag = f"solver={solver} budget={budget} officer={CUR_O}"
    steps = plan_set(ov, plan)
    s = 0
    for k in steps:
        s |= 1 << k
    check("rec.feasible", len(steps) == bin(s).count("1") and s & ov.done == 0,
          f"repeat/completed {tag}", inst)
    for i, k in enumerate(steps):
        for p in ov.pre[k]:
            if not ov.done >> p & 1:
                check("rec.order", p in steps[:i], f"{ov.ids[k]} before {ov.ids[p]} {tag}", inst)
    hours = ov.hrs(s)
    check("rec.total", abs(plan["total_hours"] - hours) <= 1e-6 * (1 + hours),
          f"total {plan['total_hours']} vs {hours} {tag}", inst)
    if budget is not None:
        check("rec.budget", hours <= budget + HT * (1 + budget), f"{hours} > {budget} {tag}", inst)
    cov = ov.covers(s)
    val = ov.value(cov)
    check("rec.value", close(plan["value_closed"], val), f"value {plan['value_closed']} vs {val} {tag}", inst)
    check("rec.closed", plan["closed"] == bin(cov).count("1"), f"closed count {tag}", inst)
    # Minimal
    for k in steps:
        required = any(k in ov.pre[d] for d in steps)
        own = ov.covers(1 << k) & ~ov.covers(s & ~(1 << k))
        check("rec.minimal", required or ov.value(own) > 0,
              f"{ov.ids[k]} closes nothing needed {tag}", inst)
    left = None if budget is None else budget - hours
    # Maximal
    if left is not None:
        for k in range(ov.n):
            if (s | ov.done) >> k & 1:
                continue
            add = ov.closures[k] & ~s
            if ov.hrs(add) <= left + HT * (1 + budget):
                gain = ov.covers(add) & ~cov
                check("rec.maximal", ov.value(gain) <= 0,
                      f"{ov.ids[k]} fits in {left} and closes {ov.value(gain)} more {tag}", inst)
    # Open reasons
    want = []
    for i, g in enumerate(ov.gaps):
        if cov >> i & 1:
            continue
        if not ov.closable(g):
            r = ov.static_reason(g)
        elif g["value"] <= 0:
            r = "not_prioritised"
        elif left is None:
            fail("rec.close_all_open", f"least hours leaves {g['competency']} open {tag}", inst)
            r = "?"
        else:
            r = "budget"
            for k in range(ov.n):
                if (g["closers"] & ~ov.done) >> k & 1:
                    add = ov.closures[k] & ~s
                    check("rec.reason_budget", ov.hrs(add) > left + HT * (1 + budget),
                          f"{g['competency']} open as budget but {ov.ids[k]} fits {tag}", inst)
        want.append((g["competency"], r))
    got = []
    for og in plan["open"]:
        r = og["reason"]["reason"]
        if r == "level_too_low":
            r = ("level_too_low", og["reason"]["best"])
        got.append((og["competency"], r))
    check("rec.open", sorted(got, key=str) == sorted(want, key=str), f"open {got} want {want} {tag}", inst)
    # Blend
    formal = sum(ov.hours[k] for k in steps if ov.courses[k].get("mode", "formal") == "formal")
    sh = opts.get("share")
    if sh is not None:
        check("rec.blend", plan["blend_target_met"] == (formal <= sh * hours * (1 + 1e-9)),
              f"blend_target_met {plan['blend_target_met']} formal {formal} hours {hours} {tag}", inst)
    # Terms
    cap = opts.get("term_hours")
    if cap is not None:
        terms = plan["terms"]
        sums = collections.defaultdict(float)
        counts = collections.Counter()
        for st in plan["steps"]:
            sums[st["term"]] += st["hours"]
            counts[st["term"]] += 1
        check("rec.terms_numbered", [st["term"] for st in plan["steps"]] == sorted(st["term"] for st in plan["steps"])
              and set(counts) == set(range(1, len(terms) + 1)), f"terms {[st['term'] for st in plan['steps']]} of {len(terms)} {tag}", inst)
        for t, term in enumerate(terms, 1):
            check("rec.terms_hours", abs(term["hours"] - sums[t]) <= 1e-6 * (1 + sums[t]), f"term {t} {term} vs steps {sums[t]} {tag}", inst)
            over = term["hours"] > cap + 1e-9
            check("rec.terms", term["over_cap"] == over and counts[t] > 0 and (not over or counts[t] == 1),
                  f"term {t} {term} cap {cap} count {counts[t]} {tag}", inst)
        for st in plan["steps"]:
            k = ov.index[st["course"]]
            for st2 in plan["steps"]:
                if ov.index[st2["course"]] in ov.pre[k]:
                    check("rec.terms", st2["term"] < st["term"], f"prereq same term {tag}", inst)
    else:
        check("rec.terms", plan["terms"] == [], "terms without cap", inst)
    # Certificate
    cost = ov.costs(s)
    bound = plan["bound"]
    opt = plan["optimality"]
    if optimum is not None:
        if budget is None:
            least = optimum
            check("rec.bound", bound <= least + 1e-9 * (1 + least), f"bound {bound} above least {least} {tag}", inst)
            if opt["status"] == "optimal":
                if cost < least and sets is None:
                    # A plan cheaper than HiGHS's optimum: HiGHS's tolerances (10⁻⁶ on
                    # feasibility) lost it, on hours spanning 10⁻⁶ to 10⁴ (`SPAN=1`).
                    CHECKED["oracle.highs_above_plan"] += 1
                else:
                    check("rec.optimal_label", close(cost, least), f"Optimal at {cost}, least {least} {tag}", inst)
        else:
            best, least = optimum
            from fractions import Fraction
            exact = isinstance(best, Fraction)
            xval = ov.xvalue(cov) if exact else val
            best = float(best) if not exact else best
            check("rec.bound", bound >= float(best) - 1e-12 * (1 + float(best)), f"bound {bound} below best {best} {tag}", inst)
            if opt["status"] == "optimal":
                check("rec.optimal_label", (xval == best if exact else abs(val - best) <= VT * (0 + best)) and (least is None or cost <= least + 1e-7 * (1 + least)),
                      f"Optimal ({val},{cost}) vs ({best},{least}) {tag}", inst)
    if opt["status"] == "bounded":
        gap = opt["gap"]
        if budget is None:
            # The bound is reported rounded to 9 decimals, the gap from the bound unrounded.
            lo, hi = cost / (bound + 5e-10) - 1, cost / max(bound - 5e-10, 1e-300) - 1
            check("rec.gap", bound > 0 and lo - 1e-9 <= gap <= hi + 1e-9 * (1 + hi), f"gap {gap} cost {cost} bound {bound} {tag}", inst)
        else:
            check("rec.gap", bound > 0 and close(gap, max(0.0, 1 - val / bound)), f"gap {gap} val {val} bound {bound} {tag}", inst)
    else:
        if budget is None:
            check("rec.optimal_self", close(bound, cost) or bound <= cost, f"optimal bound {bound} cost {cost} {tag}", inst)
    return (val, cost, hours, bound, opt["status"] == "optimal")


REASON_TEXT = {
    "no_course": "no course builds it",
    "untagged_only": "only courses without a level build it",
    "completed_only": "only already-completed courses close it",
    "budget": "not within the hour budget",
    "seats": "every course closing it is full",
    "officer_cap": "over the officer's yearly hour cap",
    "not_prioritised": "weighted zero, so not aimed at",
}


def hours_prose(h):
    """What the text's prose says of `h` hours, as a float (None when unreadable)."""
    try:
        return float(h.lstrip("<"))
    except ValueError:
        return None


def check_text_rec(plan, text, tag, inst):
    """The rendered learning path says what the plan's data says."""
    import re
    lines = text.splitlines()
    head = re.match(r"Learning path: (\d+) courses?, (\S+) hours?, \((\S+) formal, (\S+) social, (\S+) experiential\); (\d+) gaps? closed, (\d+) open; (.*)$", lines[0].replace(" hours (", " hours, (").replace(" hour (", " hour, ("))
    if not check("text.rec_head", head is not None, f"headline {lines[0]!r} {tag}", inst):
        return
    n, total, fo, so, ex, closed, opn, label = head.groups()
    check("text.rec_head", int(n) == len(plan["steps"]) and int(closed) == plan["closed"] and int(opn) == len(plan["open"]),
          f"headline {lines[0]!r} vs {len(plan['steps'])} steps, {plan['closed']} closed, {len(plan['open'])} open {tag}", inst)
    th = hours_prose(total)
    check("text.rec_hours", th is not None and abs(th - plan["total_hours"]) <= max(0.0501, 1e-6 * plan["total_hours"]),
          f"headline hours {total} vs {plan['total_hours']} {tag}", inst)
    for shown, key in ((fo, "formal"), (so, "social"), (ex, "experiential")):
        v = hours_prose(shown)
        check("text.rec_blend", v is not None and abs(v - plan["blend"][key]) <= max(0.0501, 1e-6 * plan["blend"][key]),
              f"blend {key} {shown} vs {plan['blend'][key]} {tag}", inst)
    check_label("text.rec_label", plan["optimality"], label, tag, inst)
    opens = [l for l in lines if l.startswith("  open: ")]
    check("text.rec_open", len(opens) == len(plan["open"]), f"{len(opens)} open lines for {len(plan['open'])} {tag}", inst)
    for l, og in zip(opens, plan["open"]):
        r = og["reason"]["reason"]
        want = REASON_TEXT.get(r, f"courses reach only level {og['reason'].get('best')}")
        check("text.rec_open", l.endswith(f" {og['current']} -> {og['required']}: {want}") and f"[{og['competency']}]" in l,
              f"open line {l!r} for {og} {tag}", inst)
    closes = [l for l in lines if l.startswith("        closes ")]
    check("text.rec_closes", len(closes) == sum(len(st["closes"]) for st in plan["steps"]) == plan["closed"],
          f"{len(closes)} closes lines, {sum(len(st['closes']) for st in plan['steps'])} in steps, {plan['closed']} closed {tag}", inst)
    terms = [l for l in lines if l.startswith("  term ")]
    check("text.rec_terms", len(terms) == len(plan["terms"]), f"{len(terms)} term lines for {len(plan['terms'])} {tag}", inst)
    for t, (l, term) in enumerate(zip(terms, plan["terms"]), 1):
        m = re.match(r"  term (\d+): (\S+) hours?(, one course longer than a term)?$", l)
        ok = m is not None and int(m.group(1)) == t and (m.group(3) is not None) == term["over_cap"]
        v = hours_prose(m.group(2)) if m else None
        check("text.rec_terms", ok and v is not None and abs(v - term["hours"]) <= max(0.0501, 1e-6 * term["hours"]),
              f"term line {l!r} for {term} {tag}", inst)
    steps = [l for l in lines if re.match(r"  +\d+\. ", l)]
    check("text.rec_steps", len(steps) == len(plan["steps"]), f"{len(steps)} step lines for {len(plan['steps'])} {tag}", inst)
    for l, st in zip(steps, plan["steps"]):
        m = re.search(r"\[([^\]]*)\] +(\S+) h  (\w+)$", l)
        v = hours_prose(m.group(2)) if m else None
        check("text.rec_steps", m is not None and m.group(1) == st["course"] and m.group(3) == st["mode"]
              and v is not None and (abs(v - st["hours"]) <= max(0.0501, 1e-6 * st["hours"])) and (v > 0) == (st["hours"] > 0),
              f"step line {l!r} for {st['course']} {st['hours']} {st['mode']} {tag}", inst)


def check_label(name, opt, label, tag, inst):
    """An optimality label says what the plan's `optimality` says, its gap never rounded down."""
    import re
    if opt["status"] == "optimal":
        check(name, label == "proven optimal", f"label {label!r} for {opt} {tag}", inst)
    else:
        m = re.match(r"within (\S+)% of optimal$", label)
        check(name, m is not None and float(m.group(1)) >= opt["gap"] * 100 * (1 - 1e-12),
              f"label {label!r} for {opt} {tag}", inst)


def check_text_dept(plan, text, tag, inst):
    """The rendered department plan says what the plan's data says."""
    import re
    lines = text.splitlines()
    m = re.match(r"Annual capacity building plan for (\d+) officers?: (\d+) of (\d+) gaps? closed \((\S+)% of the weighted shortfall\); (.+)$", lines[0])
    if not check("text.dept_head", m is not None, f"headline {lines[0]!r} {tag}", inst):
        return
    check("text.dept_head", int(m.group(1)) == plan["officers"] and int(m.group(2)) == plan["gaps_closed"] and int(m.group(3)) == plan["gaps"],
          f"headline {lines[0]!r} {tag}", inst)
    share = plan["value_closed"] / plan["value_total"] if plan["value_total"] > 0 else 1.0
    pct = m.group(4)
    if pct.startswith(">"):
        ok = 0.999 < share < 1
    elif pct.startswith("<"):
        ok = 0 < share < 0.001
    else:
        ok = abs(float(pct) - share * 100) <= 0.05 + 1e-9 and (float(pct) == 100) == (share >= 1) and (float(pct) == 0) == (share <= 0)
    check("text.dept_share", ok, f"share {pct} vs {plan['value_closed']}/{plan['value_total']} {tag}", inst)
    check_label("text.dept_label", plan["optimality"], m.group(5), tag, inst)
    enr = sum(len(e["courses"]) for e in plan["enrolments"])
    m2 = re.match(r"(\d+) enrolments? of (\d+) officers? in (\d+) courses?, (\S+) person-hours?( of a (\S+)-hour budget)?$", lines[1])
    ok = m2 is not None and int(m2.group(1)) == enr and int(m2.group(2)) == len(plan["enrolments"]) and int(m2.group(3)) == len(plan["courses"])
    ok = ok and (m2.group(5) is not None) == (plan["budget"] is not None)
    check("text.dept_line2", ok, f"second line {lines[1]!r} {tag}", inst)
    total_open = sum(plan["open"].values())
    if total_open == 0:
        check("text.dept_open", lines[2] == "no gap left open", f"{lines[2]!r} {tag}", inst)
    else:
        check("text.dept_open", lines[2].startswith(f"{total_open} gap"), f"{lines[2]!r} vs {total_open} {tag}", inst)
    by_officer = text.split("\nAttendance by officer, courses in learning order\n")
    if plan["enrolments"]:
        body = by_officer[1].splitlines() if len(by_officer) == 2 else []
        heads = [l for l in body if l.startswith("  ") and not l.startswith("    ")]
        check("text.dept_officers", len(heads) == len(plan["enrolments"]), f"{len(heads)} officer lines {tag}", inst)
        for l, e in zip(heads, plan["enrolments"]):
            m3 = re.search(r": (\d+) courses?, (\S+) hours?, (\d+) gaps? closed$", l)
            v = hours_prose(m3.group(2)) if m3 else None
            check("text.dept_officers", m3 is not None and int(m3.group(1)) == len(e["courses"]) and int(m3.group(3)) == e["gaps_closed"]
                  and v is not None and abs(v - e["hours"]) <= max(0.0501, 1e-6 * e["hours"]),
                  f"officer line {l!r} for {e['officer']} {len(e['courses'])} {e['hours']} {e['gaps_closed']} {tag}", inst)
        # Under each officer, one numbered line per course, in the enrolment's order, with
        # the course's hours.
        hours_of = {r["course"]: r["hours"] for r in plan["courses"]}
        blocks, cur = [], None
        for l in body:
            if l.startswith("  ") and not l.startswith("    "):
                cur = []
                blocks.append(cur)
            elif cur is not None and re.match(r" +\d+\. ", l):
                cur.append(l)
        for e, block in zip(plan["enrolments"], blocks):
            ok = len(block) == len(e["courses"])
            for n, (l, c) in enumerate(zip(block, e["courses"]), 1):
                m4 = re.match(r" +(\d+)\. .*\[([^\]]*)\] +(\S+) h$", l)
                v = hours_prose(m4.group(3)) if m4 else None
                ok = ok and m4 is not None and int(m4.group(1)) == n and m4.group(2) == c and v is not None \
                    and abs(v - hours_of[c]) <= max(0.0501, 1e-6 * hours_of[c]) and (v > 0) == (hours_of[c] > 0)
            check("text.dept_courses", ok, f"course lines {block} for {e['officer']} {e['courses']} {tag}", inst)
    # Attendance by course: one line per course run, with its seats taken.
    seats_lines = re.findall(r"^  .*\[([^\]]*)\]: (\d+) seats?$", text, re.M)
    check("text.dept_runs", seats_lines == [(r["course"], str(r["seats"])) for r in plan["courses"]],
          f"attendance lines {seats_lines} for {[(r['course'], r['seats']) for r in plan['courses']]} {tag}", inst)


def brute(ov, sets, budget):
    if budget is None:
        want = ov.wanted()
        best = math.inf
        for s, cov, hrs, cost, val in sets:
            if cov & want == want:
                best = min(best, cost)
        return best
    fits = [t for t in sets if t[2] <= budget + HT * (1 + budget)]
    best = max(t[4] for t in fits)
    least = min(t[3] for t in fits if t[4] == best)
    return (best, least)


# ----------------------------------------------------------------------------------
# HiGHS department oracle
# ----------------------------------------------------------------------------------

def dept_scale(ovs):
    vals = [g["value"] for ov in ovs for g in ov.gaps if g["value"] > 0]
    if not vals:
        return 1.0
    if max(vals) / min(vals) > 1e6:
        return None
    return max(vals)


def dept_mip(ovs, limits, cap, budget, at_least=None):
    scale = dept_scale(ovs)
    if scale is None:
        return None
    try:
        r = dept_mip_scaled(ovs, limits, cap, budget, scale, None if at_least is None else at_least / scale)
    except Exception:
        return None
    if r is None:
        return None
    return r * scale if at_least is None else r


def exact_highs():
    """A silent single-threaded HiGHS that stops only at a zero optimality gap."""
    import highspy
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("log_to_console", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0)
    h.setOptionValue("threads", 1)
    return h


def dept_mip_scaled(ovs, limits, cap, budget, scale, at_least):
    import highspy
    h = exact_highs()
    h.setOptionValue("mip_feasibility_tolerance", 1e-9)
    h.setOptionValue("primal_feasibility_tolerance", 1e-9)
    inf = highspy.kHighsInf
    xs = {}
    ys = {}
    for o, ov in enumerate(ovs):
        for k in range(ov.n):
            if not ov.done >> k & 1:
                xs[(o, k)] = h.addVariable(0, 1, ov.hours[k] if at_least is not None else 0.0)
        for i, g in enumerate(ov.gaps):
            if g["value"] > 0 and ov.closable(g):
                ys[(o, i)] = h.addVariable(0, 1, -g["value"] / scale if at_least is None else 0.0)
    for v in list(xs.values()) + list(ys.values()):
        h.changeColIntegrality(v.index, highspy.HighsVarType.kInteger)
    for (o, i), y in ys.items():
        ov = ovs[o]
        cl = [xs[(o, k)] for k in range(ov.n) if (ov.gaps[i]["closers"] & ~ov.done) >> k & 1]
        h.addConstr(y - sum(cl) <= 0)
    for (o, k), x in xs.items():
        for p in ovs[o].pre[k]:
            if (o, p) in xs:
                h.addConstr(x - xs[(o, p)] <= 0)
        pass
    for o, ov in enumerate(ovs):
        mine = [(k, x) for (oo, k), x in xs.items() if oo == o]
        if cap is not None and mine:
            h.addConstr(sum(ov.hours[k] * x for k, x in mine) <= cap)
    if budget is not None and xs:
        h.addConstr(sum(ovs[o].hours[k] * x for (o, k), x in xs.items()) <= budget)
    for k, l in enumerate(limits):
        if l is not None:
            col = [x for (o, kk), x in xs.items() if kk == k]
            if col:
                h.addConstr(sum(col) <= l)
    if at_least is not None and ys:
        h.addConstr(sum(ovs[o].gaps[i]["value"] / scale * y for (o, i), y in ys.items()) >= at_least)
    h.run()
    st = h.getModelStatus()
    if st != highspy.HighsModelStatus.kOptimal:
        return None
    return h.getInfo().objective_function_value


def rec_mip(ov, budget):
    """Least cost covering every wanted gap (budget None), else (most value, least cost)."""
    import highspy
    if budget is None:
        want = ov.wanted()
        h = exact_highs()
        xs = {k: h.addVariable(0, 1, ov.cost[k]) for k in range(ov.n) if not ov.done >> k & 1}
        for v in xs.values():
            h.changeColIntegrality(v.index, highspy.HighsVarType.kInteger)
        for i, g in enumerate(ov.gaps):
            if want >> i & 1:
                h.addConstr(sum(xs[k] for k in xs if g["closers"] >> k & 1) >= 1)
        for k, x in xs.items():
            for p in ov.pre[k]:
                if p in xs:
                    h.addConstr(x - xs[p] <= 0)
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return h.getInfo().objective_function_value
    # Budget: value first (scaled), then least selection cost.
    v = dept_mip([ov], [None] * ov.n, None, budget)
    if v is None:
        return None
    vstar = -v
    least = None
    if not any(c != hh for c, hh in zip(ov.cost, ov.hours)):
        least = dept_mip([ov], [None] * ov.n, None, budget, at_least=vstar - 1e-9 * (1 + vstar))
    return (vstar, least)


def run_driver(lines):
    p = subprocess.run([os.environ.get("DRIVER", DRIVER)],
                       input="\n".join(lines) + "\n", capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stderr[-3000:])
        raise SystemExit("driver failed")
    if p.stderr.strip():
        print("STDERR", p.stderr[-2000:])
    outs = [json.loads(l) for l in p.stdout.splitlines()]
    if WASM:
        same_in_javascript(lines, outs)
    return outs


def same_in_javascript(lines, outs):
    """The JavaScript package's outputs for the same requests (`bench/plan_claims_driver.mjs`
    of the bindings) equal the library's: every plan and ranking, field for field."""
    p = subprocess.run(["node", JS_DRIVER], input="\n".join(lines) + "\n",
                       capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stderr[-3000:])
        raise SystemExit("JavaScript driver failed")
    for line, out, js in zip(lines, outs, (json.loads(l) for l in p.stdout.splitlines())):
        inst = json.loads(line)
        if "framework_error" in out:
            check("wasm.framework", "framework_error" in js, f"{js} vs {out}", inst)
            continue
        for key, field in (("recommend", "plan"), ("department", "plan"), ("career", "fits"),
                           ("successors", "fits")):
            for i, (a, b) in enumerate(zip(out.get(key, []), js.get(key, []))):
                if "skipped" in b:
                    continue
                check("wasm." + key, (field in a) == (field in b) and a.get(field) == b.get(field),
                      f"{key}[{i}]: rust {json.dumps(a.get(field, a))[:400]} js {json.dumps(b.get(field, b))[:400]}", inst)


def with_solver(opts, solver):
    """`opts` with `solver` set (left to the default when None)."""
    d = dict(opts)
    if solver is not None:
        d["solver"] = solver
    return d


def planned(insts, lines):
    """Each instance with the driver's output for it and the instance as examples keep it;
    instances whose framework does not build are counted as failures and skipped."""
    for (fw, offs, opts, *rest), out in zip(insts, run_driver(lines)):
        if "framework_error" in out:
            fail("gen.framework", out["framework_error"])
            continue
        yield (fw, offs, opts, *rest), out, {"framework": fw, "officers": offs, "opts": opts}


# ----------------------------------------------------------------------------------
# Drivers
# ----------------------------------------------------------------------------------

def rec_batch(seed, count, max_courses=12):
    rng = random.Random(seed)
    insts = []
    lines = []
    for _ in range(count):
        fw, offs = gen(rng, max_courses=max_courses)
        opts = draw_rec(rng, fw)
        reqs, meta = [], []
        for o, off in enumerate(offs["officers"]):
            for budget in [None] + opts["budgets"]:
                for solver in SOLVERS:
                    ro = {k: v for k, v in opts.items() if k != "budgets"}
                    if solver is not None:
                        ro["solver"] = solver
                    if budget is not None:
                        ro["budget"] = budget
                    reqs.append({"officer": o, "options": ro})
                    meta.append((o, budget, solver))
        insts.append((fw, offs, opts, meta))
        lines.append(json.dumps({"framework": fw, "officers": offs, "recommend": reqs}))
    for (fw, offs, opts, meta), out, inst in planned(insts, lines):
        cache = {}
        by = collections.defaultdict(dict)
        for (o, budget, solver), res in zip(meta, out["recommend"]):
            if "plan" not in res:
                fail("rec.error", f"{res} o={o} budget={budget} solver={solver}", inst)
                continue
            check("rec.deterministic", res["deterministic"], "two runs differ", inst)
            if "recommender" in res:
                check("rec.recommender", res["recommender"], f"a Recommender's plan differs o={o} budget={budget} solver={solver}", inst)
            off = offs["officers"][o]
            if o not in cache:
                ov = Officer(fw, off, off["position"], opts)
                sets = ov.closed_sets() if ov.n - bin(ov.done).count("1") <= 14 else None
                if sets is not None:
                    sets = [(x, ov.covers(x), ov.hrs(x), ov.costs(x), ov.xvalue(ov.covers(x))) for x in sets]
                cache[o] = (ov, sets)
            ov, sets = cache[o]
            if sets is not None:
                optimum = brute(ov, sets, budget)
            else:
                key = (o, budget)
                if key not in cache:
                    cache[key] = None if NOOPT else rec_mip(ov, budget)
                optimum = cache[key]
            global CUR_O
            CUR_O = o
            r = check_rec(ov, res["plan"], budget, opts, solver, inst, sets, optimum)
            check_text_rec(res["plan"], res["text"], f"solver={solver} budget={budget} officer={o}", inst)
            by[(o, budget)][solver] = r
        # Across solvers: exact at least as good as greedy; every bound vs every plan.
        for (o, budget), rs in by.items():
            for sa, (va, ca, ha, ba, pa) in rs.items():
                for sb, (vb, cb, hb, bb, pb) in rs.items():
                    if budget is None:
                        check("rec.across_bound", bb <= ca + 1e-9 * (1 + ca), f"bound {bb} ({sb}) above plan {ca} ({sa})", inst)
                        if pa:
                            check("rec.across_proven", ca <= cb + 1e-9 * (1 + ca), f"proven {ca} ({sa}) beaten by {cb} ({sb})", inst)
                    else:
                        check("rec.across_bound", bb >= va - VT * (0 + va), f"bound {bb} ({sb}) below plan {va} ({sa}) b={budget}", inst)
                        if pa:
                            check("rec.across_proven", va > vb + VT * (0 + va) or (va >= vb - VT * (0 + va) and ca <= cb + 1e-9 * (1 + ca)),
                                  f"proven ({va},{ca}) {sa} beaten by ({vb},{cb}) {sb} b={budget}", inst)
            if "greedy" in rs:
                vg, cg = rs["greedy"][0], rs["greedy"][1]
                for s in [None, 1000000]:
                    if s in rs:
                        ve, ce = rs[s][0], rs[s][1]
                        if budget is None:
                            check("rec.exact_vs_greedy", ce <= cg + 1e-9 * (1 + cg), f"exact {s} cost {ce} > greedy {cg}", inst)
                        else:
                            check("rec.exact_vs_greedy", ve > vg + VT * (0 + vg) or (ve >= vg - VT * (0 + vg) and ce <= cg + 1e-9 * (1 + cg)),
                                  f"exact {s} ({ve},{ce}) worse than greedy ({vg},{cg}) b={budget}", inst)
        # Monotone in the budget, default solver.
        for o in range(len(offs["officers"])):
            seq = [(b, by[(o, b)].get(None)) for b in opts["budgets"] if (o, b) in by and None in by[(o, b)]]
            for (b1, r1), (b2, r2) in zip(seq, seq[1:]):
                both = r1[4] and r2[4]
                check("rec.monotone_proven" if both else "rec.monotone_any", r2[0] >= r1[0] - 1e-9 * (1 + r1[0]),
                      f"budget {b1}->{b2} value {r1[0]}->{r2[0]} proven {r1[4]},{r2[4]}", inst)


def draw_dept(rng, fw):
    o = draw_common(rng, fw)
    huge = [1e15, 1e308, sys.float_info.max] if HUGE else []
    if FORCE or rng.random() < 0.75:
        o["budget"] = rng.choice([0, 1, 2.5, 5, 10, 20, 40, 0.3, 100] + huge * 3)
    if FORCE or rng.random() < 0.5:
        o["officer_cap"] = rng.choice([0, 1, 2, 3.5, 5, 10, 20, 30] + huge * 3)
    if FORCE or rng.random() < 0.4:
        o["seats"] = {c["id"]: rng.randint(0, 3) for c in fw["courses"] if rng.random() < 0.4}
    if rng.random() < 0.15:
        o["default_seats"] = rng.randint(0, 3)
    if rng.random() < 0.3:
        o["position_weights"] = {p["id"]: rng.choice(WEIGHTS) for p in fw["positions"]}
    if rng.random() < 0.2:
        o["department"] = fw["positions"][0]["department"] if FILES else "dep"
    return o


DSOLVERS = [None, 0, 1, 2, 3, 10, 1000000]


def dept_batch(seed, count, max_courses=8, max_officers=4, big=False):
    rng = random.Random(seed)
    insts, lines = [], []
    for _ in range(count):
        fw, offs = gen(rng, max_courses=max_courses, max_officers=max_officers, big=big)
        opts = draw_dept(rng, fw)
        reqs = []
        for s in DSOLVERS:
            reqs.append(with_solver(opts, s))
        # Monotone: the exact solver with more budget.
        insts.append((fw, offs, opts))
        lines.append(json.dumps({"framework": fw, "officers": offs, "department": reqs}))
    for (fw, offs, opts), out, inst in planned(insts, lines):
        members = [o for o in offs["officers"] if opts.get("department") is None or o["department"] == opts["department"]]
        members.sort(key=lambda o: o["id"])
        pw = opts.get("position_weights", {})
        ovs = [Officer(fw, o, o["position"], opts, pw.get(o["position"], 1.0)) for o in members]
        n = len(fw["courses"])
        dflt = opts.get("default_seats")
        limits = [opts.get("seats", {}).get(c["id"], dflt) for c in fw["courses"]]
        cap = opts.get("officer_cap")
        budget = opts.get("budget")
        vstar = None if NOOPT else dept_mip(ovs, limits, cap, budget)
        vstar = None if vstar is None else -vstar
        hstar = None
        if vstar is not None:
            hstar = dept_mip(ovs, limits, cap, budget, at_least=vstar * (1 - 1e-7))
        results = []
        for s, res in zip(DSOLVERS, out["department"]):
            tag = f"solver={s}"
            if "plan" not in res:
                fail("dept.error", f"{res} {tag}", inst)
                continue
            check("dept.deterministic", res["deterministic"], f"1 vs 2 threads {tag}", inst)
            plan = res["plan"]
            check_text_dept(plan, res["text"], tag, inst)
            enr = {e["officer"]: e for e in plan["enrolments"]}
            sets = []
            for o, ov in zip(members, ovs):
                e = enr.get(o["id"])
                steps = [ov.index[c] for c in e["courses"]] if e else []
                st = 0
                for k in steps:
                    st |= 1 << k
                check("dept.feasible", len(steps) == bin(st).count("1") and st & ov.done == 0, f"{o['id']} repeat/completed {tag}", inst)
                for i, k in enumerate(steps):
                    for p in ov.pre[k]:
                        if not ov.done >> p & 1:
                            check("dept.order", p in steps[:i], f"{o['id']} {ov.ids[k]} before {ov.ids[p]} {tag}", inst)
                sets.append(st)
                # The learning order: among the courses whose prerequisites in the plan are
                # placed, the smallest id first.
                want, placed = [], 0
                while placed != st:
                    ready = [k for k in range(ov.n) if (st & ~placed) >> k & 1
                             and all(not st >> p & 1 or placed >> p & 1 for p in ov.pre[k])]
                    nxt = min(ready, key=lambda k: ov.ids[k])
                    placed |= 1 << nxt
                    want.append(nxt)
                check("dept.learning_order", steps == want, f"{o['id']} {[ov.ids[k] for k in steps]} vs {[ov.ids[k] for k in want]} {tag}", inst)
            taken = [sum(1 for st in sets if st >> k & 1) for k in range(n)]
            runs = {r["course"]: r for r in plan["courses"]}
            check("dept.runs", sorted(runs) == sorted(fw["courses"][k]["id"] for k in range(n) if taken[k]),
                  f"runs {sorted(runs)} vs taken {taken} {tag}", inst)
            for k in range(n):
                r = runs.get(fw["courses"][k]["id"])
                if r is not None:
                    check("dept.runs", r["seats"] == taken[k] and r["seat_limit"] == limits[k]
                          and abs(r["person_hours"] - taken[k] * fw["courses"][k]["hours"]) <= 1e-6 * (1 + r["person_hours"]),
                          f"run {r} taken {taken[k]} limit {limits[k]} {tag}", inst)
            for o, ov, st in zip(members, ovs, sets):
                e = enr.get(o["id"])
                if e is not None:
                    check("dept.enrolment", e["gaps_closed"] == bin(ov.covers(st)).count("1")
                          and abs(e["hours"] - ov.hrs(st)) <= 1e-6 * (1 + e["hours"]) and e["position"] == o["position"],
                          f"enrolment {e} closes {bin(ov.covers(st)).count('1')} in {ov.hrs(st)} {tag}", inst)
            gaps_all = sum(len(ov.gaps) for ov in ovs)
            closed_all = sum(bin(ov.covers(st)).count("1") for ov, st in zip(ovs, sets))
            check("dept.totals", plan["gaps"] == gaps_all and plan["gaps_closed"] == closed_all and plan["officers"] == len(members),
                  f"gaps {plan['gaps']}/{plan['gaps_closed']}/{plan['officers']} vs {gaps_all}/{closed_all}/{len(members)} {tag}", inst)
            for k in range(n):
                check("dept.seats", limits[k] is None or taken[k] <= limits[k], f"{fw['courses'][k]['id']} {taken[k]} > {limits[k]} {tag}", inst)
            total = sum(ov.hrs(st) for ov, st in zip(ovs, sets))
            check("dept.hours", abs(plan["hours"] - total) <= 1e-6 * (1 + total), f"hours {plan['hours']} vs {total} {tag}", inst)
            B = math.inf if budget is None else budget
            C = math.inf if cap is None else cap
            check("dept.budget", total <= B + HT * (1 + total), f"{total} > budget {B} {tag}", inst)
            value = 0.0
            reasons = collections.defaultdict(collections.Counter)
            for o, ov, st in zip(members, ovs, sets):
                hrs = ov.hrs(st)
                check("dept.cap", hrs <= C + HT * (1 + hrs), f"{o['id']} {hrs} > cap {C} {tag}", inst)
                cov = ov.covers(st)
                value += ov.value(cov)
                for k in range(n):
                    if st >> k & 1:
                        required = any(st >> d & 1 and k in ov.pre[d] for d in range(n))
                        own = ov.covers(1 << k) & ~ov.covers(st & ~(1 << k))
                        check("dept.minimal", required or ov.value(own) > 0, f"{o['id']} takes {ov.ids[k]} closing nothing needed {tag}", inst)
                status = [0] * len(ov.gaps)
                for k in range(n):
                    if (st | ov.done) >> k & 1:
                        continue
                    add = ov.closures[k] & ~st
                    extra = ov.hrs(add)
                    seated = all(limits[j] is None or taken[j] < limits[j] for j in range(n) if add >> j & 1)
                    fits = hrs + extra <= C + HT * (1 + C if C < math.inf else 1)
                    if seated and fits and total + extra <= B + HT * (1 + (B if B < math.inf else 0)):
                        gain = ov.covers(add) & ~cov
                        check("dept.maximal", ov.value(gain) <= 0, f"{o['id']} could take {ov.ids[k]} ({extra} h) closing {ov.value(gain)} more {tag}", inst)
                    sv = 1 if not seated else (2 if not fits else 3)
                    for i, g in enumerate(ov.gaps):
                        if g["closers"] >> k & 1:
                            status[i] = max(status[i], sv)
                for i, g in enumerate(ov.gaps):
                    if cov >> i & 1:
                        reasons[g["competency"]]["closed"] += 1
                        continue
                    if not ov.closable(g):
                        r = ov.static_reason(g)
                        r = r[0] if isinstance(r, tuple) else r
                    elif g["value"] <= 0:
                        r = "not_prioritised"
                    else:
                        r = {0: "?", 1: "seats", 2: "officer_cap", 3: "budget"}[status[i]]
                    reasons[g["competency"]][r] += 1
            check("dept.value", close(plan["value_closed"], value), f"value {plan['value_closed']} vs {value} {tag}", inst)
            got = {}
            for c in plan["competencies"]:
                cnt = collections.Counter({k: v for k, v in c["open"].items() if v})
                if c["closed"]:
                    cnt["closed"] = c["closed"]
                got[c["competency"]] = cnt
                check("dept.short_sum", c["officers_short"] == c["closed"] + sum(c["open"].values()), f"sum {c} {tag}", inst)
            levels = collections.Counter()
            short = collections.Counter()
            for ov, st in zip(ovs, sets):
                cov = ov.covers(st)
                for i, g in enumerate(ov.gaps):
                    short[g["competency"]] += 1
                    if cov >> i & 1:
                        levels[g["competency"]] += g["required"] - g["current"]
            for c in plan["competencies"]:
                check("dept.levels_closed", c["levels_closed"] == levels[c["competency"]] and c["officers_short"] == short[c["competency"]],
                      f"{c['competency']} levels closed {c['levels_closed']} short {c['officers_short']} vs {levels[c['competency']]} {short[c['competency']]} {tag}", inst)
            check("dept.competencies", sorted(c["competency"] for c in plan["competencies"]) == sorted(short),
                  f"competencies {[c['competency'] for c in plan['competencies']]} vs {sorted(short)} {tag}", inst)
            summed = collections.Counter()
            for c in plan["competencies"]:
                summed.update(c["open"])
            check("dept.open_total", all(plan["open"][k] == summed[k] for k in plan["open"]), f"open {plan['open']} vs {dict(summed)} {tag}", inst)
            vt = sum(g["value"] for ov in ovs for g in ov.gaps)
            check("dept.value_total", close(plan["value_total"], vt), f"value_total {plan['value_total']} vs {vt} {tag}", inst)
            # The whole weighted shortfall closed exactly when nothing of value is left open.
            left = sum(g["value"] for ov, st in zip(ovs, sets) for i, g in enumerate(ov.gaps) if not ov.covers(st) >> i & 1)
            check("dept.value_whole", (plan["value_closed"] < plan["value_total"]) == (left > 0) and plan["value_closed"] <= plan["value_total"],
                  f"closed {plan['value_closed']} of {plan['value_total']}, {left} left open {tag}", inst)
            want = {k: v for k, v in reasons.items() if sum(v.values())}
            check("dept.reasons", got == want, f"reasons got {got} want {dict(want)} {tag}", inst)
            bound = plan["bound"]
            opt = plan["optimality"]
            if vstar is not None:
                check("dept.bound", bound >= vstar - 1e-7 * (1 + vstar), f"bound {bound} below optimum {vstar} {tag}", inst)
                if opt["status"] == "optimal":
                    check("dept.optimal_value", close(value, vstar) or abs(value - vstar) <= 1e-7 * (1 + vstar), f"Optimal value {value} vs {vstar} {tag}", inst)
                    if hstar is not None:
                        check("dept.optimal_hours", total <= hstar + 1e-6 * (1 + hstar), f"Optimal hours {total} vs least {hstar} at value {vstar} {tag}", inst)
            else:
                CHECKED["oracle.skipped"] += 1
            if opt["status"] == "bounded":
                check("dept.gap", bound > 0 and close(opt["gap"], max(0.0, 1 - value / bound)), f"gap {opt['gap']} value {value} bound {bound} {tag}", inst)
            else:
                check("dept.optimal_self", close(bound, value), f"optimal but bound {bound} value {value} {tag}", inst)
            results.append((s, value, total, bound, opt["status"] == "optimal"))
        for sa, va, ta, ba, pa in results:
            for sb, vb, tb, bb, pb in results:
                check("dept.across_bound", bb >= va - VT * (0 + va), f"bound {bb} ({sb}) below {va} ({sa})", inst)
                if pa:
                    check("dept.across_proven", va > vb + VT * (0 + va) or (va >= vb - VT * (0 + va) and ta <= tb + 1e-9 * (1 + ta)), f"proven ({va},{ta}) {sa} beaten by ({vb},{tb}) {sb}", inst)


# ----------------------------------------------------------------------------------
# Career paths and successors
# ----------------------------------------------------------------------------------

CSOLVERS = ["greedy", None, 0, 1, 2, 3, 10, 1000000]


def fit_truth(fw, officer, position, opts):
    """(gaps, unclosable gaps, least hours, readiness) of `officer` for `position`."""
    ov = Officer(fw, officer, position, {"assume": opts.get("assume")})
    want = 0
    for i, g in enumerate(ov.gaps):
        if ov.closable(g):
            want |= 1 << i
    least = math.inf
    for s in ov.closed_sets():
        if ov.covers(s) & want == want:
            least = min(least, ov.hrs(s))
    held, _ = held_levels(officer)
    types = {c["id"]: c["type"] for c in fw["competencies"]}
    rw = opts.get("readiness_weights", [1.0, 1.0, 1.0])
    reqs = requirements(fw, position)
    num = [0, 0, 0]
    den = [0, 0, 0]
    for c, l in reqs.items():
        t = TYPES.index(types[c])
        num[t] += min(held.get(c, 0), l)
        den[t] += l
    nw = sum(w * x for w, x in zip(rw, num))
    dw = sum(w * x for w, x in zip(rw, den))
    ready = min(1.0, max(0.0, nw / dw)) if dw > 0 else 1.0
    return len(ov.gaps), len(ov.gaps) - bin(want).count("1"), least, ready


def check_fits(kind, fits, truth, order, solver, k, tag, inst):
    """`fits` against `truth[name] = (gaps, open, least hours, readiness)` for every
    candidate `name`, ranked by (open, hours, readiness down, `order[name]`)."""
    exact = solver == 1000000
    name = "position" if kind == "career" else "officer"
    seen = [f[name] for f in fits]
    check(kind + ".unique", len(set(seen)) == len(seen), f"repeated {seen} {tag}", inst)
    check(kind + ".count", len(fits) == min(k, len(truth)), f"{len(fits)} fits of {len(truth)} for k={k} {tag}", inst)
    for f in fits:
        t = truth.get(f[name])
        if t is None:
            fail(kind + ".candidate", f"{f[name]} is no candidate {tag}", inst)
            continue
        gaps, opn, least, ready = t
        check(kind + ".gaps", f["gaps"] == gaps and f["open"] == opn, f"{f[name]} gaps {f['gaps']}/{f['open']} vs {gaps}/{opn} {tag}", inst)
        check(kind + ".readiness", abs(f["readiness"] - ready) <= 1e-12, f"{f[name]} readiness {f['readiness']} vs {ready} {tag}", inst)
        check(kind + ".hours_floor", f["hours"] >= least - 1e-9 * max(1, least), f"{f[name]} {f['hours']} h below the least {least} {tag}", inst)
        if exact:
            check(kind + ".hours_least", f["hours"] <= least + 1e-9 * max(1, least) + 1e-9, f"{f[name]} {f['hours']} h vs least {least} {tag}", inst)
        # Hours are rounded to 9 decimals as plans' totals are, so courses of 10⁻¹⁰ h total 0.
        check(kind + ".courses", (f["courses"] == 0) <= (f["hours"] == 0) and (f["courses"] > 0) >= (least > 5e-10), f"{f[name]} {f['courses']} courses in {f['hours']} h {tag}", inst)
    for a, b in zip(fits, fits[1:]):
        ka = (a["open"], a["hours"], -a["readiness"], order.get(a[name], 0))
        kb = (b["open"], b["hours"], -b["readiness"], order.get(b[name], 0))
        tie = a["open"] == b["open"] and abs(a["hours"] - b["hours"]) <= 1e-9 * max(1, a["hours"])
        check(kind + ".order", ka <= kb or tie, f"{a[name]} {ka} before {b[name]} {kb} {tag}", inst)
    if exact and len(fits) < len(truth):
        # Nothing left out ranks clearly before the last fit returned.
        last = fits[-1] if fits else None
        for n, (gaps, opn, least, ready) in truth.items():
            if n in seen or last is None:
                continue
            before = opn < last["open"] or (opn == last["open"] and least < last["hours"] - 1e-9 * max(1, least) - 1e-9)
            check(kind + ".left_out", not before, f"{n} ({opn}, {least}) left out, last {last[name]} ({last['open']}, {last['hours']}) {tag}", inst)


def career_batch(seed, count, max_courses=10):
    rng = random.Random(seed)
    insts, lines = [], []
    for _ in range(count):
        fw, offs = gen(rng, max_courses=max_courses, max_officers=5, max_posts=6)
        for p in fw["positions"]:
            if rng.random() < 0.3:
                p["department"] = "other"
        o = {}
        if rng.random() < 0.3:
            o["assume"] = rng.randint(1, 5)
        o["k"] = rng.choice([1, 2, 3, 100])
        if rng.random() < 0.3:
            o["exclude_current"] = False
        if rng.random() < 0.2:
            o["department"] = rng.choice(["dep", "other"])
        if rng.random() < 0.4:
            o["readiness_weights"] = [rng.choice([0, 0.5, 1, 2, 3, 1e-3]) for _ in range(3)]
        reqs, sreqs = [], []
        for s in CSOLVERS:
            d = with_solver(o, s)
            every = dict(d, k=100)
            for i in range(len(offs["officers"])):
                reqs += [{"officer": i, "options": d}, {"officer": i, "options": every}]
            for p in fw["positions"]:
                sreqs += [{"position": p["id"], "options": d}, {"position": p["id"], "options": every}]
        insts.append((fw, offs, o))
        lines.append(json.dumps({"framework": fw, "officers": offs, "career": reqs, "successors": sreqs}))
    for (fw, offs, o), out, inst in planned(insts, lines):
        officers = offs["officers"]
        posts = fw["positions"]
        dept = o.get("department")
        k = o["k"]
        excl = o.get("exclude_current", True)
        truth = {(oi, p["id"]): fit_truth(fw, off, p["id"], o) for oi, off in enumerate(officers) for p in posts}
        ci, si = 0, 0
        for s in CSOLVERS:
            for oi, off in enumerate(officers):
                cand = {p["id"]: truth[(oi, p["id"])] for p in posts
                        if not (excl and p["id"] == off["position"]) and (dept is None or p["department"] == dept)}
                known = dept is None or any(p["department"] == dept for p in posts)
                ranking("career", out["career"][ci:ci + 2], cand, {}, s, k, known, f"career officer={off['id']} solver={s} k={k}", inst)
                ci += 2
            for p in posts:
                cand = {off["id"]: truth[(oi, p["id"])] for oi, off in enumerate(officers)
                        if not (excl and off["position"] == p["id"]) and (dept is None or off["department"] == dept)}
                order = {off["id"]: oi for oi, off in enumerate(officers)}
                known = dept is None or any(x["department"] == dept for x in posts + officers)
                ranking("successors", out["successors"][si:si + 2], cand, order, s, k, known, f"successors position={p['id']} solver={s} k={k}", inst)
                si += 2


def ranking(kind, results, cand, order, solver, k, known, tag, inst):
    """One ranking's two results (top `k`, and every candidate) against `cand`; an error
    is expected only for a department that nothing names (`known` false)."""
    res, whole = results
    if "fits" in res and "fits" in whole:
        check(kind + ".prefix", res["fits"] == whole["fits"][:k], f"top {k} {res['fits']} vs all {whole['fits']} {tag}", inst)
    if "fits" not in res:
        if known:
            fail(kind + ".error", f"{res} {tag}", inst)
        return
    check(kind + ".deterministic", res["deterministic"], tag, inst)
    check_fits(kind, res["fits"], cand, order, solver, k, tag, inst)

if __name__ == "__main__":
    ensure_highspy()
    what = sys.argv[1]
    seed = int(sys.argv[2])
    rounds = int(sys.argv[3])
    per = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    for r in range(rounds):
        if what == "rec":
            rec_batch(seed * 1000 + r, per)
        elif what == "recbig":
            rec_batch(seed * 1000 + r, per, max_courses=30)
        elif what == "dept":
            dept_batch(seed * 1000 + r, per)
        elif what == "deptwide":
            dept_batch(seed * 1000 + r, per, max_courses=14, max_officers=24)
        elif what == "rechuge":
            rec_batch(seed * 1000 + r, per, max_courses=60)
        elif what == "career":
            career_batch(seed * 1000 + r, per)
        elif what == "reclarge":
            rec_batch(seed * 1000 + r, per, max_courses=300)
        elif what == "deptlarge":
            dept_batch(seed * 1000 + r, per, max_courses=120, max_officers=60)
        elif what == "deptlazy":
            dept_batch(seed * 1000 + r, per, max_courses=400, max_officers=10, big=True)
        elif what == "deptbig":
            dept_batch(seed * 1000 + r, per, max_courses=14, max_officers=8)
    print("checked", dict(CHECKED))
    print("failed", dict(FAIL))
    out = os.path.join(ROOT, "target", "plan_claims")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, f"examples-{what}-{seed}.json"), "w") as f:
        json.dump(EXAMPLES, f)
