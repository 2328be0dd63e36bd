//! A proven upper bound on a department plan's value from each officer's value against
//! their hours: a concave curve per officer, the budget shared among the curves by a
//! fractional knapsack.
//!
//! Take seat prices `σ_c ≥ 0` (those [`prices`](super::prices) found). For officer `o`
//! and `t` hours, let `f_o(t)` be the most `v(S) − σ(S)` over the officer's enrolments `S`
//! of at most `t` hours (and within the cap), `σ(S)` the prices of their seats. Any plan,
//! officer `o` taking `h_o` hours, closes `Σ_o v(S_o) ≤ Σ_o f_o(h_o) + Σ_c σ_c S_c` (each
//! course's seats taken are at most `S_c`), with `Σ_o h_o ≤ B` and `h_o ≤ cap`. So for any
//! concave `F_o ≥ f_o`, the most `Σ_o F_o(t_o)` over `Σ t_o ≤ B`, `0 ≤ t_o ≤ cap`, plus
//! `Σ_c σ_c S_c`, is an upper bound; with piecewise-linear `F_o` it is a fractional
//! knapsack of their pieces, steepest first (the Lagrangian over the budget alone, its hour
//! price found exactly rather than by steps).
//!
//! `F_o` is the linear relaxation of a multiple-choice knapsack, one class per gap:
//! - **Charges.** A candidate that closes no gap of value passes its hours and seat price
//!   on to the candidates requiring it directly (those that fit the cap), in equal shares;
//!   one that closes some keeps what it has, its own and what it was passed, as its charge
//!   `ĥ_j` and `ŝ_j`. An enrolment holds every prerequisite of what it holds, so what the
//!   candidates of `S` closing a gap are charged is at most `h(S)` and `σ(S)`.
//! - **Options.** Gap `e` of value `v_e` may be closed through each candidate `j` closing
//!   it, with `k_j` gaps of value: at `ĥ_j / k_j` hours and worth `v_e − ŝ_j / k_j`. Naming
//!   for each gap `S` closes one candidate of `S` closing it, every candidate is named at
//!   most `k_j` times, so the options named take at most `h(S)` hours and are worth at
//!   least `v(S) − σ(S)`: `f_o(t)` is at most the best choice of one option per gap (or
//!   none) within `t` hours.
//! - **Relaxation.** That choice's linear relaxation is concave in `t`: each gap's options
//!   as points (hours, worth) with the origin, the upper hull's pieces; every officer's
//!   pieces steepest first, cut at the cap and at the officer's bound alone (`alone`: at
//!   most `v(S)`, so at most `v(S) − σ(S)` too).
//!
//! Candidates whose heaviest chain of prerequisites exceeds the cap or the budget are in no
//! enrolment and give no option (see `subproblem::within`). Without a budget the bound is
//! `Σ_o F_o(cap)`. O(z log z) for `z` candidate–gap pairs over all officers, on the plan's
//! threads, and O(P) for the knapsack of `P` pieces (a selection, not a sort); the same on
//! any number of threads.

use super::bound::seat_prices;
use super::plan::{Department, Subproblem};
use super::subproblem::within;
use crate::analysis::parallel::map_ranges;
use crate::model::order;
use crate::planning::cover::EPS;
use std::cmp::Ordering;

/// A piece of an officer's curve: up to `hours` more hours add at most `value`, `rate` an
/// hour (infinite for a piece of no hours).
#[derive(Clone, Copy, Debug)]
struct Piece {
    rate: f64,
    hours: f64,
    value: f64,
}

/// One way to close a gap: `(gap, hours, worth, course, share of the course's own seat
/// price)`.
type Opt = (u32, f64, f64, u32, f64);

/// Steepest first, a total order (ties by hours, then value).
fn steepest(a: &Piece, b: &Piece) -> Ordering {
    b.rate
        .total_cmp(&a.rate)
        .then(a.hours.total_cmp(&b.hours))
        .then(b.value.total_cmp(&a.value))
}

/// Per range of officers, what their curves are built in.
#[derive(Default)]
struct Buffers {
    /// Per candidate, the candidates that fit and require it directly.
    dependants: Vec<u32>,
    /// Per candidate closing no gap of value, the hours and seat price it passes to each
    /// of its dependants.
    passed: Vec<(f64, f64)>,
    /// The options: gap, hours, worth, the candidate's course and its own seat price's
    /// share.
    options: Vec<Opt>,
    /// The officer's pieces before they are cut at the cap and their bound alone.
    pieces: Vec<Piece>,
}

