//! Officers short per group, counted with bit masks: for each position, the groups above
//! its requirements are numbered locally, each requirement gets the mask of the groups
//! above its competency, an officer's short groups are the OR of the masks of the
//! requirements they are short of, and those masks are added into bit-sliced counters
//! (one bit plane per binary digit of the count, a carry rippling up). An officer then
//! costs a few word operations per short requirement, whatever the depth of the hierarchy,
//! and the per-group counts are read off the planes once at the end.
//!
//! A position whose requirements sit under more than [`MAX_WORDS`] × 64 = 512 groups is
//! left to the walk (`Walker`), so the masks take at most `MAX_WORDS` words per requirement
//! entry.

use super::walker::Walker;
use crate::Framework;

/// The most words a position's masks may take; wider positions are walked.
pub(crate) const MAX_WORDS: usize = 8;

/// Per position, its local groups and the masks of its requirement entries.
pub(crate) struct Masks {
    /// Per position, `groups[group_start[p]..group_start[p + 1]]`: the groups above its
    /// requirements, by local index (empty for a position left to the walk).
    group_start: Vec<u32>,
    groups: Vec<u32>,
    /// Per position, where its masks start in `bits` (entry `j` of the position at
    /// `bit_start[p] + j × words`).
    bit_start: Vec<usize>,
    bits: Vec<u64>,
    /// Per position, its words per mask (0 for no group).
    words: Vec<usize>,
    /// Per position, whether it is left to the walk.
    walked: Vec<bool>,
}

impl Masks {
    /// The masks of every position of `fw`.
    ///
    /// # Complexity
    /// O(A + E) for E requirement entries and A the groups above their competencies,
    /// summed over the entries; memory O(g + E · `MAX_WORDS`).
    pub(crate) fn new(fw: &Framework) -> Masks {
        Masks::with_limit(fw, MAX_WORDS)
    }

    /// [`Masks::new`] leaving every position wider than `limit` words (at most
    /// [`MAX_WORDS`]) to the walk.
    pub(crate) fn with_limit(fw: &Framework, limit: usize) -> Masks {
        let limit = limit.min(MAX_WORDS);
        let h = &fw.hierarchy;
        let n = h.groups.len();
        let mut walker = Walker::new(n);
        let mut local = vec![u32::MAX; n];
        let mut masks = Masks {
            group_start: vec![0],
            groups: Vec::new(),
            bit_start: Vec::with_capacity(fw.positions.len()),
            bits: Vec::new(),
            words: Vec::with_capacity(fw.positions.len()),
            walked: Vec::with_capacity(fw.positions.len()),
        };
        let mut stamp = 0u32;
        for p in 0..fw.positions.len() as u32 {
            let reqs = fw.position_reqs(p);
            let first = masks.groups.len();
            stamp += 1;
            for r in reqs {
                let groups = &mut masks.groups;
                walker.up(h, r.competency, stamp, |g| groups.push(g));
            }
            let count = masks.groups.len() - first;
            let words = count.div_ceil(64);
            masks.bit_start.push(masks.bits.len());
            masks.walked.push(words > limit);
            if words > limit {
                masks.words.push(0);
                masks.groups.truncate(first);
                masks.group_start.push(first as u32);
                continue;
            }
            masks.words.push(words);
            for (k, &g) in masks.groups[first..].iter().enumerate() {
                local[g as usize] = k as u32;
            }
            for r in reqs {
                stamp += 1;
                let at = masks.bits.len();
                masks.bits.resize(at + words, 0);
                let bits = &mut masks.bits[at..];
                walker.up(h, r.competency, stamp, |g| {
                    let k = local[g as usize] as usize;
                    bits[k / 64] |= 1 << (k % 64);
                });
            }
            masks.group_start.push(masks.groups.len() as u32);
        }
        masks
    }

    /// The words of position `p`'s masks: 0 when it has no group or is left to the walk.
    pub(crate) fn words(&self, p: u32) -> usize {
        self.words.get(p as usize).copied().unwrap_or(0)
    }

    /// Whether position `p`'s groups are counted by walking the hierarchy.
    pub(crate) fn walked(&self, p: u32) -> bool {
        self.walked.get(p as usize).copied().unwrap_or(false)
    }

    /// The mask of requirement entry `j` of position `p`.
    pub(crate) fn mask(&self, p: u32, j: usize) -> &[u64] {
        let w = self.words(p);
        let at = self.bit_start.get(p as usize).copied().unwrap_or(0) + j * w;
        self.bits.get(at..at + w).unwrap_or(&[])
    }

    /// The global group of local group `k` of position `p`.
    fn group(&self, p: u32, k: usize) -> Option<u32> {
        let start = *self.group_start.get(p as usize)? as usize;
        self.groups.get(start + k).copied()
    }
}

/// Per position, counts per local group kept as bit planes: plane `b` holds bit `b` of
/// every group's count.
#[derive(Clone, Default)]
pub(crate) struct Planes {
    by_position: Vec<Vec<u64>>,
}

impl Planes {
    pub(crate) fn new(positions: usize) -> Planes {
        Planes {
            by_position: vec![Vec::new(); positions],
        }
    }

    /// Adds 1 to the count of every local group of position `p` whose bit is set in
    /// `mask` (`words` words).
    ///
    /// # Complexity
    /// O(words) amortised: a carry ripples through as many planes as a binary counter's.
    pub(crate) fn add(&mut self, p: u32, mask: &[u64]) {
        let words = mask.len();
        let Some(planes) = self.by_position.get_mut(p as usize) else {
            return;
        };
        for (w, &bits) in mask.iter().enumerate() {
            let mut carry = bits;
            let mut plane = 0;
            while carry != 0 {
                let at = plane * words + w;
                if at >= planes.len() {
                    planes.resize(planes.len() + words, 0);
                }
                let slot = &mut planes[at];
                let next = *slot & carry;
                *slot ^= carry;
                carry = next;
                plane += 1;
            }
        }
    }

    /// Adds every position's counts to `counts`, by global group.
    ///
    /// # Complexity
    /// O(Σ local groups × planes) over the positions counted.
    pub(crate) fn read(&self, masks: &Masks, counts: &mut [u64]) {
        for (p, planes) in self.by_position.iter().enumerate() {
            let words = masks.words(p as u32);
            if planes.is_empty() || words == 0 {
                continue;
            }
            for k in 0..words * 64 {
                let (w, bit) = (k / 64, k % 64);
                let mut n = 0u64;
                for (b, plane) in planes.chunks(words).enumerate() {
                    n |= ((plane[w] >> bit) & 1) << b;
                }
                if n > 0
                    && let Some(g) = masks.group(p as u32, k)
                    && let Some(c) = counts.get_mut(g as usize)
                {
                    *c += n;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_planes_count_like_integers() {
        let mut planes = Planes::new(1);
        let masks = Masks {
            group_start: vec![0, 3],
            groups: vec![10, 11, 12],
            bit_start: vec![0],
            bits: vec![],
            words: vec![1],
            walked: vec![false],
        };
        // Group 0 in every mask, group 1 in every third, group 2 never.
        for i in 0..1_000u64 {
            planes.add(0, &[1 | u64::from(i % 3 == 0) << 1]);
        }
        let mut counts = vec![0u64; 13];
        planes.read(&masks, &mut counts);
        assert_eq!((counts[10], counts[11], counts[12]), (1_000, 334, 0));
    }
}
