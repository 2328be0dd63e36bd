//! One officer's problem in a department plan ([`Subproblem`]): the cover instance, the
//! course behind each candidate, and what the greedy's scans and shortcuts read of it,
//! found once when the problem is built.

use crate::planning::cover::{Instance, Leaders, Scan, deep, sums_exact};

/// One officer's selection problem: the cover instance and the course behind each of its
/// candidates.
pub(crate) struct Subproblem {
    pub(crate) inst: Instance,
    pub(crate) courses: Vec<u32>,
    /// The fewest hours of any candidate (infinite without candidates): with fewer hours
    /// left, the officer has no step, found without a scan.
    pub(crate) min_hours: f64,
    /// The hours of all candidates together.
    pub(crate) total_hours: f64,
    /// How scans read the candidates (see `cover::Scan`).
    pub(crate) scan: Scan,
    /// With [`Scan::Walks`], the candidates in the order a scan reads them, highest bound
    /// on the value per hour of their step first, so that it stops once no candidate left
    /// can rank among the steps kept (see `cover::Leaders`); `None` with [`Scan::Pass`].
    pub(crate) leaders: Option<Leaders>,
    /// Per candidate `c`, the most value per hour any one candidate closes alone (all its
    /// elements of value open) among the closures of `c` and of every candidate requiring
    /// it, transitively (see [`reach`]); empty without prerequisites or when sums of hours
    /// and values are not exact.
    pub(crate) reach: Vec<f64>,
    /// Per candidate, the most hours of a chain of candidates requiring it one after the
    /// other (see [`heaviest_below`]); empty when `reach` is, or some candidate takes no
    /// hours.
    pub(crate) below: Vec<f64>,
    /// Per candidate, the fewest hours of any enrolment holding it (see [`heaviest_above`]);
    /// empty without prerequisites, where it is each candidate's own hours.
    pub(crate) above: Vec<f64>,
}

impl Subproblem {
    /// The problem of `inst`, whose candidates are `courses`, with what its scans, leaders
    /// and the greedy's shortcuts read: one pass over the candidates in prerequisite order
    /// finds every candidate's closure value (for [`Leaders`]), the paths of its closure
    /// (for [`Scan`]), [`heaviest_above`] and the first half of [`reach`], and one pass
    /// back the rest of [`reach`] and [`heaviest_below`]: each candidate's covers and links
    /// read once or twice, not once for each of them. Debug builds check every part
    /// against its own function. O(n + q + z) for n candidates, q prerequisite links and
    /// z covered elements (and the leaders' selection).
    pub(crate) fn new(inst: Instance, courses: Vec<u32>) -> Subproblem {
        let min_hours = (0..inst.len() as u32)
            .map(|c| inst.hours(c))
            .fold(f64::INFINITY, f64::min);
        let total_hours = (0..inst.len() as u32).map(|c| inst.hours(c)).sum();
        let n = inst.len();
        let prerequisites = inst.has_prerequisites();
        let exact = prerequisites && sums_exact(&inst);
        let sized = |on: bool| if on { vec![0.0_f64; n] } else { Vec::new() };
        let mut closure = vec![0.0_f64; n];
        let mut above = sized(prerequisites);
        let mut reach = sized(exact);
        let mut below = sized(exact && min_hours > 0.0);
        let mut paths = if prerequisites {
            vec![0_u64; n]
        } else {
            Vec::new()
        };
        let (mut total, mut links) = (0_u64, 0_u64);
        // Every fold below runs in the order of the function it stands for, so the sums
        // and maxima are theirs bit for bit.
        for &c in inst.topo() {
            let own = inst.own_value(c);
            let pre = inst.prerequisites(c);
            let at = c as usize;
            closure[at] = pre.iter().fold(own, |sum, &p| sum + closure[p as usize]);
            if !prerequisites {
                continue;
            }
            let hours = inst.hours(c);
            above[at] = hours + pre.iter().map(|&p| above[p as usize]).fold(0.0, f64::max);
            let k = pre
                .iter()
                .fold(1_u64, |k, &d| k.saturating_add(paths[d as usize]));
            paths[at] = k;
            total = total.saturating_add(k);
            links += pre.len() as u64;
            if exact {
                let ratio = match (own > 0.0, hours > 0.0) {
                    (false, _) => 0.0,
                    (true, false) => f64::INFINITY,
                    (true, true) => own / hours,
                };
                reach[at] = pre.iter().map(|&d| reach[d as usize]).fold(ratio, f64::max);
            }
        }
        if exact {
            back(&inst, &mut reach, &mut below);
        }
        let scan = if prerequisites && deep(n, total, links) {
            Scan::Pass { exact }
        } else {
            Scan::Walks
        };
        let leaders = match scan {
            Scan::Walks => Leaders::from_closure(&inst, &closure),
            Scan::Pass { .. } => None,
        };
        let p = Subproblem {
            inst,
            courses,
            min_hours,
            total_hours,
            scan,
            leaders,
            reach,
            below,
            above,
        };
        debug_assert!(
            p.as_each_function_finds(),
            "one pass finds what each function finds"
        );
        p
    }

