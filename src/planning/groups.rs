//! Officers of a cohort grouped by their gaps against one post, for the successor search:
//! officers short of the same requirements, with the same completed courses, get the same
//! learning path, so the search plans each group once.

use crate::Cohort;
use crate::model::csr::Csr;
use crate::model::framework::Req;
use crate::model::gap_cost::GapCost;
use crate::model::order;
use crate::people::cohort::unpack;
use crate::people::held::Levels;
use crate::planning::bounds::clearly_above;

/// Per competency type, the required levels held (`min(current, required)` summed) by an
/// officer holding the packed levels `held` (sorted).
pub(crate) fn met_levels(reqs: &[Req], held: Levels) -> [u32; 3] {
    let mut met = [0u32; 3];
    let mut h = 0;
    for r in reqs {
        while held.get(h).is_some_and(|x| unpack(x).0 < r.competency) {
            h += 1;
        }
        if let Some((c, level)) = held.get(h).map(unpack)
            && c == r.competency
        {
            met[r.kind as usize] += u32::from(level.min(r.level));
        }
    }
    met
}

/// Per officer of `officers`, the mask of the requirements of `reqs` they are short of
/// (`words` words each, bit `j` for `reqs[j]`), `held_of(i)` giving officer `i`'s packed held
/// levels (sorted by competency, one level per competency, as a [`Cohort`] holds them): a
/// requirement is short when the level held of its competency (0 when none) is below the
/// required level. Every requirement above level 0 starts short, and each held level
/// clears the bit of the requirement of its competency when it reaches the required level.
/// A position requires a competency at most once and an officer holds it at one level, so
/// a table from competency to requirement, filled once per call, finds each held level's
/// requirement with one load instead of a merge of the two sorted lists.
///
/// # Complexity
/// O(r + c' + n·(h + w)) for r requirements, c' the largest competency index they name, n
/// officers with h held levels each and w words per mask.
fn gap_masks<I: IntoIterator<Item = u32>>(
    held_of: impl Fn(u32) -> I,
    officers: &[u32],
    reqs: &[Req],
    words: usize,
) -> Vec<u64> {
    let top = reqs
        .iter()
        .map(|r| r.competency as usize + 1)
        .max()
        .unwrap_or(0);
    // Per competency, 1 + the index of the requirement of it (0: not required).
    let mut requirement = vec![0u32; top];
    let mut full = vec![0u64; words];
    for (j, r) in reqs.iter().enumerate() {
        if let Some(slot) = requirement.get_mut(r.competency as usize) {
            *slot = j as u32 + 1;
        }
        if r.level > 0 {
            full[j / 64] |= 1 << (j % 64);
        }
    }
    let mut masks = Vec::with_capacity(officers.len() * words);
    for &i in officers {
        let from = masks.len();
        masks.extend_from_slice(&full);
        let mask = &mut masks[from..];
        for x in held_of(i) {
            let (c, level) = unpack(x);
            let j = requirement.get(c as usize).map_or(0, |&j| j as usize);
            if j > 0 && reqs.get(j - 1).is_some_and(|r| level >= r.level) {
                mask[(j - 1) / 64] &= !(1 << ((j - 1) % 64));
            }
        }
    }
    masks
}

/// Officers grouped by what their plan for one post depends on: which of its requirements
/// they are short of, and which courses they completed. Members of a group get the same
/// plan, so a search plans a group once.
pub(crate) struct Groups {
    /// Words of a gap mask: bit `j` for requirement `j` of the post.
    words: usize,
    /// Per group, its gap mask.
    masks: Vec<u64>,
    /// Per group, its members (officer indices, ascending).
    members: Csr<u32>,
}

