//! The density bound of budgeted plans: a fractional knapsack over the open elements, each
//! weighing the least hours per element of a course closing it, and the rounding shared by
//! every budget bound.

use super::instance::{EPS, Instance};
use super::state::State;
use crate::model::order;

/// A proven upper bound on the value of any plan extending `state` without the `excluded`
/// candidates (nor those requiring one), within `budget` hours: the value closed plus a
/// fractional knapsack over the open elements worth something, each weighing the least
/// hours per element of a free candidate closing it (`hours / open elements it closes`).
/// Any extension pays at least that for the elements it closes (split each chosen
/// candidate's hours evenly over the open elements it closes), so the bound holds.
/// `blocked`, when given, marks further candidates that cannot be taken. Plans are held
/// to `budget` within [`EPS`] hours (the slack every comparison of hours with a budget or
/// cap allows), so the knapsack is filled to `budget + EPS`: two courses of 4·10⁻¹⁰ h fit
/// a budget of 0, and a bound within the budget alone would fall below such a plan.
///
/// O(m + k + Σ over the open elements of their closers + Σ over those closers of their
/// elements) time for m candidates and k elements, plus sorting the open elements.
pub(crate) fn upper_bound(
    inst: &Instance,
    state: &State,
    excluded: &[bool],
    budget: f64,
    blocked: Option<&[bool]>,
) -> f64 {
    let value = state.value(inst);
    let room = budget + EPS - state.hours();
    let is_free = |j: u32| {
        !state.chosen[j as usize]
            && !excluded.get(j as usize).copied().unwrap_or(false)
            && !blocked.is_some_and(|b| b[j as usize])
    };
    let open = |e: u32| state.cover_count[e as usize] == 0 && inst.values[e as usize] > 0.0;
    // Each candidate's open elements, counted once (0: not yet counted): counted again for
    // every element it closes, a course closing n elements cost n² here.
    let mut open_closed = vec![0usize; inst.len()];
    let mut items: Vec<(f64, f64)> = Vec::new();
    for e in 0..inst.values.len() as u32 {
        if !open(e) {
            continue;
        }
        let mut weight = f64::INFINITY;
        for &j in inst.closers(e) {
            if is_free(j) {
                let n = &mut open_closed[j as usize];
                if *n == 0 {
                    *n = inst.covers(j).iter().filter(|&&f| open(f)).count().max(1);
                }
                weight = weight.min(inst.hours(j) / *n as f64);
            }
        }
        if weight <= room {
            items.push((inst.values[e as usize], weight));
        }
    }
    order::sort_by(&mut items, |a, b| (b.0 / b.1).total_cmp(&(a.0 / a.1)));
    let mut left = room;
    let mut extra = 0.0;
    for (v, w) in items {
        if w <= left {
            extra += v;
            left -= w;
        } else {
            extra += v * (left / w).max(0.0);
            break;
        }
    }
    value + extra
}

/// The smaller of two upper bounds, rounded down to the values' common unit when they have
/// one ([`Instance::round_down_value`]): every plan's value is a whole multiple of it. On
/// the department-sized instances of `bench_plans`, where every gap is worth 3 levels,
/// this takes the budgets' relaxation bound 15,341.3 to 15,339 rather than 15,341.
pub(super) fn tightest(inst: &Instance, a: f64, b: f64) -> f64 {
    inst.round_down_value(a.min(b))
}