    /// Whether the scan, leaders, `above`, `reach` and `below` are what [`Scan::of`],
    /// [`Leaders::of`], [`heaviest_above`], [`reach`] and [`heaviest_below`] find, bit for
    /// bit (debug checks and tests).
    fn as_each_function_finds(&self) -> bool {
        let inst = &self.inst;
        let prerequisites = inst.has_prerequisites();
        let exact = prerequisites && sums_exact(inst);
        let walks = Scan::of(inst) == Scan::Walks;
        let either = |on: bool, f: fn(&Instance) -> Vec<f64>| if on { f(inst) } else { Vec::new() };
        self.scan == Scan::of(inst)
            && self.leaders == walks.then(|| Leaders::of(inst)).flatten()
            && bits(&self.above) == bits(&either(prerequisites, heaviest_above))
            && bits(&self.reach) == bits(&either(exact, reach))
            && bits(&self.below) == bits(&either(exact && self.min_hours > 0.0, heaviest_below))
    }
}

/// The most hours an enrolment holding a candidate may take for it to fit in `limit`
/// hours, allowing for the rounding of sums (one part in 10⁹): a candidate whose
/// [`heaviest_above`] (its own hours, without prerequisites) is more is in no enrolment
/// within `limit`. Found once, a pass over many candidates compares with it alone. O(1).
pub(crate) fn within(limit: f64) -> f64 {
    limit + 1e-9 * limit.abs().max(1.0)
}

/// The second pass of [`Subproblem::new`], dependants first: [`reach`] finished from its
/// first pass (`reach` holding each candidate's own ratio raised to its prerequisites'),
/// and [`heaviest_below`] when `below` is not empty. O(n + q).
fn back(inst: &Instance, reach: &mut [f64], below: &mut [f64]) {
    for &c in inst.topo().iter().rev() {
        let dependants = inst.dependants(c);
        let at = c as usize;
        if !below.is_empty() {
            below[at] = dependants
                .iter()
                .map(|&d| inst.hours(d) + below[d as usize])
                .fold(0.0, f64::max);
        }
        reach[at] = dependants
            .iter()
            .map(|&d| reach[d as usize])
            .fold(reach[at], f64::max);
    }
}

/// Per candidate `c`, its hours and the most of its prerequisites' (recursively): the hours
/// of the heaviest chain `c → p₁ → p₂ → …` of candidates each required by the one before.
/// Every enrolment holding `c` holds that chain, so it takes at least these hours (a lower
/// bound on the hours of `c`'s closure, exact on a chain). One pass, prerequisites first,
/// O(n + q).
fn heaviest_above(inst: &Instance) -> Vec<f64> {
    let mut above = vec![0.0_f64; inst.len()];
    for &c in inst.topo() {
        above[c as usize] = inst.hours(c)
            + inst
                .prerequisites(c)
                .iter()
                .map(|&p| above[p as usize])
                .fold(0.0, f64::max);
    }
    above
}

/// Per candidate `c`, the most hours of a chain `c ← d₁ ← d₂ ← …` of candidates each
/// requiring the one before (without `c`'s own). Every candidate of such a chain requires
/// `c`, so when `c` is chosen and the unchosen candidates take no more hours than this
/// (every candidate taking some), they all require `c`. One pass, dependants first,
/// O(n + q).
fn heaviest_below(inst: &Instance) -> Vec<f64> {
    let mut below = vec![0.0_f64; inst.len()];
    for &c in inst.topo().iter().rev() {
        below[c as usize] = inst
            .dependants(c)
            .iter()
            .map(|&d| inst.hours(d) + below[d as usize])
            .fold(0.0, f64::max);
    }
    below
}