impl Groups {
    /// Groups `officers` (ascending) by their gaps against `reqs` and their completions.
    ///
    /// # Complexity
    /// O(r + c' + n·(h + w)) for n officers with h held competencies each against r
    /// requirements (w = ⌈r/64⌉ words of a gap mask, c' the largest competency index
    /// required), plus sorting the officers by gap mask and completions, O(n log n) comparisons;
    /// memory O(n·r/64).
    pub(crate) fn new(cohort: &Cohort, officers: &[u32], reqs: &[Req]) -> Groups {
        let words = reqs.len().div_ceil(64).max(1);
        let masks = gap_masks(|i| cohort.held_of(i), officers, reqs, words);
        // Sorting, not hashing: no hash to flood, and equal keys end up side by side. First
        // by the mask's first word alone (a flat sort of integers), then runs that tie on it
        // by the whole key, when there is more to compare.
        let mask = |k: usize| &masks[k * words..(k + 1) * words];
        let mut keyed: Vec<(u64, u32)> = (0..officers.len())
            .map(|k| (masks[k * words], k as u32))
            .collect();
        order::sort_unstable(&mut keyed);
        let mut order: Vec<u32> = keyed.iter().map(|&(_, k)| k).collect();
        let completed = |k: usize| cohort.completed_of(officers[k]);
        let mut run = 0;
        while run < keyed.len() {
            let end = run + keyed[run..].partition_point(|&(w, _)| w == keyed[run].0);
            let slice = &mut order[run..end];
            if words > 1 || slice.iter().any(|&k| !completed(k as usize).is_empty()) {
                order::sort_unstable_by(slice, |&a, &b| {
                    let (a, b) = (a as usize, b as usize);
                    mask(a)
                        .cmp(mask(b))
                        .then_with(|| completed(a).cmp(completed(b)))
                        .then(a.cmp(&b))
                });
            }
            run = end;
        }
        let mut firsts: Vec<usize> = Vec::new();
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(officers.len());
        for (n, &k) in order.iter().enumerate() {
            let k = k as usize;
            let same = n > 0 && {
                let prev = order[n - 1] as usize;
                mask(prev) == mask(k) && completed(prev) == completed(k)
            };
            if !same {
                firsts.push(k);
            }
            pairs.push(((firsts.len() - 1) as u32, officers[k]));
        }
        let members = Csr::group(firsts.len(), &pairs);
        let masks = firsts
            .iter()
            .flat_map(|&k| mask(k).iter().copied())
            .collect();
        Groups {
            words,
            masks,
            members,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.masks.len() / self.words
    }

    pub(crate) fn members(&self, g: u32) -> &[u32] {
        self.members.row(g)
    }

    pub(crate) fn first(&self, g: u32) -> u32 {
        self.members(g).first().copied().unwrap_or(0)
    }

    pub(crate) fn completed<'c>(&self, cohort: &'c Cohort, g: u32) -> &'c [u32] {
        cohort.completed_of(self.first(g))
    }

    /// Calls `each(j)` for each requirement `j` the group is short of, in order.
    pub(crate) fn each_short(&self, g: u32, mut each: impl FnMut(usize)) {
        let g = g as usize;
        for (w, &word) in self.masks[g * self.words..(g + 1) * self.words]
            .iter()
            .enumerate()
        {
            let mut bits = word;
            while bits != 0 {
                each(w * 64 + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
    }
}

/// How many refuted gap sets a [`Refuted`] keeps: a constant, so comparing a set with them
/// stays linear in the sets taken.
const REFUTED_KEPT: usize = 1024;

/// Groups a proof put after the k-th result of the moment (the first [`REFUTED_KEPT`]),
/// each with a lower bound on its least hours and, per requirement it is short of, an
/// upper bound on the least hours closing that gap alone (the cheapest closer with its
/// pending prerequisite closure: the single gap's optimum).
///
/// The k-th only improves, so a refuted group stays after it. Two rules carry a proof over
/// to a group `g` with the same completed courses (so the same courses close each gap):
/// - `g` short of every requirement a refuted `b` is short of ranks after the k-th too (a
///   plan for `g` covers `b`'s gaps, with as many unclosable ones);
/// - otherwise, when every requirement `b` is short of and `g` is not is closable, a plan
///   for `g` plus each such gap's cheapest closure covers `b`'s closable gaps, so `g`'s
///   least hours are at least `b`'s bound less those closures' hours, and `g`'s unclosable
///   gaps include `b`'s.
pub(crate) struct Refuted {
    /// The refuted groups.
    groups: Vec<u32>,
    /// Per refuted group, a proven lower bound on the least hours closing its closable
    /// gaps (whether its hours or its unclosable gaps refuted it).
    hours: Vec<f64>,
    /// Per refuted group, per requirement of the post, an upper bound on the least hours
    /// closing that gap alone (infinite when not short of it, or when no course closes it).
    closure: Vec<f64>,
    /// Requirements of the post.
    width: usize,
}

impl Refuted {
    /// No group refuted yet, for a post of `requirements` requirements.
    pub(crate) fn new(requirements: usize) -> Refuted {
        Refuted {
            groups: Vec::new(),
            hours: Vec::new(),
            closure: Vec::new(),
            width: requirements,
        }
    }

    /// Records group `g` (one of `groups`) as refuted with least hours at least `hours`;
    /// `costs` holds the costs of its gaps in requirement order, as [`Groups::each_short`]
    /// visits them. Past [`REFUTED_KEPT`] groups nothing is recorded.
    pub(crate) fn push(&mut self, groups: &Groups, g: u32, hours: f64, costs: &[GapCost]) {
        if self.groups.len() == REFUTED_KEPT {
            return;
        }
        self.groups.push(g);
        self.hours.push(hours);
        let from = self.closure.len();
        self.closure.resize(from + self.width, f64::INFINITY);
        let mut k = 0;
        groups.each_short(g, |j| {
            if let Some(cost) = costs.get(k) {
                self.closure[from + j] = cost.closure_at_most;
            }
            k += 1;
        });
    }

    /// Whether the second rule puts group `g` after the k-th result, comparing with the
    /// refuted groups `b` for which `same(b)` holds; `kth_hours` is the k-th's hours when
    /// `g` has as many unclosable gaps as the k-th (the rule needs that), and `costs` those
    /// of `g`'s gaps. A group the rule puts after the k-th is recorded with the bound it
    /// gives. The first rule ([`Refuted::contained_in`]) needs no costs, so callers ask it
    /// first.
    pub(crate) fn rule_out(
        &mut self,
        groups: &Groups,
        g: u32,
        same: impl Fn(u32) -> bool,
        kth_hours: Option<f64>,
        costs: &[GapCost],
    ) -> bool {
        let Some(hours) = kth_hours else {
            return false;
        };
        let bound = self.bound(groups, g, &same);
        let out = clearly_above(bound, hours);
        if out {
            self.push(groups, g, bound, costs);
        }
        out
    }

    /// The first rule: whether group `g` is short of every requirement some refuted group
    /// `b` is short of, among those for which `same(b)` holds. O(m·w) for m refuted groups
    /// of w mask words.
    pub(crate) fn contained_in(&self, groups: &Groups, g: u32, same: impl Fn(u32) -> bool) -> bool {
        let w = groups.words;
        let mask = &groups.masks[g as usize * w..(g as usize + 1) * w];
        self.groups.iter().any(|&b| {
            let other = &groups.masks[b as usize * w..(b as usize + 1) * w];
            mask.iter().zip(other).all(|(a, b)| a & b == *b) && same(b)
        })
    }

    /// The best lower bound on group `g`'s least hours the second rule gives, over the
    /// refuted groups `b` for which `same(b)` holds (negative infinity when none applies).
    fn bound(&self, groups: &Groups, g: u32, same: impl Fn(u32) -> bool) -> f64 {
        let w = groups.words;
        let mask = &groups.masks[g as usize * w..(g as usize + 1) * w];
        let mut best = f64::NEG_INFINITY;
        for (n, &b) in self.groups.iter().enumerate() {
            let other = &groups.masks[b as usize * w..(b as usize + 1) * w];
            let closure = &self.closure[n * self.width..(n + 1) * self.width];
            let mut left = self.hours[n];
            for (word, (&a, &o)) in mask.iter().zip(other).enumerate() {
                let mut bits = o & !a;
                while bits != 0 && left > best {
                    left -= closure[word * 64 + bits.trailing_zeros() as usize];
                    bits &= bits - 1;
                }
            }
            if left > best && same(b) {
                best = left;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::gap_masks;
    use crate::model::framework::Req;
    use crate::people::cohort::unpack;

    /// Calls `each(i)` for every requirement `reqs[i]` an officer holding the packed levels
    /// `held` (sorted) is short of.
    fn each_short(reqs: &[Req], held: &[u32], mut each: impl FnMut(usize)) {
        let mut h = 0;
        for (i, r) in reqs.iter().enumerate() {
            while h < held.len() && unpack(held[h]).0 < r.competency {
                h += 1;
            }
            let current = match held.get(h).map(|&x| unpack(x)) {
                Some((c, level)) if c == r.competency => level,
                _ => 0,
            };
            if current < r.level {
                each(i);
            }
        }
    }

    #[test]
    fn gap_masks_mark_the_requirements_the_merge_finds_short() {
        let mut next = crate::model::test_rng::below(0x853c_49e6_748f_ea9bu64);
        for round in 0..300 {
            let competencies = 1 + next(200) as u32;
            // A post: distinct competencies, ascending, levels 0 to 5 (up to 150 of them,
            // so masks of one to three words; none in some rounds).
            let mut reqs: Vec<Req> = Vec::new();
            for c in 0..competencies {
                if reqs.len() < 150 && round % 11 != 0 && (round % 7 == 0 || next(4) == 0) {
                    let level = next(6) as u8;
                    reqs.push(Req {
                        competency: c,
                        level,
                        kind: 0,
                    });
                }
            }
            let words = reqs.len().div_ceil(64).max(1);
            // Officers: sorted distinct competencies (some beyond every requirement's) at
            // levels 0 to 5, packed; some officers left out of the call.
            let mut held: Vec<Vec<u32>> = vec![Vec::new(); 20];
            for levels in &mut held {
                for c in 0..competencies + 5 {
                    if next(3) == 0 {
                        levels.push(c << 3 | next(6) as u32);
                    }
                }
            }
            let mut officers: Vec<u32> = Vec::new();
            for i in 0..held.len() as u32 {
                if next(5) != 0 {
                    officers.push(i);
                }
            }
            let masks = gap_masks(
                |i| held[i as usize].iter().copied(),
                &officers,
                &reqs,
                words,
            );
            assert_eq!(masks.len(), officers.len() * words);
            for (k, &i) in officers.iter().enumerate() {
                let mut want = vec![0u64; words];
                each_short(&reqs, &held[i as usize], |j| want[j / 64] |= 1 << (j % 64));
                assert_eq!(
                    masks[k * words..(k + 1) * words],
                    want,
                    "round {round}, officer {i}"
                );
            }
        }
    }
}
