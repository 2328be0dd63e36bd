//! The roll-up kernels behind [`Framework::training_needs_by_group`] and
//! [`Framework::compare_by_group`]: one pass over the officers, reading the cohort's
//! columns, with every group-level count taken from the dense hierarchy.
//!
//! Two kinds of count, done two ways:
//! - **Sums over officer–competency pairs** (pairs, levels required, shortfall) are
//!   additive: the pass counts them per competency, and afterwards each competency adds its
//!   sums to every group above it, once per group (a walk up the parent lists that stops
//!   at groups it has already reached for that competency).
//! - **Officers once per group** (short in any of its competencies) is not additive: while
//!   an officer is visited, each competency they are short in is walked up the hierarchy,
//!   marking the groups reached with the officer's stamp; a group already stamped stops the
//!   walk there. So an officer costs the groups they are short in, plus their edges,
//!   whatever the number of paths. Faster still, for every position whose requirements sit
//!   under at most 512 groups (all of ESCO's and the KCM's), the groups above each
//!   requirement are precomputed as a bit mask, an officer's short groups are the OR of a
//!   few masks, and the masks are added into bit-sliced counters (`masks`): a few word
//!   operations per short requirement. Officers required (whose post requires any
//!   competency of the group) depend on the post alone: each post present is walked once,
//!   and its officers added to the groups it reaches.
//!
//! [`Framework::training_needs_by_group`]: crate::Framework::training_needs_by_group
//! [`Framework::compare_by_group`]: crate::Framework::compare_by_group

mod masks;
mod walker;

pub(crate) use masks::Masks;
use masks::{MAX_WORDS, Planes};
use walker::Walker;

use crate::analysis::pairing::{Pairing, pair_by_id};
use crate::people::cohort::unpack;
use crate::people::held::Levels;
use crate::{Cohort, DepartmentId, Framework};

/// Sums over officer–competency pairs, per competency or per group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sums {
    /// Officer–competency requirement pairs.
    pub(crate) pairs: u64,
    /// Pairs short.
    pub(crate) short: u64,
    /// Levels required, summed.
    pub(crate) required: u64,
    /// Levels short, summed.
    pub(crate) shortfall: u64,
}

impl Sums {
    fn add(&mut self, o: &Sums) {
        self.pairs += o.pairs;
        self.short += o.short;
        self.required += o.required;
        self.shortfall += o.shortfall;
    }
}

/// What one worker counts over its officers.
pub(crate) struct Needs {
    pub(crate) officers: u64,
    /// Per competency, sums over the pairs of the officers counted.
    pub(crate) by_competency: Vec<Sums>,
    /// Per group, officers short in at least one of its competencies.
    pub(crate) short: Vec<u64>,
    /// Per position, officers counted.
    pub(crate) per_position: Vec<u64>,
}

impl Needs {
    fn new(fw: &Framework) -> Needs {
        Needs {
            officers: 0,
            by_competency: vec![Sums::default(); fw.competencies.len()],
            short: vec![0; fw.hierarchy.groups.len()],
            per_position: vec![0; fw.positions.len()],
        }
    }

    /// Adds another worker's counts.
    pub(crate) fn merge(&mut self, o: &Needs) {
        self.officers += o.officers;
        for (a, b) in self.by_competency.iter_mut().zip(&o.by_competency) {
            a.add(b);
        }
        for (a, b) in self.short.iter_mut().zip(&o.short) {
            *a += b;
        }
        for (a, b) in self.per_position.iter_mut().zip(&o.per_position) {
            *a += b;
        }
    }
}

/// Counts `officers` of `cohort`: per competency the pair sums, per group the officers
/// short in any of its competencies, per position the officers.
pub(crate) fn count_needs(
    fw: &Framework,
    masks: &Masks,
    cohort: &Cohort,
    officers: impl Iterator<Item = u32>,
) -> Needs {
    let h = &fw.hierarchy;
    let mut out = Needs::new(fw);
    let mut scratch = vec![0u8; fw.competencies.len()];
    let mut walker = Walker::new(h.groups.len());
    let mut planes = Planes::new(fw.positions.len());
    for i in officers {
        let Some(p) = (i < cohort.len() as u32).then(|| cohort.position_of(i)) else {
            continue;
        };
        let held = cohort.held_of(i);
        for x in held {
            let (c, l) = unpack(x);
            if let Some(s) = scratch.get_mut(c as usize) {
                *s = l;
            }
        }
        let words = masks.words(p);
        let mut acc = [0u64; MAX_WORDS];
        let stamp = i.wrapping_add(1).max(1);
        for (j, r) in fw.position_reqs(p).iter().enumerate() {
            let current = scratch.get(r.competency as usize).copied().unwrap_or(0);
            let short = r.level.saturating_sub(current);
            if let Some(s) = out.by_competency.get_mut(r.competency as usize) {
                s.pairs += 1;
                s.required += u64::from(r.level);
                s.shortfall += u64::from(short);
                s.short += u64::from(short > 0);
            }
            if short == 0 {
                continue;
            }
            if masks.walked(p) {
                let counts = &mut out.short;
                walker.up(h, r.competency, stamp, |g| {
                    if let Some(n) = counts.get_mut(g as usize) {
                        *n += 1;
                    }
                });
            } else {
                for (a, m) in acc.iter_mut().zip(masks.mask(p, j)) {
                    *a |= m;
                }
            }
        }
        if words > 0 && acc.iter().any(|&a| a != 0) {
            planes.add(p, &acc[..words]);
        }
        for x in held {
            if let Some(s) = scratch.get_mut(unpack(x).0 as usize) {
                *s = 0;
            }
        }
        if let Some(n) = out.per_position.get_mut(p as usize) {
            *n += 1;
        }
        out.officers += 1;
    }
    planes.read(masks, &mut out.short);
    out
}