/// The bound of the module docs at seat prices `sigma` (per course; courses of unlimited
/// seats are taken at none) and each officer's bound alone `alone[o]` (an upper bound on the value they
/// close alone within the cap and the budget), and the rate of the piece the budget
/// splits (the budget's price; 0 when it does not bind).
pub(crate) fn envelope(dept: &Department<'_>, sigma: &[f64], alone: &[f64]) -> (f64, f64) {
    let limit = within(dept.cap.min(dept.budget));
    // The cap and the budget as plans are held to them (within EPS hours).
    let cap = dept.cap + EPS;
    let mut pieces: Vec<Piece> = map_ranges(dept.officers.len(), dept.threads, |range| {
        let mut buf = Buffers::default();
        let mut out = Vec::new();
        for o in range {
            let p = dept.officers[o];
            curve(
                p,
                (sigma, dept.seat_limit),
                (limit, cap, alone[o]),
                &mut buf,
                &mut out,
            );
        }
        out
    })
    .concat();
    let mut bound = 0.0;
    for (c, &seats) in dept.seat_limit.iter().enumerate() {
        if seats != u32::MAX {
            bound += sigma[c] * f64::from(seats);
        }
    }
    let (value, rate) = fill(&mut pieces, dept.budget + EPS);
    (bound + value, rate)
}

