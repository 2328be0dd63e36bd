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
    value + knapsack(inst, room, is_free, open, &mut DensityBuffers::default())
}

/// Buffers of [`empty_upper_bound`], kept from one instance to the next (one per thread).
#[derive(Default)]
pub(crate) struct DensityBuffers {
    /// Per candidate, its open elements (0: not yet counted).
    open_closed: Vec<usize>,
    /// The knapsack's items: value and weight.
    items: Vec<(f64, f64)>,
}

/// [`upper_bound`] of the empty plan of `inst`, nothing excluded, within `budget` hours,
/// bit for bit, in `buffers` rather than an empty [`State`] and buffers of its own:
/// a department plan bounds every officer alone this way, each from nothing. Same
/// complexity as [`upper_bound`].
pub(crate) fn empty_upper_bound(inst: &Instance, budget: f64, buffers: &mut DensityBuffers) -> f64 {
    // What `upper_bound` reads of an empty state: nothing closed, no hours, every
    // candidate free.
    let room = budget + EPS - 0.0;
    let open = |e: u32| inst.values[e as usize] > 0.0;
    0.0 + knapsack(inst, room, |_| true, open, buffers)
}

/// The fractional knapsack of [`upper_bound`] within `room` hours over the elements that
/// are `open`, each weighing the least hours per open element of a candidate `is_free`
/// closing it; returns the value it holds.
#[inline]
fn knapsack(
    inst: &Instance,
    room: f64,
    is_free: impl Fn(u32) -> bool,
    open: impl Fn(u32) -> bool,
    buffers: &mut DensityBuffers,
) -> f64 {
    // Each candidate's open elements, counted once (0: not yet counted): counted again for
    // every element it closes, a course closing n elements cost n² here.
    let open_closed = &mut buffers.open_closed;
    open_closed.clear();
    open_closed.resize(inst.len(), 0);
    let items = &mut buffers.items;
    items.clear();
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
    order::sort_by(items, |a, b| (b.0 / b.1).total_cmp(&(a.0 / a.1)));
    let mut left = room;
    let mut extra = 0.0;
    for &(v, w) in items.iter() {
        if w <= left {
            extra += v;
            left -= w;
        } else {
            extra += v * (left / w).max(0.0);
            break;
        }
    }
    extra
}

/// The smaller of two upper bounds, rounded down to the values' common unit when they have
/// one ([`Instance::round_down_value`]): every plan's value is a whole multiple of it. On
/// the department-sized instances of `bench_plans`, where every gap is worth 3 levels,
/// this takes the budgets' relaxation bound 15,341.3 to 15,339 rather than 15,341.
pub(super) fn tightest(inst: &Instance, a: f64, b: f64) -> f64 {
    inst.round_down_value(a.min(b))
}