/// Per group: the officers whose post requires any of its competencies, the competencies
/// below it that some counted officer is required to hold, and the sums of those
/// competencies' pairs.
pub(crate) struct Totals {
    pub(crate) required: Vec<u64>,
    pub(crate) competencies: Vec<u64>,
    pub(crate) sums: Vec<Sums>,
}

/// Rolls per-position officer counts and per-competency sums up the hierarchy.
///
/// # Complexity
/// O(Σ groups reached) over the positions with officers and the competencies with pairs:
/// each reaches the groups above it once.
pub(crate) fn totals(fw: &Framework, per_position: &[u64], by_competency: &[Sums]) -> Totals {
    let h = &fw.hierarchy;
    let n = h.groups.len();
    let mut out = Totals {
        required: vec![0; n],
        competencies: vec![0; n],
        sums: vec![Sums::default(); n],
    };
    let mut walker = Walker::new(n);
    let mut stamp = 0u32;
    for (p, &officers) in per_position.iter().enumerate() {
        if officers == 0 {
            continue;
        }
        stamp += 1;
        let required = &mut out.required;
        for r in fw.position_reqs(p as u32) {
            walker.up(h, r.competency, stamp, |g| required[g as usize] += officers);
        }
    }
    walker.reset();
    for (c, sums) in by_competency.iter().enumerate() {
        if sums.pairs == 0 {
            continue;
        }
        let (count, total) = (&mut out.competencies, &mut out.sums);
        // Each competency is its own walk: stamps c + 1 never repeat.
        walker.up(h, c as u32, c as u32 + 1, |g| {
            count[g as usize] += 1;
            total[g as usize].add(sums);
        });
    }
    out
}

/// Per group, the officer counts of a comparison of two snapshots.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Moves {
    pub(crate) short_before: u64,
    pub(crate) short_after: u64,
    pub(crate) closed: u64,
    pub(crate) opened: u64,
}

/// Per competency, sums before and after, and levels gained and lost.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Change {
    pub(crate) before: Sums,
    pub(crate) after: Sums,
    pub(crate) gained: u64,
    pub(crate) lost: u64,
}

/// What a comparison counts: matched officers, those in one snapshot only, per position
/// the matched officers (by their first post), per competency the changes, per group the
/// officer counts.
pub(crate) struct Compared {
    pub(crate) officers: u64,
    pub(crate) only_before: u64,
    pub(crate) only_after: u64,
    pub(crate) per_position: Vec<u64>,
    pub(crate) by_competency: Vec<Change>,
    pub(crate) moves: Vec<Moves>,
}

/// Matches the officers of two cohorts by id and counts each matched officer of
/// `department` (all when `None`; by the first snapshot's department) against their first
/// post. Officers in one snapshot only are counted when in `department` there.
pub(crate) fn compare(
    fw: &Framework,
    masks: &Masks,
    before: &Cohort,
    after: &Cohort,
    department: Option<&DepartmentId>,
) -> Compared {
    let member = |cohort: &Cohort, x: u32| match department {
        None => true,
        Some(d) => (cohort.departments.binary_search(d).ok())
            .is_some_and(|d| x < cohort.len() as u32 && cohort.department_of(x) == d as u32),
    };
    let mut sweep = Sweep::new(fw, masks, before, after);
    pair_by_id(before, after, |pair| match pair {
        Pairing::OnlyBefore(x) => sweep.out.only_before += u64::from(member(before, x)),
        Pairing::OnlyAfter(y) => sweep.out.only_after += u64::from(member(after, y)),
        Pairing::Both(x, y) => {
            if member(before, x) {
                sweep.officer(x, y);
            }
        }
    });
    sweep.finish()
}