/// Seat prices for [`envelope`] from the officers' bids at seat prices `sigma` and hour
/// price `rate`: per gap, the option most worth its hours at that price gives its course
/// the margin over the best option of another course (or none), its own seat price's share
/// added back; an officer bids for a course the sum over their gaps; each course with more
/// bids than seats is priced at its `(S + 1)`-th highest (as `bound::seat_prices` prices
/// them), the others at 0. Any prices give a bound, these aim at the least. O(z log z).
pub(crate) fn market(dept: &Department<'_>, sigma: &[f64], rate: f64) -> Vec<f64> {
    let limit = within(dept.cap.min(dept.budget));
    let bids: Vec<(u32, f32)> = map_ranges(dept.officers.len(), dept.threads, |range| {
        let mut buf = Buffers::default();
        let mut out: Vec<(u32, f32)> = Vec::new();
        let mut mine: Vec<(u32, f64)> = Vec::new();
        for o in range {
            let p = dept.officers[o];
            options(p, (sigma, dept.seat_limit), limit, &mut buf);
            mine.clear();
            for group in buf.options.chunk_by(|a, b| a.0 == b.0) {
                let net = |o: &Opt| o.2 - rate * o.1;
                let Some(best) = group.iter().max_by(|a, b| net(a).total_cmp(&net(b))) else {
                    continue;
                };
                let top = net(best);
                if top <= 0.0 || dept.seat_limit[best.3 as usize] == u32::MAX {
                    continue;
                }
                let second = group
                    .iter()
                    .filter(|o| o.3 != best.3)
                    .map(net)
                    .fold(0.0_f64, f64::max);
                mine.push((best.3, top - second + best.4));
            }
            order::sort_unstable_by(&mut mine, |a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for run in mine.chunk_by(|a, b| a.0 == b.0) {
                let bid: f64 = run.iter().map(|b| b.1).sum();
                out.push((run[0].0, bid as f32));
            }
        }
        out
    })
    .concat();
    seat_prices(dept, bids.iter().copied())
}

/// Fills `buf.options` with officer `p`'s options at seat prices `sigma` (courses of
/// unlimited seats, `seats[c] == u32::MAX`, at none: their seats are not in the bound), by
/// gap, then hours (most worth first among equal hours); candidates whose heaviest chain
/// exceeds `limit` give none. O(z log z) for the officer's `z` candidate–gap pairs.
fn options(p: &Subproblem, (sigma, seats): (&[f64], &[u32]), limit: f64, buf: &mut Buffers) {
    let inst = &p.inst;
    let n = inst.len();
    let values = &inst.values[..];
    let above = if p.above.is_empty() {
        inst.all_hours()
    } else {
        &p.above[..]
    };
    buf.dependants.clear();
    buf.dependants.resize(n, 0);
    for (j, &least) in above.iter().enumerate().take(n) {
        if least <= limit {
            for &q in inst.prerequisites(j as u32) {
                buf.dependants[q as usize] += 1;
            }
        }
    }
    buf.passed.clear();
    buf.passed.resize(n, (0.0, 0.0));
    buf.options.clear();
    // Prerequisites first, so each candidate has what its prerequisites pass it.
    for &j in inst.topo() {
        let ju = j as usize;
        if above[ju] > limit {
            continue;
        }
        let course = p.courses[ju];
        let own = if seats[course as usize] == u32::MAX {
            0.0
        } else {
            sigma[course as usize]
        };
        let mut hours = inst.hours(j);
        let mut price = own;
        for &q in inst.prerequisites(j) {
            let (h, s) = buf.passed[q as usize];
            hours += h;
            price += s;
        }
        let covers = inst.covers(j);
        let k = covers.iter().filter(|&&e| values[e as usize] > 0.0).count();
        if k == 0 {
            let d = buf.dependants[ju];
            if d > 0 {
                let d = f64::from(d);
                buf.passed[ju] = (hours / d, price / d);
            }
            continue;
        }
        let k = k as f64;
        let (hours, price) = (hours / k, price / k);
        for &e in covers {
            let worth = values[e as usize] - price;
            if values[e as usize] > 0.0 && worth > 0.0 {
                buf.options.push((e, hours, worth, course, own / k));
            }
        }
    }
    order::sort_unstable_by(&mut buf.options, |a, b| {
        a.0.cmp(&b.0)
            .then(a.1.total_cmp(&b.1))
            .then(b.2.total_cmp(&a.2))
            .then(a.3.cmp(&b.3))
            .then(a.4.total_cmp(&b.4))
    });
}

/// Appends officer `p`'s pieces, steepest first, cut at `cap` hours and `own` value;
/// candidates whose heaviest chain exceeds `limit` give none. O(z log z) for the officer's
/// `z` candidate–gap pairs.
fn curve(
    p: &Subproblem,
    sigma: (&[f64], &[u32]),
    (limit, cap, own): (f64, f64, f64),
    buf: &mut Buffers,
    out: &mut Vec<Piece>,
) {
    options(p, sigma, limit, buf);
    // Each gap's upper hull from the origin.
    buf.pieces.clear();
    for group in buf.options.chunk_by(|a, b| a.0 == b.0) {
        hull(group, &mut buf.pieces);
    }
    order::sort_unstable_by(&mut buf.pieces, steepest);
    let (mut hours_left, mut value_left) = (cap, own);
    for &piece in &buf.pieces {
        let mut share = 1.0_f64;
        if piece.hours > hours_left {
            share = hours_left / piece.hours;
        }
        if piece.value * share > value_left {
            share = value_left / piece.value;
        }
        if share <= 0.0 {
            break;
        }
        out.push(Piece {
            rate: piece.rate,
            hours: piece.hours * share,
            value: piece.value * share,
        });
        if share < 1.0 {
            break;
        }
        hours_left -= piece.hours;
        value_left -= piece.value;
    }
}

/// The pieces of the upper concave hull of one gap's options `(gap, hours, worth)`,
/// sorted by hours (most worth first among equal hours), from the origin. O(options).
fn hull(options: &[Opt], pieces: &mut Vec<Piece>) {
    let mut chain: Vec<(f64, f64)> = vec![(0.0, 0.0)];
    for &(_, h, w, _, _) in options {
        let &(_, last) = chain.last().unwrap_or(&(0.0, 0.0));
        if w <= last {
            continue; // more hours for no more worth
        }
        // Drop the last point while it lies on or below the line to this one.
        while chain.len() >= 2 {
            let (h0, w0) = chain[chain.len() - 2];
            let (h1, w1) = chain[chain.len() - 1];
            if (h1 - h0) * (w - w0) - (w1 - w0) * (h - h0) >= 0.0 {
                chain.pop();
            } else {
                break;
            }
        }
        chain.push((h, w));
    }
    for pair in chain.windows(2) {
        let (hours, value) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
        let rate = if hours > 0.0 {
            value / hours
        } else {
            f64::INFINITY
        };
        pieces.push(Piece { rate, hours, value });
    }
}

/// The fractional knapsack of `pieces` within `budget` hours: the steepest taken whole
/// while they fit, then a share of the next. Pieces of no hours are always taken. O(P) by
/// repeated selection of the median rate. Returns the value and the rate of the piece
/// split (0 when all fit).
fn fill(pieces: &mut [Piece], mut budget: f64) -> (f64, f64) {
    let mut total = 0.0;
    if budget.is_infinite() {
        return (pieces.iter().map(|p| p.value).sum(), 0.0);
    }
    let mut rest: &mut [Piece] = pieces;
    loop {
        if rest.is_empty() {
            return (total, 0.0);
        }
        let mid = rest.len() / 2;
        rest.select_nth_unstable_by(mid, steepest);
        let (high, after) = rest.split_at_mut(mid);
        let Some((pivot, low)) = after.split_first_mut() else {
            return (total, 0.0);
        };
        let hours: f64 = high.iter().map(|p| p.hours).sum();
        if hours > budget {
            rest = high;
            continue;
        }
        total += high.iter().map(|p| p.value).sum::<f64>();
        budget -= hours;
        if pivot.hours > budget {
            return (
                total + pivot.value * (budget / pivot.hours).max(0.0),
                pivot.rate,
            );
        }
        total += pivot.value;
        budget -= pivot.hours;
        rest = low;
    }
}

#[cfg(test)]
mod tests {
    use super::{envelope, market};
    use crate::planning::cover::Instance;
    use crate::planning::department::plan::{Department, Subproblem};
    use crate::planning::department::prices;

    /// xorshift64: the same instances on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    /// An officer whose candidate `j` takes `hours[j]` hours, closes `covers[j]` and
    /// requires `pre[j]` (earlier candidates); candidate `j` is course `courses[j]`.
    fn officer(
        values: &[f64],
        hours: &[f64],
        covers: &[Vec<u32>],
        pre: &[Vec<u32>],
        courses: &[u32],
    ) -> Subproblem {
        let mut inst = Instance::with_capacity(values.to_vec(), hours.len(), 8);
        for j in 0..hours.len() {
            inst.push(hours[j], hours[j], &covers[j], &pre[j]);
        }
        inst.finish();
        Subproblem::new(inst, courses.to_vec())
    }

    /// The most value of any plan, by enumerating every officer's prerequisite-closed
    /// enrolments within the cap and every combination of them within the budget and seats.
    fn optimum(dept: &Department<'_>) -> f64 {
        let per: Vec<Vec<(u32, f64, f64)>> = dept
            .officers
            .iter()
            .map(|p| {
                let inst = &p.inst;
                let n = inst.len();
                (0..1u32 << n)
                    .filter_map(|s| {
                        let closed = (0..n as u32).all(|j| {
                            s >> j & 1 == 0
                                || inst.prerequisites(j).iter().all(|&q| s >> q & 1 == 1)
                        });
                        let hours: f64 = (0..n as u32)
                            .filter(|&j| s >> j & 1 == 1)
                            .map(|j| inst.hours(j))
                            .sum();
                        if !closed || hours > dept.cap + 1e-9 {
                            return None;
                        }
                        let value: f64 = (0..inst.values.len() as u32)
                            .filter(|&e| {
                                (0..n as u32)
                                    .any(|j| s >> j & 1 == 1 && inst.covers(j).contains(&e))
                            })
                            .map(|e| inst.values[e as usize].max(0.0))
                            .sum();
                        Some((s, hours, value))
                    })
                    .collect()
            })
            .collect();
        let mut best = 0.0_f64;
        let mut pick = vec![0usize; per.len()];
        loop {
            let hours: f64 = pick.iter().zip(&per).map(|(&i, o)| o[i].1).sum();
            let mut seats = vec![0u32; dept.seat_limit.len()];
            for (o, (&i, sets)) in pick.iter().zip(&per).enumerate() {
                let p = dept.officers[o];
                for j in 0..p.inst.len() {
                    if sets[i].0 >> j & 1 == 1 {
                        seats[p.courses[j] as usize] += 1;
                    }
                }
            }
            let fits = hours <= dept.budget + 1e-9
                && seats.iter().zip(dept.seat_limit).all(|(&s, &l)| s <= l);
            if fits {
                best = best.max(pick.iter().zip(&per).map(|(&i, o)| o[i].2).sum());
            }
            // The next combination.
            let mut o = 0;
            loop {
                if o == pick.len() {
                    return best;
                }
                pick[o] += 1;
                if pick[o] < per[o].len() {
                    break;
                }
                pick[o] = 0;
                o += 1;
            }
        }
    }

    /// On 3,000 random departments (1–3 officers, up to 4 candidates of 4 courses, up to
    /// 3 gaps, prerequisites, caps, budgets, seats), the bound at no seat price, at the
    /// seats' market prices and at random prices is never below the optimum.
    #[test]
    fn the_envelope_is_never_below_the_optimum() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut tight = 0;
        for _ in 0..3_000 {
            let officers: Vec<Subproblem> = (0..=rng.below(3))
                .map(|_| {
                    let gaps = 1 + rng.below(3) as usize;
                    let values: Vec<f64> = (0..gaps).map(|_| rng.below(6) as f64).collect();
                    let n = 1 + rng.below(4) as usize;
                    let hours: Vec<f64> = (0..n).map(|_| 1.0 + rng.below(5) as f64).collect();
                    let covers: Vec<Vec<u32>> = (0..n)
                        .map(|_| (0..gaps as u32).filter(|_| rng.below(2) == 0).collect())
                        .collect();
                    let pre: Vec<Vec<u32>> = (0..n as u32)
                        .map(|j| (0..j).filter(|_| rng.below(4) == 0).collect())
                        .collect();
                    let mut courses: Vec<u32> = Vec::new();
                    for _ in 0..n {
                        let c = loop {
                            let c = rng.below(4) as u32;
                            if !courses.contains(&c) {
                                break c;
                            }
                        };
                        courses.push(c);
                    }
                    officer(&values, &hours, &covers, &pre, &courses)
                })
                .collect();
            let refs: Vec<&Subproblem> = officers.iter().collect();
            let seats: Vec<u32> = (0..4)
                .map(|_| match rng.below(3) {
                    0 => u32::MAX,
                    s => s as u32 - 1,
                })
                .collect();
            let mut dept =
                Department::for_tests(&refs, &seats, [3.0, 6.0, 40.0][rng.below(3) as usize]);
            dept.budget = [2.0, 5.0, 9.0, f64::INFINITY][rng.below(4) as usize];
            let alone = vec![f64::INFINITY; refs.len()];
            let best = optimum(&dept);
            let free = vec![0.0; 4];
            let (unpriced, rate) = envelope(&dept, &free, &alone);
            let cleared = market(&dept, &free, rate);
            let random: Vec<f64> = (0..4).map(|_| rng.below(4) as f64 * 0.75).collect();
            for sigma in [&free, &cleared, &random] {
                let (bound, _) = envelope(&dept, sigma, &alone);
                assert!(
                    bound >= best - 1e-9,
                    "bound {bound} below the optimum {best} at prices {sigma:?}"
                );
            }
            tight += usize::from(unpriced.min(envelope(&dept, &cleared, &alone).0) <= best + 1e-9);
        }
        // Most of them the bound meets.
        assert!(tight > 1_500, "{tight}");
    }

    /// Six officers, each with a gap worth 3 to 8 closed by a course of 2 hours and a gap
    /// worth 1 closed by a course of 1 hour, share a budget of 6 hours: the optimum (by
    /// enumeration) is the three most valuable gaps, 21, and the envelope is that sum. The
    /// price search given the steps a department-sized plan gets (3) stays above it.
    #[test]
    fn the_envelope_meets_a_budget_the_price_steps_do_not() {
        let officers: Vec<Subproblem> = (0..6u32)
            .map(|o| {
                let values = [f64::from(3 + o), 1.0];
                officer(
                    &values,
                    &[2.0, 1.0],
                    &[vec![0], vec![1]],
                    &[vec![], vec![]],
                    &[2 * o, 2 * o + 1],
                )
            })
            .collect();
        let refs: Vec<&Subproblem> = officers.iter().collect();
        let seats = vec![u32::MAX; 12];
        let mut dept = Department::for_tests(&refs, &seats, 40.0);
        dept.budget = 6.0;
        let best = optimum(&dept);
        assert!((best - 21.0).abs() < 1e-9, "{best}");
        let alone = vec![f64::INFINITY; refs.len()];
        let (bound, rate) = envelope(&dept, &[0.0; 12], &alone);
        assert!((bound - best).abs() < 1e-6, "{bound} against {best}");
        assert!((rate - 2.5).abs() < 1e-9, "{rate}");
        let stepped = prices(&dept, best, 0.0, 3).bound;
        assert!(stepped > best + 1.0, "{stepped}");
    }
}
