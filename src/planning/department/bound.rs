//! A proven upper bound on the most weighted shortfall a department plan can close.
//!
//! With `x_oj` officer `o` taking candidate `j` (course `c(j)`, `h_j` hours) and `y_oe` their
//! gap `e` (value `v_oe`) closed, the linear relaxation is
//!
//! ```text
//! max Σ v_oe y_oe  s.t.  y_oe ≤ Σ_{j closes e} x_oj,  y ≤ 1,  0 ≤ x ≤ 1,
//!                        Σ_j h_j x_oj ≤ cap            (each officer),
//!                        Σ_oj h_j x_oj ≤ B             (the budget),
//!                        Σ_{o, c(j) = c} x_oj ≤ S_c    (the seats of course c),
//! ```
//!
//! with the prerequisite rows dropped (which only loosens it). `cap` and `B` are the
//! officer cap and the budget plus [`EPS`] (10⁻⁹ h): plans are held to them within that
//! (`AcbpOptions::budget`), so two courses of 4·10⁻¹⁰ h fit a cap of 0. Relaxing the budget with a
//! price `λ ≥ 0` per hour, the seats with a price `σ_c ≥ 0` per seat and the gap–course links
//! with `μ_oe ≥ 0` leaves, per officer, `Σ_e max(0, v_oe − μ_oe)` plus a fractional knapsack
//! within the cap over candidates with profit `Σ_{e ∈ j} μ_oe − λ h_j − σ_c(j)`, solved
//! exactly by ratio order. Every choice of prices gives the upper bound
//! `λ B + Σ_c σ_c S_c + Σ_o φ_o` (weak duality), where `φ_o` is officer `o`'s part; it also
//! bounds `max v(S_o) − λ h(S_o) − Σ σ` over the officer's feasible enrolments, which the
//! exact search uses below the root. A candidate whose heaviest chain of prerequisites
//! alone takes more hours than the cap or the budget is in no enrolment, so its `x_oj` is
//! fixed at 0 (see `subproblem::within`). The first evaluation starts at `σ = 0`; the second
//! prices each course with more positive bids than seats at its `(S_c + 1)`-th highest bid
//! ([`seat_prices`]), and subgradient steps improve the prices from there, a fixed number of
//! evaluations in all, so the bound is deterministic. O(I · z) for `I` evaluations and `z`
//! candidate–gap pairs over all officers (each officer's part sorts its candidates of
//! positive profit when the cap binds: O(n log n) more per officer).

use super::plan::{Department, Subproblem};
use super::subproblem::within;
use std::ops::Range;

use crate::analysis::parallel::{map_parts, map_ranges};
use crate::model::order;
use crate::planning::cover::EPS;

/// Prices of the department's capacities and the bound they give.
#[derive(Clone, Debug)]
pub(crate) struct Prices {
    /// Price of an hour of the budget (0 without a budget).
    pub(crate) lambda: f64,
    /// Price of a seat, per course (0 for unlimited courses).
    pub(crate) sigma: Vec<f64>,
    /// Per officer: an upper bound on the value of any enrolment within the cap less its
    /// priced hours and seats.
    pub(crate) phi: Vec<f64>,
    /// `λ B + Σ σ_c S_c + Σ φ_o`, an upper bound on the most value of any plan.
    pub(crate) bound: f64,
}

#[derive(Default)]
struct Buffers {
    /// Per candidate of the officer being evaluated: profit, then what it keeps after
    /// handing to its prerequisites.
    profit: Vec<f64>,
    order: Vec<u32>,
    /// The candidates of `order` with their profit per hour.
    ratio: Vec<(f64, u32)>,
}