/// The state of a comparison: the counts so far and the scratch space of one officer.
struct Sweep<'a> {
    fw: &'a Framework,
    masks: &'a Masks,
    /// Per position, bit-sliced counts of officers short before, after, closed, opened.
    planes: [Planes; 4],
    before: &'a Cohort,
    after: &'a Cohort,
    out: Compared,
    /// Levels of the current officer, `[before, after]`, by competency; 0 between officers.
    levels: [Vec<u8>; 2],
    /// Groups short before and after, stamped with the current officer.
    walkers: [Walker; 2],
    /// The groups each walker reached for the current officer.
    touched: [Vec<u32>; 2],
    stamp: u32,
}

impl<'a> Sweep<'a> {
    fn new(
        fw: &'a Framework,
        masks: &'a Masks,
        before: &'a Cohort,
        after: &'a Cohort,
    ) -> Sweep<'a> {
        let groups = fw.hierarchy.groups.len();
        let competencies = fw.competencies.len();
        let positions = fw.positions.len();
        Sweep {
            fw,
            masks,
            planes: std::array::from_fn(|_| Planes::new(positions)),
            before,
            after,
            out: Compared {
                officers: 0,
                only_before: 0,
                only_after: 0,
                per_position: vec![0; fw.positions.len()],
                by_competency: vec![Change::default(); competencies],
                moves: vec![Moves::default(); groups],
            },
            levels: [vec![0; competencies], vec![0; competencies]],
            walkers: [Walker::new(groups), Walker::new(groups)],
            touched: [Vec::new(), Vec::new()],
            stamp: 0,
        }
    }

    /// Counts one matched officer, `was` in the first cohort and `now` in the second,
    /// against their first post.
    fn officer(&mut self, was: u32, now: u32) {
        let Some(position) = (was < self.before.len() as u32).then(|| self.before.position_of(was))
        else {
            return;
        };
        self.stamp += 1;
        let held = [self.before.held_of(was), self.after.held_of(now)];
        scatter(&mut self.levels, held, true);
        let hierarchy = &self.fw.hierarchy;
        let words = self.masks.words(position);
        let mut acc = [[0u64; MAX_WORDS]; 2];
        for (j, r) in self.fw.position_reqs(position).iter().enumerate() {
            let c = r.competency as usize;
            let short = [0, 1].map(|k| {
                let current = self.levels[k].get(c).copied().unwrap_or(0);
                r.level.saturating_sub(current)
            });
            if let Some(change) = self.out.by_competency.get_mut(c) {
                for (sums, s) in [&mut change.before, &mut change.after]
                    .into_iter()
                    .zip(short)
                {
                    sums.pairs += 1;
                    sums.required += u64::from(r.level);
                    sums.shortfall += u64::from(s);
                    sums.short += u64::from(s > 0);
                }
                change.gained += u64::from(short[0].saturating_sub(short[1]));
                change.lost += u64::from(short[1].saturating_sub(short[0]));
            }
            for (k, s) in short.into_iter().enumerate() {
                if s == 0 {
                    continue;
                }
                if self.masks.walked(position) {
                    let list = &mut self.touched[k];
                    self.walkers[k].up(hierarchy, r.competency, self.stamp, |g| list.push(g));
                } else {
                    for (a, m) in acc[k].iter_mut().zip(self.masks.mask(position, j)) {
                        *a |= m;
                    }
                }
            }
        }
        scatter(&mut self.levels, held, false);
        if words > 0 {
            let [b, a] = acc;
            let derived: [[u64; MAX_WORDS]; 4] = [
                b,
                a,
                std::array::from_fn(|w| b[w] & !a[w]),
                std::array::from_fn(|w| a[w] & !b[w]),
            ];
            for (planes, mask) in self.planes.iter_mut().zip(&derived) {
                if mask.iter().any(|&x| x != 0) {
                    planes.add(position, &mask[..words]);
                }
            }
        }
        // Each `touched` list holds every group short in its snapshot once (walked
        // positions only).
        for &g in &self.touched[0] {
            let m = &mut self.out.moves[g as usize];
            m.short_before += 1;
            m.closed += u64::from(self.walkers[1].stamp[g as usize] != self.stamp);
        }
        for &g in &self.touched[1] {
            let m = &mut self.out.moves[g as usize];
            m.short_after += 1;
            m.opened += u64::from(self.walkers[0].stamp[g as usize] != self.stamp);
        }
        self.touched[0].clear();
        self.touched[1].clear();
        if let Some(n) = self.out.per_position.get_mut(position as usize) {
            *n += 1;
        }
        self.out.officers += 1;
    }

    /// The counts, with the bit-sliced ones read into the per-group officer counts.
    fn finish(mut self) -> Compared {
        let groups = self.out.moves.len();
        let mut counts = [(); 4].map(|()| vec![0u64; groups]);
        for (planes, counts) in self.planes.iter().zip(counts.iter_mut()) {
            planes.read(self.masks, counts);
        }
        for (g, m) in self.out.moves.iter_mut().enumerate() {
            m.short_before += counts[0][g];
            m.short_after += counts[1][g];
            m.closed += counts[2][g];
            m.opened += counts[3][g];
        }
        self.out
    }
}