/// Per candidate `c`, the greatest value per hour of a candidate alone (its elements of
/// positive value summed over its hours; infinite for value in no hours) among every
/// candidate of the closure of `c` or of a candidate requiring `c`, transitively. Whatever
/// is chosen, a step adding `c`'s unchosen closure and more (a step of a candidate requiring
/// `c`) adds value per hour at most the greater of `c`'s step's and this: the further
/// candidates add at most their own value, each at most this much per hour (the mediant).
/// Two passes over the prerequisite graph, O(n + q + z) for n candidates, q prerequisite
/// links and z covered elements.
fn reach(inst: &Instance) -> Vec<f64> {
    let mut reach = vec![0.0_f64; inst.len()];
    for &c in inst.topo() {
        let value = inst.own_value(c);
        let own = match (value > 0.0, inst.hours(c) > 0.0) {
            (false, _) => 0.0,
            (true, false) => f64::INFINITY,
            (true, true) => value / inst.hours(c),
        };
        let above = inst
            .prerequisites(c)
            .iter()
            .map(|&d| reach[d as usize])
            .fold(own, f64::max);
        reach[c as usize] = above;
    }
    for &c in inst.topo().iter().rev() {
        let below = inst
            .dependants(c)
            .iter()
            .map(|&d| reach[d as usize])
            .fold(reach[c as usize], f64::max);
        reach[c as usize] = below;
    }
    reach
}

/// The bits of `values`, to compare floats exactly (debug checks).
fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

#[cfg(test)]
mod tests {
    use super::{Subproblem, bits, heaviest_above, heaviest_below, reach};
    use crate::planning::cover::{Instance, Leaders, Scan};

    /// A random instance: `n` candidates, each closing one or two of `n + 3` elements,
    /// requiring up to three earlier ones, hours and values from the lists (zeros, thirds
    /// and fractions of 2⁻¹⁰ included, so sums are exact in some and not in others).
    fn random(seed: u64, n: u32, hours: &[f64], values: &[f64]) -> Instance {
        let mut x = seed;
        let mut next = move |k: u32| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            u32::try_from((x >> 33) % u64::from(k)).unwrap_or(0)
        };
        let elements = n + 3;
        let element_values = (0..elements)
            .map(|_| values[next(values.len() as u32) as usize])
            .collect();
        let mut inst = Instance::with_capacity(element_values, n as usize, 0);
        for i in 0..n {
            let mut covers = vec![next(elements)];
            covers.push(next(elements));
            covers.sort_unstable();
            covers.dedup();
            let mut pre: Vec<u32> = (0..next(4)).filter(|_| i > 0).map(|_| next(i)).collect();
            pre.sort_unstable();
            pre.dedup();
            let h = hours[next(hours.len() as u32) as usize];
            inst.push(h, h, &covers, &pre);
        }
        inst.finish();
        inst
    }

    /// The one pass of `Subproblem::new` finds what each function finds alone, bit for
    /// bit, on instances with and without prerequisites, exact sums and zero hours.
    #[test]
    fn one_pass_finds_what_each_function_finds() {
        let hour_lists: [&[f64]; 3] = [&[1.0, 2.0, 0.5], &[0.0, 1.0, 3.0], &[1.0 / 3.0, 2.0]];
        let value_lists: [&[f64]; 3] = [&[0.0, 1.0, 2.0], &[0.25, 3.0], &[0.1, 1e9, 0.0]];
        let mut walked = 0;
        for seed in 0..300_u64 {
            let n = 1 + (seed % 40) as u32;
            let hours = hour_lists[(seed % 3) as usize];
            let values = value_lists[(seed / 3 % 3) as usize];
            let inst = random(seed, n, hours, values);
            let p = Subproblem::new(inst.clone(), (0..n).collect());
            let pre = inst.has_prerequisites();
            let exact = pre && crate::planning::cover::sums_exact(&inst);
            assert_eq!(p.scan, Scan::of(&inst), "{seed}");
            if p.scan == Scan::Walks {
                walked += 1;
                assert_eq!(p.leaders, Leaders::of(&inst), "{seed}");
            } else {
                assert_eq!(p.leaders, None, "{seed}");
            }
            let empty = Vec::new;
            let above = if pre { heaviest_above(&inst) } else { empty() };
            assert_eq!(bits(&p.above), bits(&above), "{seed}");
            let r = if exact { reach(&inst) } else { empty() };
            assert_eq!(bits(&p.reach), bits(&r), "{seed}");
            let below = if exact && p.min_hours > 0.0 {
                heaviest_below(&inst)
            } else {
                empty()
            };
            assert_eq!(bits(&p.below), bits(&below), "{seed}");
        }
        assert!(walked > 100, "most instances are walked: {walked}");
    }
}
