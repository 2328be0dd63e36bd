//! Roll-up: training needs, readiness and before/after progress per competency group, at
//! any level of the hierarchy (a heatmap by KCM theme, by area, by ESCO skill group).

use crate::model::order;
use serde::Serialize;

use crate::analysis::group_totals::{Masks, Sums, Totals, compare, count_needs, totals};
use crate::analysis::parallel::map_ranges;
use crate::model::spec::GroupKind;
use crate::{Cohort, DepartmentId, Error, Framework, GroupId};

/// Options for [`Framework::training_needs_by_group`] and [`Framework::compare_by_group`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollupOptions {
    threads: usize,
    department: Option<DepartmentId>,
    kind: Option<GroupKind>,
}

impl Default for RollupOptions {
    fn default() -> Self {
        RollupOptions {
            threads: 1,
            department: None,
            kind: None,
        }
    }
}

impl RollupOptions {
    /// Worker threads for [`Framework::training_needs_by_group`], as
    /// [`NeedsOptions::threads`](crate::NeedsOptions::threads): default 1, 0 counts as 1,
    /// split over the current rayon pool, never more parts than the available parallelism;
    /// the result is the same for any number.
    /// A comparison runs on the calling thread.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }

    /// Counts only the officers of one department (default: all). A department that
    /// neither the framework's positions nor the cohort's officers name is an error
    /// ([`Error::UnknownId`], with the nearest known department), never an empty report.
    pub fn department(mut self, department: impl Into<DepartmentId>) -> Self {
        self.department = Some(department.into());
        self
    }

    /// Reports only the groups of one kind, e.g. [`GroupKind::Theme`] for a heatmap by
    /// KCM theme (default: every group). The counts do not change.
    pub fn kind(mut self, kind: GroupKind) -> Self {
        self.kind = Some(kind);
        self
    }
}

/// One row of the training needs by group: a group across many officers.
///
/// A group's competencies are those directly in it or in any group below it, each once
/// however many paths lead to it. Sums run over officer–competency pairs: an officer whose
/// post requires `k` of the group's competencies contributes `k` pairs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupNeedRow<'f> {
    /// The group.
    pub group: &'f GroupId,
    /// Its name.
    pub name: &'f str,
    /// Its kind.
    pub kind: GroupKind,
    /// The group's competencies that at least one counted officer's post requires.
    pub competencies: u64,
    /// Officers whose post requires at least one of the group's competencies, each once.
    pub officers_required: u64,
    /// Officers below the required level in at least one of them, each once.
    pub officers_short: u64,
    /// Officer–competency requirement pairs.
    pub pairs: u64,
    /// Pairs below the required level.
    pub pairs_short: u64,
    /// Levels required, summed over the pairs.
    pub required_levels: u64,
    /// Levels short, summed over the pairs.
    pub total_shortfall: u64,
    /// Levels short per officer short: `total_shortfall / officers_short` (0 when no
    /// officer is short).
    pub mean_shortfall: f64,
    /// Share of the required levels held: `1 − total_shortfall / required_levels`, that is
    /// `Σ min(held, required) / Σ required` over the pairs, unweighted (1 when nothing is
    /// required).
    pub readiness: f64,
}

/// Training needs rolled up to competency groups: for each group, how many officers are
/// short in it and by how much. Built by [`Framework::training_needs_by_group`].
///
/// # The rule
/// An officer counts **once per group**: required when their post requires any of the
/// group's competencies, **short when short in any** of them — the number a training
/// division plans seats with ("how many officers need something in Financial
/// Management"). How much they lack is the **sum** of levels short over the group's
/// competencies, and readiness the share of required levels held — the arithmetic of
/// [`GapReport`](crate::GapReport) applied to the group's pairs, unweighted. `DESIGN.md`
/// ("Why a group's shortfall is a sum, and its officers are counted once") says why
/// neither a mean over competencies nor a maximum.
///
/// # Properties
/// - `officers_short ≤ officers_required ≤ officers`, `pairs_short ≤ pairs`,
///   `total_shortfall ≤ required_levels`, and readiness lies in `[0, 1]`.
/// - A group's counts are at least those of every group below it.
/// - A group's pair sums are the sums, over its competencies, of the heatmap's rows
///   ([`Framework::training_needs`]): `total_shortfall` is the sum of their
///   `total_shortfall`, `pairs` of their `officers_required`, `pairs_short` of their
///   `officers_short`.
/// - With one competency and no group below it, a row is that competency's heatmap row.
/// - Rows are the groups (of the kind asked for) some counted officer's post requires
///   something of, sorted by total shortfall (largest first), then officers short, then
///   id. The result does not depend on the order of officers nor on the number of
///   threads.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupNeeds<'f> {
    /// Officers counted.
    pub officers: u64,
    /// One row per group required of at least one officer.
    pub rows: Vec<GroupNeedRow<'f>>,
}