/// Writes (or, with `set` false, clears) two officers' levels into the dense arrays.
fn scatter(levels: &mut [Vec<u8>; 2], held: [Levels; 2], set: bool) {
    for (k, list) in held.iter().enumerate() {
        for x in *list {
            let (c, l) = unpack(x);
            if let Some(s) = levels[k].get_mut(c as usize) {
                *s = if set { l } else { 0 };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        CompetencySpec, CompetencyType, Evidence, EvidenceSource, FrameworkSpec, GroupSpec,
        LevelPolicy, OfficerSpec, PositionSpec, RequirementSpec, RoleSpec,
    };

    /// A deterministic framework with a poly-hierarchy of 40 groups over 60 competencies,
    /// 12 positions of 10 requirements, and two snapshots of 400 officers.
    fn world() -> (Framework, Vec<OfficerSpec>, Vec<OfficerSpec>) {
        let mut next = crate::model::test_rng::below(0x2545_f491_4f6c_dd1du64);
        let mut spec = FrameworkSpec::new();
        for g in 0..40u64 {
            let mut group = GroupSpec::new(format!("g{g:02}"), format!("G{g}"));
            if g > 0 {
                for _ in 0..=next(2) {
                    let p = format!("g{:02}", next(g)).into();
                    if !group.parents.contains(&p) {
                        group.parents.push(p);
                    }
                }
            }
            spec.groups.push(group);
        }
        for c in 0..60u64 {
            let mut competency =
                CompetencySpec::new(format!("c{c:02}"), format!("C{c}"), CompetencyType::Domain);
            for _ in 0..=next(2) {
                let g = format!("g{:02}", next(40)).into();
                if !competency.groups.contains(&g) {
                    competency.groups.push(g);
                }
            }
            spec.competencies.push(competency);
        }
        for p in 0..12u64 {
            let mut role = RoleSpec {
                id: format!("r{p}").into(),
                name: format!("R{p}"),
                activities: vec![],
                requires: vec![],
            };
            for _ in 0..10 {
                let c = format!("c{:02}", next(60));
                if !role.requires.iter().any(|r| r.competency.as_str() == c) {
                    role.requires
                        .push(RequirementSpec::new(c, 1 + next(5) as u8));
                }
            }
            spec.roles.push(role);
            spec.positions.push(PositionSpec {
                id: format!("p{p}").into(),
                name: format!("P{p}"),
                department: "d".into(),
                roles: vec![format!("r{p}").into()],
            });
        }
        let fw = Framework::new(spec).unwrap();
        let mut officers = |n: u64| -> Vec<OfficerSpec> {
            (0..n)
                .map(|i| OfficerSpec {
                    id: format!("o{i:03}").into(),
                    name: None,
                    department: "d".into(),
                    position: format!("p{}", next(12)).into(),
                    target_position: None,
                    passbook: (0..next(12))
                        .map(|_| Evidence {
                            competency: format!("c{:02}", next(60)).into(),
                            level: next(6) as u8,
                            level_name: None,
                            source: EvidenceSource::Assessment,
                            date: String::new(),
                            verified: true,
                            course: None,
                        })
                        .collect(),
                })
                .collect()
        };
        let (before, after) = (officers(400), officers(400));
        (fw, before, after)
    }

    #[test]
    fn masks_count_what_the_walk_counts() {
        let (fw, before, after) = world();
        let policy = LevelPolicy::default();
        let b = Cohort::new(&fw, &before, &policy).unwrap();
        let a = Cohort::new(&fw, &after, &policy).unwrap();
        let masked = Masks::new(&fw);
        let walked = Masks::with_limit(&fw, 0);
        assert!((0..12).all(|p| !masked.walked(p) && walked.walked(p)));
        let all = || 0..b.len() as u32;
        let x = count_needs(&fw, &masked, &b, all());
        let y = count_needs(&fw, &walked, &b, all());
        assert_eq!(x.short, y.short);
        assert!(x.short.iter().any(|&n| n > 0));
        let x = compare(&fw, &masked, &b, &a, None);
        let y = compare(&fw, &walked, &b, &a, None);
        let moves = |c: &Compared| -> Vec<[u64; 4]> {
            c.moves
                .iter()
                .map(|m| [m.short_before, m.short_after, m.closed, m.opened])
                .collect()
        };
        assert_eq!(moves(&x), moves(&y));
        assert!(x.moves.iter().any(|m| m.closed > 0 && m.opened > 0));
    }
}
