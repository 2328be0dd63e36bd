//! Officers of a cohort grouped by their gaps against one post, for the successor search:
//! officers short of the same requirements, with the same completed courses, get the same
//! learning path, so the search plans each group once.

use crate::Cohort;
use crate::model::csr::Csr;
use crate::model::framework::Req;
use crate::model::order;
use crate::people::cohort::unpack;

/// Calls `each(i)` for every requirement `reqs[i]` an officer holding the packed levels
/// `held` (sorted) is short of.
pub(crate) fn each_short(reqs: &[Req], held: &[u32], mut each: impl FnMut(usize)) {
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

/// Per competency type, the required levels held (`min(current, required)` summed) by an
/// officer holding the packed levels `held` (sorted).
pub(crate) fn met_levels(reqs: &[Req], held: &[u32]) -> [u32; 3] {
    let mut met = [0u32; 3];
    let mut h = 0;
    for r in reqs {
        while h < held.len() && unpack(held[h]).0 < r.competency {
            h += 1;
        }
        if let Some((c, level)) = held.get(h).map(|&x| unpack(x))
            && c == r.competency
        {
            met[r.kind as usize] += u32::from(level.min(r.level));
        }
    }
    met
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
    /// O(n·(r + h)) for n officers with h held competencies each against r requirements,
    /// plus sorting the officers by gap mask and completions, O(n log n) comparisons;
    /// memory O(n·r/64).
    pub(crate) fn new(cohort: &Cohort, officers: &[u32], reqs: &[Req]) -> Groups {
        let words = reqs.len().div_ceil(64).max(1);
        let mut masks = vec![0u64; officers.len() * words];
        for (k, &i) in officers.iter().enumerate() {
            let mask = &mut masks[k * words..(k + 1) * words];
            each_short(reqs, cohort.held_of(i), |j| mask[j / 64] |= 1 << (j % 64));
        }
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