/// Progress of the officers on one group between two snapshots, by
/// [`Framework::compare_by_group`].
///
/// # Properties
/// `short_after = short_before − closed + opened` and
/// `shortfall_after = shortfall_before − levels_gained + levels_lost`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupProgress<'f> {
    /// The group.
    pub group: &'f GroupId,
    /// Its name.
    pub name: &'f str,
    /// Its kind.
    pub kind: GroupKind,
    /// Matched officers whose first post requires any of the group's competencies.
    pub officers_required: u64,
    /// Of them, officers short in any of the group's competencies before.
    pub short_before: u64,
    /// Of them, officers short in any after.
    pub short_after: u64,
    /// Officers short before and meeting all of the group's requirements after.
    pub closed: u64,
    /// Officers meeting all of them before and short after.
    pub opened: u64,
    /// Levels required, summed over the officer–competency pairs (the same both times).
    pub required_levels: u64,
    /// Levels short before, summed over the pairs.
    pub shortfall_before: u64,
    /// Levels short after, summed over the pairs.
    pub shortfall_after: u64,
    /// Sum over pairs of `max(0, before − after)`.
    pub levels_gained: u64,
    /// Sum over pairs of `max(0, after − before)`.
    pub levels_lost: u64,
    /// Share of required levels held before (as [`GroupNeedRow::readiness`]).
    pub readiness_before: f64,
    /// Share held after.
    pub readiness_after: f64,
}

/// Before/after progress rolled up to competency groups. Built by
/// [`Framework::compare_by_group`], with the definitions of
/// [`Evaluation`](crate::Evaluation): officers matched by id, each measured against
/// their post in the first snapshot, in both.
///
/// # Properties
/// - Each [`GroupProgress`] satisfies its laws.
/// - Comparing a cohort with itself closes, opens, gains and loses nothing.
/// - A group's officer counts are at least those of every group below it, and its sums
///   are the sums over its competencies of [`Evaluation::competencies`](crate::Evaluation).
/// - Groups are sorted by id; the result does not depend on the order of officers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupEvaluation<'f> {
    /// Matched officers counted.
    pub officers: u64,
    /// Officers only in the first snapshot (of the department asked for).
    pub only_before: u64,
    /// Officers only in the second.
    pub only_after: u64,
    /// One entry per group (of the kind asked for) required of a matched officer.
    pub groups: Vec<GroupProgress<'f>>,
}