/// Officer `o`'s part at multipliers `mu` (their gaps' slice) and prices; appends the
/// candidates the relaxation takes (`x_oj = 1`) to `taken`, in index order.
///
/// The cap is priced too, at `ρ`, the value per hour of the item the fractional knapsack
/// within the cap would split: that price alone gives exactly the knapsack's bound. The
/// prerequisite rows `x_j ≤ x_p` are then relaxed with multipliers set by one pass down the
/// prerequisite graph, dependants first: a candidate with a positive profit hands it to its
/// prerequisites with a negative one (a course worth taking pays for the courses it
/// needs), and passes the rest on to its first prerequisite. Any such hand-over is a valid
/// choice of multipliers, and it only lowers the part.
#[inline(never)] // inlined into `Chunk::evaluate`, its loops compiled to more instructions
fn officer_part(
    dept: &Department<'_>,
    o: usize,
    mu: &[f64],
    lambda: f64,
    sigma: &[f64],
    buf: &mut Buffers,
    (taken, bids): (&mut Vec<u32>, Bids<'_>),
) -> f64 {
    let p = &dept.officers[o];
    let inst = &p.inst;
    let values = &inst.values[..];
    let mu = &mu[..values.len()];
    let mut part = 0.0;
    for (&v, &m) in values.iter().zip(mu) {
        if v > 0.0 {
            part += (v - m).max(0.0);
        }
    }
    buf.profit.clear();
    buf.order.clear();
    // A candidate whose heaviest chain of prerequisites alone exceeds the officer's hours is
    // in no enrolment: its `x` is 0 (so is every candidate requiring it, whose chain is
    // longer).
    let limit = within(dept.cap.min(dept.budget));
    // The cap as plans are held to it (within EPS hours).
    let cap = dept.cap + EPS;
    let positive_hours = profits(p, (mu, lambda, sigma), limit, buf);
    let hours = inst.all_hours();
    // The cap's price: the ratio at which the knapsack within the cap is full.
    let mut rho = 0.0;
    if positive_hours > cap {
        // Ratio order, ties by index: a total order, so an unstable sort of the ratios
        // computed once gives the order a stable sort comparing quotients would.
        buf.ratio.clear();
        buf.ratio.extend(
            buf.order
                .iter()
                .map(|&j| (buf.profit[j as usize] / inst.hours(j), j)),
        );
        order::sort_unstable_by(&mut buf.ratio, |a, c| {
            c.0.total_cmp(&a.0).then(a.1.cmp(&c.1))
        });
        let mut left = cap;
        for &(ratio, j) in &buf.ratio {
            let h = inst.hours(j);
            if h > left {
                rho = ratio;
                break;
            }
            left -= h;
        }
        part += rho * cap;
    }
    for (profit, &h) in buf.profit.iter_mut().zip(hours) {
        *profit -= rho * h;
    }
    if let Some(bids) = bids {
        // What each candidate of a course with limited seats is worth to the officer at
        // these prices, less its hours at the cap's price: the officer's bid for a seat.
        for &j in &buf.order {
            let course = p.courses[j as usize];
            let bid = buf.profit[j as usize];
            if bid > 0.0 && dept.seat_limit[course as usize] != u32::MAX {
                bids.push((course, bid as f32));
            }
        }
    }
    // Dependants first: hand positive profit to prerequisites that can absorb it.
    for &j in inst.topo().iter().rev() {
        let ju = j as usize;
        let mut t = buf.profit[ju];
        if t <= 0.0 {
            continue;
        }
        let pre = inst.prerequisites(j);
        for &q in pre {
            let room = -buf.profit[q as usize];
            if room > 0.0 {
                let give = t.min(room);
                buf.profit[q as usize] += give;
                t -= give;
                if t <= 0.0 {
                    break;
                }
            }
        }
        if t > 0.0
            && let Some(&first) = pre.first()
        {
            buf.profit[first as usize] += t;
            t = 0.0;
        }
        buf.profit[ju] = t;
    }
    for (j, &kept) in buf.profit.iter().enumerate() {
        if kept > 0.0 {
            taken.push(j as u32);
            part += kept;
        }
    }
    part
}

/// Where an officer's part puts the officers' bids for seats, when they are gathered.
type Bids<'a> = Option<&'a mut Vec<(u32, f32)>>;

/// The first pass of [`officer_part`]: each candidate's profit at multipliers `mu`, hour
/// price `lambda` and seat prices `sigma` (0 for a candidate whose heaviest chain of
/// prerequisites exceeds `limit`, the hours as [`within`] allows them) into `buf.profit`,
/// those of positive profit into `buf.order`; returns their hours. Every candidate's
/// hours, course and covers read in one pass down their columns. O(n + z).
fn profits(
    p: &Subproblem,
    (mu, lambda, sigma): (&[f64], f64, &[f64]),
    limit: f64,
    buf: &mut Buffers,
) -> f64 {
    let inst = &p.inst;
    let values = &inst.values[..];
    let count = inst.len();
    let mut positive_hours = 0.0;
    let hours = &inst.all_hours()[..count];
    let courses = &p.courses[..count];
    let (starts, items) = inst.cover_rows();
    let above = if p.above.is_empty() {
        hours
    } else {
        &p.above[..count]
    };
    for (j, ((&h, &course), (&least, ends))) in hours
        .iter()
        .zip(courses)
        .zip(above.iter().zip(starts.windows(2)))
        .enumerate()
    {
        let fits = least <= limit;
        if !fits {
            buf.profit.push(0.0);
            continue;
        }
        let mut profit = -lambda * h - sigma[course as usize];
        for &e in &items[ends[0] as usize..ends[1] as usize] {
            if values[e as usize] > 0.0 {
                profit += mu[e as usize];
            }
        }
        buf.profit.push(profit);
        if profit > 0.0 {
            buf.order.push(j as u32);
            positive_hours += h;
        }
    }
    positive_hours
}

/// A range of officers in [`prices`]: their gap multipliers `μ` and subgradient, officer
/// after officer, and the buffers of their parts.
struct Chunk {
    officers: Range<usize>,
    mu: Vec<f64>,
    g: Vec<f64>,
    buf: Buffers,
}

/// What a range's evaluation gives [`prices`].
struct Evaluated {
    /// Per officer, their part and the end of their candidates in `taken`.
    parts: Vec<(f64, usize)>,
    /// The candidates the relaxation takes, officer after officer.
    taken: Vec<u32>,
    /// The officers' bids for seats, when gathered.
    bids: Vec<(u32, f32)>,
    /// The squared norm of the range's subgradient (a sum of whole numbers).
    norm: f64,
}

impl Chunk {
    /// Moves the multipliers `step` along the subgradient of the last evaluation (when
    /// given), then evaluates the range's officers at the prices: their parts, the
    /// candidates taken and the new subgradient. O(z) for the range's candidate–gap pairs.
    fn evaluate(
        &mut self,
        dept: &Department<'_>,
        step: Option<f64>,
        lambda: f64,
        sigma: &[f64],
        bidding: bool,
    ) -> Evaluated {
        let Chunk {
            officers,
            mu,
            g,
            buf,
        } = self;
        let mut out = Evaluated {
            parts: Vec::with_capacity(officers.len()),
            taken: Vec::new(),
            bids: Vec::new(),
            norm: 0.0,
        };
        let mut at = 0;
        for o in officers.clone() {
            let values = &dept.officers[o].inst.values;
            let mu_o = &mut mu[at..at + values.len()];
            let g = &mut g[at..at + values.len()];
            if let Some(t) = step {
                for ((m, &g), &v) in mu_o.iter_mut().zip(g.iter()).zip(values) {
                    *m = (*m - t * g).clamp(0.0, v.max(0.0));
                }
            }
            let from = out.taken.len();
            let part = officer_part(
                dept,
                o,
                mu_o,
                lambda,
                sigma,
                buf,
                (&mut out.taken, bidding.then_some(&mut out.bids)),
            );
            // The squared norm counted as the subgradient is made, not in a pass of its
            // own: each element starts at −1 (counting 1) or 0, and each candidate taken
            // that covers it adds 1, raising its square by twice its value before plus 1.
            let before = out.norm;
            let mut below = 0u32;
            for ((g, &v), &m) in g.iter_mut().zip(values).zip(mu_o.iter()) {
                let short = v > 0.0 && v > m;
                below += u32::from(short);
                *g = if short { -1.0 } else { 0.0 };
            }
            out.norm += f64::from(below);
            let inst = &dept.officers[o].inst;
            for &j in &out.taken[from..] {
                for &e in inst.covers(j) {
                    let g = &mut g[e as usize];
                    out.norm += 2.0 * *g + 1.0;
                    *g += 1.0;
                }
            }
            debug_assert_eq!(
                (out.norm - before) as i64,
                g.iter().map(|g| (g * g) as i64).sum::<i64>(),
                "the officer's squared norm, whole numbers summed exactly"
            );
            out.parts.push((part, out.taken.len()));
            at += values.len();
        }
        out
    }
}

impl Prices {
    /// Lowers each officer's part to `alone[o]`, an upper bound on the most value officer
    /// `o` can close alone within the cap and the budget, where that is smaller, and sums
    /// the bound again. Still a bound, at any prices: with `λ, σ ≥ 0` a feasible enrolment
    /// `S` of the officer has `v(S) − λ h(S) − σ(S) ≤ v(S) ≤ alone[o]` as well as `≤ φ_o`,
    /// so weak duality holds with the smaller part. Where neither the budget nor a seat is
    /// priced, the bound is then the sum over officers of the smaller of their two bounds,
    /// and an officer whose plan within the cap the budgeted search proved optimal counts
    /// at that plan's value. O(n) for n officers.
    pub(crate) fn tighten(&mut self, dept: &Department<'_>, alone: &[f64]) {
        for (phi, &own) in self.phi.iter_mut().zip(alone) {
            *phi = phi.min(own);
        }
        // Summed as `prices` sums it, so a part lowered never raises the bound.
        let mut value = self.phi.iter().sum::<f64>();
        if dept.budget.is_finite() {
            value += self.lambda * (dept.budget + EPS);
        }
        for (c, &seats) in dept.seat_limit.iter().enumerate() {
            if seats != u32::MAX {
                value += self.sigma[c] * f64::from(seats);
            }
        }
        self.bound = self.bound.min(value);
    }
}

/// Improves the prices for `iterations` subgradient steps aimed at `target` (the value of
/// the best plan known) from the hour price `lambda`, and returns the best met. The steps
/// stop early once the bound meets the target.
#[allow(clippy::too_many_lines)] // one subgradient loop over three blocks of multipliers
pub(crate) fn prices(dept: &Department<'_>, target: f64, lambda: f64, iterations: u32) -> Prices {
    let budgeted = dept.budget.is_finite();
    let courses = dept.seat_limit.len();
    let limited: Vec<usize> = (0..courses)
        .filter(|&c| dept.seat_limit[c] != u32::MAX)
        .collect();
    // The officers in ranges, one per worker, each range with its officers' gap multipliers
    // and subgradient, officer after officer, and its buffers: every pass over the
    // multipliers runs on the plan's threads, each element alone, so the prices are those
    // of one thread.
    let mut chunks = map_ranges(dept.officers.len(), dept.threads, |officers| {
        let mu: Vec<f64> = officers
            .clone()
            .flat_map(|o| dept.officers[o].inst.values.iter().map(|&v| v.max(0.0)))
            .collect();
        Chunk {
            g: vec![0.0; mu.len()],
            mu,
            officers,
            buf: Buffers::default(),
        }
    });
    let mut lambda = if budgeted { lambda.max(0.0) } else { 0.0 };
    let mut sigma = vec![0.0; courses];
    let mut best = Prices {
        lambda,
        sigma: sigma.clone(),
        phi: vec![0.0; dept.officers.len()],
        bound: f64::INFINITY,
    };
    let mut phi = vec![0.0; dept.officers.len()];
    let mut used_seats = vec![0.0; courses];
    let mut theta = 1.0;
    let mut since_better = 0;
    // The multipliers' last step (`t`, along the subgradient), applied by each range at the
    // start of the next evaluation.
    let mut mu_step: Option<f64> = None;
    for iteration in 0..iterations.max(1) {
        used_seats.fill(0.0);
        let mut used_hours = 0.0;
        // The first iteration also gathers the officers' bids for seats (see
        // [`seat_prices`]), when seats are limited and a later iteration can use them.
        let bidding = iteration == 0 && !limited.is_empty() && iterations >= 2;
        // The officers' parts in parallel, each range with its own buffers: per officer
        // the part and the candidates the relaxation takes (each at x = 1), combined
        // below in officer order, so the sums are those of one thread; and the range's
        // subgradient with its squared norm, a sum of whole numbers, exact in any order.
        let step = mu_step.take();
        let ranges = map_parts(chunks.iter_mut().collect(), |chunk| {
            chunk.evaluate(dept, step, lambda, &sigma, bidding)
        });
        let market = if bidding {
            seat_prices(dept, ranges.iter().flat_map(|r| r.bids.iter().copied()))
        } else {
            Vec::new()
        };
        let mut o = 0;
        let mut norm_mu = 0.0;
        for range in &ranges {
            let mut from = 0;
            for &(part, to) in &range.parts {
                let p = dept.officers[o];
                phi[o] = part;
                for &j in &range.taken[from..to] {
                    used_hours += p.inst.hours(j);
                    used_seats[p.courses[j as usize] as usize] += 1.0;
                }
                from = to;
                o += 1;
            }
            norm_mu += range.norm;
        }
        let mut value = phi.iter().sum::<f64>();
        if budgeted {
            // The budget as plans are held to it (within EPS hours).
            value += lambda * (dept.budget + EPS);
        }
        for &c in &limited {
            value += sigma[c] * f64::from(dept.seat_limit[c]);
        }
        if value < best.bound - EPS * value.abs().max(1.0) {
            best.bound = value;
            best.lambda = lambda;
            best.sigma.copy_from_slice(&sigma);
            best.phi.copy_from_slice(&phi);
            since_better = 0;
        } else {
            since_better += 1;
            if since_better >= 5 {
                theta /= 2.0;
                since_better = 0;
            }
        }
        if value <= target + EPS * target.abs().max(1.0) || theta < 1e-3 {
            break;
        }
        // The second iteration tries the seats' market prices, the other prices kept.
        if market.iter().any(|&price| price > 0.0) {
            sigma = market;
            continue;
        }
        // One Polyak step per block of multipliers, each scaled by its own norm: hours,
        // seats and gap links are in different units.
        let gap = (value - target).max(EPS);
        let g_lambda = if budgeted {
            dept.budget - used_hours
        } else {
            0.0
        };
        let norm_sigma: f64 = limited
            .iter()
            .map(|&c| (f64::from(dept.seat_limit[c]) - used_seats[c]).powi(2))
            .sum();
        let blocks = [norm_mu, g_lambda * g_lambda, norm_sigma]
            .iter()
            .filter(|&&n| n > 0.0)
            .count()
            .max(1) as f64;
        if norm_mu > 0.0 {
            mu_step = Some(theta * gap / norm_mu / blocks);
        }
        if g_lambda != 0.0 {
            lambda = (lambda - theta * gap / g_lambda / blocks).max(0.0);
        }
        if norm_sigma > 0.0 {
            let t = theta * gap / norm_sigma / blocks;
            for &c in &limited {
                let g = f64::from(dept.seat_limit[c]) - used_seats[c];
                sigma[c] = (sigma[c] - t * g).max(0.0);
            }
        }
    }
    best
}

/// Each course's market-clearing seat price: with `S` seats and more than `S` positive bids
/// (an officer's bid is what a candidate of the course adds at the current prices, as
/// [`officer_part`] values it), the `(S + 1)`-th highest bid; otherwise 0. Without a cap,
/// prerequisites or shared gaps, the bound is linear in each price beside a sum of
/// `max(0, bid − σ)`, which this price minimises exactly (a seat goes to the `S` highest
/// bidders); elsewhere it is a starting point the subgradient steps improve. O(b) for `b`
/// bids (counted by course, then one selection per course).
pub(super) fn seat_prices(
    dept: &Department<'_>,
    bids: impl Iterator<Item = (u32, f32)> + Clone,
) -> Vec<f64> {
    let courses = dept.seat_limit.len();
    let mut start = vec![0usize; courses + 1];
    for (course, _) in bids.clone() {
        start[course as usize + 1] += 1;
    }
    for c in 0..courses {
        start[c + 1] += start[c];
    }
    let mut next = start.clone();
    let mut sorted = vec![0.0_f32; start[courses]];
    for (course, bid) in bids {
        sorted[next[course as usize]] = bid;
        next[course as usize] += 1;
    }
    (0..courses)
        .map(|c| {
            let seats = dept.seat_limit[c] as usize;
            let course_bids = &mut sorted[start[c]..start[c + 1]];
            if seats == u32::MAX as usize || course_bids.len() <= seats {
                return 0.0;
            }
            let (_, &mut bid, _) = course_bids.select_nth_unstable_by(seats, |a, b| b.total_cmp(a));
            f64::from(bid)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::prices;
    use crate::planning::cover::Instance;
    use crate::planning::department::plan::{Department, Subproblem};

    /// An officer lacking one gap worth `value`, closed by course 0.
    fn lacking(value: f64) -> Subproblem {
        let mut inst = Instance::with_capacity(vec![value], 1, 1);
        inst.push(1.0, 1.0, &[0], &[]);
        inst.finish();
        Subproblem::new(inst, vec![0])
    }

    /// Three officers bid 5, 7 and 9 for the one seat of a course: priced at the second
    /// highest bid, the bound is the optimum, 9, from its second evaluation on (at a price
    /// of 0 it is 21).
    #[test]
    #[allow(clippy::float_cmp)] // whole values and prices, summed exactly
    fn a_seat_priced_at_its_market_gives_the_optimum() {
        let officers = [lacking(5.0), lacking(7.0), lacking(9.0)];
        let refs: Vec<&Subproblem> = officers.iter().collect();
        let dept = Department::for_tests(&refs, &[1], f64::INFINITY);
        assert_eq!(prices(&dept, 0.0, 0.0, 1).bound, 21.0);
        let priced = prices(&dept, 0.0, 0.0, 2);
        assert_eq!(priced.bound, 9.0);
        assert_eq!(priced.sigma, vec![7.0]);
        // With seats for all three, no seat has a price.
        let dept = Department::for_tests(&refs, &[3], f64::INFINITY);
        assert_eq!(prices(&dept, 0.0, 0.0, 2).bound, 21.0);
    }

    /// A course worth 10 needs a course of 3 hours before its own 3: within a cap of 6
    /// hours the bound keeps its value, within 5.9 hours no enrolment holds it and the
    /// bound is 0.
    #[test]
    fn a_course_past_the_cap_with_its_prerequisites_leaves_the_bound() {
        let mut inst = Instance::with_capacity(vec![10.0], 2, 1);
        inst.push(3.0, 3.0, &[], &[]);
        inst.push(3.0, 3.0, &[0], &[0]);
        inst.finish();
        let officer = Subproblem::new(inst, vec![0, 1]);
        let refs = [&officer];
        let within = prices(
            &Department::for_tests(&refs, &[u32::MAX; 2], 6.0),
            0.0,
            0.0,
            3,
        );
        assert!(within.bound >= 10.0, "{}", within.bound);
        let past = prices(
            &Department::for_tests(&refs, &[u32::MAX; 2], 5.9),
            0.0,
            0.0,
            3,
        );
        assert!(past.bound.abs() < 1e-9, "{}", past.bound);
    }
}