impl Framework {
    /// Rolls the training needs of a cohort up to the competency groups: per group, the
    /// officers whose post requires any of its competencies, those short in any (each
    /// officer once per group), and the levels short summed over its competencies. See
    /// [`GroupNeeds`] for the rule and its properties.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the cohort was built from another framework;
    /// [`Error::UnknownId`] for a department neither the framework's positions nor the
    /// cohort's officers name.
    ///
    /// # Complexity
    /// One pass over the officers: O(n·(r + h + u) / t) time for n officers with r
    /// requirements, h held competencies and u group work each, plus O(A + E·w) once to
    /// precompute the posts' group masks and O(t·(c + g + P + B·log n) + A) to merge t
    /// threads' counters over c competencies, g groups and P positions and to roll them up
    /// (A: the groups above the required competencies summed over the E requirement
    /// entries; B: the groups above each post's requirements, summed over the posts). For
    /// a post whose requirements sit under at most 512 groups, u is a few word operations
    /// (w ≤ 8 words of 64 bits) per requirement the officer is short of; above that, u is
    /// the groups above the competencies they are short in, with their parent links, each
    /// reached once. Memory O(E·w + t·(c + g + P + B·log n)), no per-officer allocation.
    ///
    /// # Example
    /// ```
    /// use karmayogi::*;
    ///
    /// let fw = Framework::from_json(r#"{"format_version": 2,
    ///   "groups": [{"id": "finance", "name": "Financial Management", "kind": "theme"}],
    ///   "competencies": [
    ///     {"id": "budget", "name": "Budgeting", "type": "functional", "groups": ["finance"]},
    ///     {"id": "audit", "name": "Audit", "type": "functional", "groups": ["finance"]}],
    ///   "roles": [{"id": "r", "name": "Accounts", "requires": [
    ///     {"competency": "budget", "level": 3}, {"competency": "audit", "level": 2}]}],
    ///   "positions": [{"id": "p", "name": "Accounts officer", "department": "d",
    ///                  "roles": ["r"]}]}"#)?;
    /// let officer: OfficerSpec = serde_json::from_str(r#"{"id": "o1", "department": "d",
    ///   "position": "p", "passbook": [{"competency": "budget", "level": 1,
    ///   "source": "assessment"}]}"#)?;
    /// let cohort = Cohort::new(&fw, [&officer], &LevelPolicy::default())?;
    /// let needs = fw.training_needs_by_group(&cohort, &RollupOptions::default())?;
    /// let row = &needs.rows[0];
    /// // One officer, short in both: counted once; 2 + 2 levels short of 5 required.
    /// assert_eq!((row.officers_short, row.pairs_short, row.total_shortfall), (1, 2, 4));
    /// assert_eq!(row.readiness, 1.0 / 5.0);
    /// println!("{needs}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn training_needs_by_group<'f>(
        &'f self,
        cohort: &Cohort,
        options: &RollupOptions,
    ) -> Result<GroupNeeds<'f>, Error> {
        self.check_stamp(cohort.stamp)?;
        self.check_department(options.department.as_ref(), Some(cohort))?;
        let department = match &options.department {
            None => None,
            Some(d) => match cohort.departments.binary_search(d) {
                Ok(i) => Some(i as u32),
                Err(_) => {
                    return Ok(GroupNeeds {
                        officers: 0,
                        rows: Vec::new(),
                    });
                }
            },
        };
        let masks = Masks::new(self);
        let parts = map_ranges(cohort.len(), options.threads, |range| {
            let officers = range
                .map(|i| i as u32)
                .filter(|&i| department.is_none_or(|d| cohort.department_of(i) == d));
            count_needs(self, &masks, cohort, officers)
        });
        let mut parts = parts.into_iter();
        let Some(mut needs) = parts.next() else {
            return Ok(GroupNeeds {
                officers: 0,
                rows: Vec::new(),
            });
        };
        for part in parts {
            needs.merge(&part);
        }
        let t = totals(self, &needs.per_position, &needs.by_competency);
        let mut rows: Vec<GroupNeedRow<'f>> = self
            .reported(&t, options.kind)
            .map(|g| {
                let s = t.sums[g];
                let short = needs.short[g];
                let spec = &self.hierarchy.groups.items[g];
                GroupNeedRow {
                    group: &spec.id,
                    name: &spec.name,
                    kind: spec.kind,
                    competencies: t.competencies[g],
                    officers_required: t.required[g],
                    officers_short: short,
                    pairs: s.pairs,
                    pairs_short: s.short,
                    required_levels: s.required,
                    total_shortfall: s.shortfall,
                    mean_shortfall: ratio(s.shortfall, short),
                    readiness: held_share(s.required, s.shortfall),
                }
            })
            .collect();
        // Rows come in group-id order; the stable sort keeps ids ascending on ties.
        order::sort_by(&mut rows, |a, b| {
            b.total_shortfall
                .cmp(&a.total_shortfall)
                .then(b.officers_short.cmp(&a.officers_short))
        });
        Ok(GroupNeeds {
            officers: needs.officers,
            rows,
        })
    }

    /// Compares two snapshots of the same officers per competency group: per group, the
    /// officers short in any of its competencies before and after, those whose gaps in it
    /// all closed or newly opened, and the levels short, gained and lost, summed over its
    /// competencies. Officers are matched by id and measured against their post in the
    /// first snapshot, as [`Framework::compare`] does.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when either cohort was built from another framework;
    /// [`Error::UnknownId`] for a department neither the framework's positions nor either
    /// cohort's officers name.
    ///
    /// # Complexity
    /// O(n) id comparisons to match n officers (in the id order each cohort keeps), then one sweep: O(Σ (r + h + u))
    /// over matched officers (u: group work before and after, as in
    /// [`Framework::training_needs_by_group`]), plus O(A + E·w + c + g + P + B·log n) to
    /// build the masks and roll the counts up. Memory O(n + E·w + c + g + P + B·log n).
    pub fn compare_by_group<'f>(
        &'f self,
        before: &Cohort,
        after: &Cohort,
        options: &RollupOptions,
    ) -> Result<GroupEvaluation<'f>, Error> {
        self.check_stamp(before.stamp)?;
        self.check_stamp(after.stamp)?;
        let department = options.department.as_ref();
        if self.check_department(department, Some(before)).is_err() {
            self.check_department(department, Some(after))?;
        }
        let run = compare(self, &Masks::new(self), before, after, department);
        let before_sums: Vec<Sums> = run.by_competency.iter().map(|c| c.before).collect();
        let t_before = totals(self, &run.per_position, &before_sums);
        let after_sums: Vec<Sums> = run.by_competency.iter().map(|c| c.after).collect();
        let t_after = totals(self, &run.per_position, &after_sums);
        // Levels gained and lost, rolled up like the other sums (in `shortfall` and
        // `short` of a `Sums`).
        let moved: Vec<Sums> = run
            .by_competency
            .iter()
            .map(|c| Sums {
                pairs: c.before.pairs,
                short: c.lost,
                required: 0,
                shortfall: c.gained,
            })
            .collect();
        let t_moved = totals(self, &run.per_position, &moved);
        let groups = self
            .reported(&t_before, options.kind)
            .map(|g| {
                let spec = &self.hierarchy.groups.items[g];
                let m = run.moves[g];
                let (b, a) = (t_before.sums[g], t_after.sums[g]);
                GroupProgress {
                    group: &spec.id,
                    name: &spec.name,
                    kind: spec.kind,
                    officers_required: t_before.required[g],
                    short_before: m.short_before,
                    short_after: m.short_after,
                    closed: m.closed,
                    opened: m.opened,
                    required_levels: b.required,
                    shortfall_before: b.shortfall,
                    shortfall_after: a.shortfall,
                    levels_gained: t_moved.sums[g].shortfall,
                    levels_lost: t_moved.sums[g].short,
                    readiness_before: held_share(b.required, b.shortfall),
                    readiness_after: held_share(a.required, a.shortfall),
                }
            })
            .collect();
        Ok(GroupEvaluation {
            officers: run.officers,
            only_before: run.only_before,
            only_after: run.only_after,
            groups,
        })
    }

    /// The groups to report, in id order: of `kind` (any when `None`), required of some
    /// counted officer.
    fn reported<'a>(
        &'a self,
        t: &'a Totals,
        kind: Option<GroupKind>,
    ) -> impl Iterator<Item = usize> + 'a {
        (0..self.hierarchy.groups.len()).filter(move |&g| {
            t.required[g] > 0 && kind.is_none_or(|k| self.hierarchy.groups.items[g].kind == k)
        })
    }
}

/// `a / b`, 0 for `b = 0`.
fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// `1 − shortfall / required`, 1 for nothing required.
fn held_share(required: u64, shortfall: u64) -> f64 {
    if required == 0 {
        1.0
    } else {
        (required - shortfall.min(required)) as f64 / required as f64
    }
}
