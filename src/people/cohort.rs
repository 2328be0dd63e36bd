//! A compact, validated store of many officers, for department-scale analysis.

use crate::model::order;
use crate::people::columns::{Group, Layout, Lists, NO_TARGET, Names, Officers};
use crate::people::held::{self, Levels};
use crate::{DepartmentId, EntityKind, Error, OfficerId, Profile};

/// Many officers checked against one framework, stored column-wise in about
/// `8 + 3·h + len(id)` bytes each (h = competencies held; each held level in three bytes,
/// so competencies below 2²¹), without their passbooks, plus 4 bytes for the id's end
/// unless every id has the same length in bytes, 4 for the slot index unless officers come
/// grouped by department and then position, and 4 for the id index unless they come in id
/// order.
/// Officer names cost nothing while no officer has one, and `4 + len(name)` bytes each
/// once some officer has; so do target positions and completed courses (4 bytes each,
/// plus 4 per completion).
///
/// Build it with [`Cohort::new`] from any iterator of officers, so millions of officers
/// can be streamed in without holding their specs, or with [`Cohort::from_json`] straight
/// from an officers document's text. Officers are kept in input order;
/// current levels are derived with a [`LevelPolicy`](crate::LevelPolicy) once, at construction.
#[derive(Clone, Debug)]
pub struct Cohort {
    pub(crate) stamp: u64,
    /// Officer ids, concatenated; officer `i` is `ids[id_end[i-1]..id_end[i]]`, or
    /// `ids[i·id_width..(i+1)·id_width]` when `id_end` is `None` (every id `id_width` bytes
    /// long).
    pub(crate) ids: String,
    pub(crate) id_end: Option<Vec<u32>>,
    pub(crate) id_width: usize,
    /// Officer names, kept only once some officer has one.
    pub(crate) names: Option<Names>,
    /// Department names, sorted; `department[i]` indexes it.
    pub(crate) departments: Vec<DepartmentId>,
    /// Per officer (input order), the index in `groups` of their department and position.
    pub(crate) group: Vec<u32>,
    /// Per officer, the target position or `NO_TARGET`; kept only once some officer has one.
    pub(crate) targets: Option<Vec<u32>>,
    /// Held levels are stored by slot: officers grouped by department, then position,
    /// in input order within a group (see `groups`). `slot[i]` is officer `i`'s slot;
    /// `None` when the input came in that order.
    pub(crate) slot: Option<Vec<u32>>,
    /// The officer in slot `s` holds entries `held_start[s]..held_start[s+1]` of `held`,
    /// each `competency << 3 | level` (a level 0–5) in three bytes (see [`held`]), sorted
    /// by competency, each competency at most once.
    pub(crate) held_start: Vec<u32>,
    pub(crate) held: Vec<u8>,
    /// The slots' groups, sorted by (department, position).
    pub(crate) groups: Vec<Group>,
    /// Indices into `groups`, sorted by position and then department: the order in which
    /// a whole-cohort count meets each position's requirements once.
    pub(crate) by_position: Vec<u32>,
    /// Per officer (input order), completed courses, sorted; `None` when no officer has
    /// completed any.
    pub(crate) completed: Option<Lists>,
    /// Officer indices sorted by id; `None` when the input order already is.
    pub(crate) by_id: Option<Vec<u32>>,
}

impl Cohort {
    /// Releases the growth slack of every column: a cohort is built once and then read.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        if let Some(names) = &mut self.names {
            names.text.shrink_to_fit();
            names.end.shrink_to_fit();
        }
        if let Some(completed) = &mut self.completed {
            completed.start.shrink_to_fit();
            completed.values.shrink_to_fit();
        }
        self.held.shrink_to_fit();
        self.groups.shrink_to_fit();
        self.departments.shrink_to_fit();
        for column in [
            self.id_end.as_mut(),
            Some(&mut self.group),
            self.targets.as_mut(),
            self.slot.as_mut(),
            Some(&mut self.held_start),
            Some(&mut self.by_position),
            self.by_id.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            column.shrink_to_fit();
        }
    }

    /// How many officers the cohort holds.
    pub fn len(&self) -> usize {
        self.group.len()
    }

    /// Whether the cohort holds no officer.
    pub fn is_empty(&self) -> bool {
        self.group.is_empty()
    }

    /// The departments of the cohort's officers, sorted.
    pub fn departments(&self) -> &[DepartmentId] {
        &self.departments
    }

    /// Approximate heap bytes used, for capacity planning.
    pub fn heap_bytes(&self) -> usize {
        let column = |c: Option<&Vec<u32>>| c.map_or(0, |c| 4 * c.capacity());
        self.ids.capacity()
            + self.held.capacity()
            + self
                .names
                .as_ref()
                .map_or(0, |n| n.text.capacity() + 4 * n.end.capacity())
            + self
                .completed
                .as_ref()
                .map_or(0, |c| 4 * (c.start.capacity() + c.values.capacity()))
            + [
                self.id_end.as_ref(),
                Some(&self.group),
                self.targets.as_ref(),
                self.slot.as_ref(),
                Some(&self.held_start),
                Some(&self.by_position),
                self.by_id.as_ref(),
            ]
            .into_iter()
            .map(column)
            .sum::<usize>()
            + self.groups.capacity() * std::mem::size_of::<Group>()
            + self
                .departments
                .iter()
                .map(|d| d.as_str().len() + 24)
                .sum::<usize>()
    }

    /// The id of the officer at `index` (input order), if any.
    pub fn officer_id(&self, index: usize) -> Option<&str> {
        (index < self.len()).then(|| self.id_str(index as u32))
    }

    /// The name of the officer at `index` (input order), if they have one.
    pub fn officer_name(&self, index: usize) -> Option<&str> {
        (index < self.len())
            .then(|| self.name_str(index as u32))
            .flatten()
    }

    /// The index (input order) of the officer with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        if let Some(by_id) = &self.by_id {
            return by_id
                .binary_search_by(|&i| self.id_str(i).cmp(id))
                .ok()
                .and_then(|k| by_id.get(k))
                .map(|&i| i as usize);
        }
        // Officers given in id order: search the ids themselves.
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            match self.id_str(mid as u32).cmp(id) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The officer at `index` as a standalone [`Profile`].
    pub fn profile(&self, index: usize) -> Option<Profile> {
        if index >= self.len() {
            return None;
        }
        let i = index as u32;
        Some(Profile {
            stamp: self.stamp,
            id: OfficerId::new(self.id_str(i)),
            name: self.name_str(i).map(str::to_owned),
            department: self
                .departments
                .get(self.department_of(i) as usize)?
                .clone(),
            position: self.position_of(i),
            target: self.target_of(i),
            held: self
                .held_of(i)
                .iter()
                .map(|x| (x >> 3, (x & 7) as u8))
                .collect(),
            completed: self.completed_of(i).to_vec(),
        })
    }

    pub(crate) fn id_str(&self, i: u32) -> &str {
        let i = i as usize;
        let Some(id_end) = &self.id_end else {
            let w = self.id_width;
            return self.ids.get(i * w..(i + 1) * w).unwrap_or("");
        };
        let start = if i == 0 { 0 } else { id_end[i - 1] as usize };
        self.ids.get(start..id_end[i] as usize).unwrap_or("")
    }

    /// The name of officer `i`, if any.
    pub(crate) fn name_str(&self, i: u32) -> Option<&str> {
        self.names.as_ref().and_then(|n| n.get(i as usize))
    }

    /// The name of officer `i` as reports carry it.
    pub(crate) fn name_owned(&self, i: u32) -> Option<String> {
        self.name_str(i).map(str::to_owned)
    }

    /// The position of officer `i` (input order; below [`Cohort::len`]).
    #[inline]
    pub(crate) fn position_of(&self, i: u32) -> u32 {
        self.groups[self.group[i as usize] as usize].position
    }

    /// The department of officer `i` (input order; below [`Cohort::len`]): an index into
    /// [`Cohort::departments`].
    #[inline]
    pub(crate) fn department_of(&self, i: u32) -> u32 {
        self.groups[self.group[i as usize] as usize].department
    }

    /// Whether every officer of `self` has the position of the officer with the same index
    /// in `other`.
    ///
    /// # Complexity
    /// O(n + g) for n officers and g groups.
    pub(crate) fn same_positions(&self, other: &Cohort) -> bool {
        let positions = |c: &Cohort| c.groups.iter().map(|g| g.position).collect::<Vec<_>>();
        self.len() == other.len()
            && ((self.group == other.group && positions(self) == positions(other))
                || (0..self.len() as u32).all(|i| self.position_of(i) == other.position_of(i)))
    }

    /// The target position of officer `i`, if any.
    pub(crate) fn target_of(&self, i: u32) -> Option<u32> {
        self.targets
            .as_ref()
            .and_then(|t| t.get(i as usize).copied())
            .filter(|&t| t != NO_TARGET)
    }

    /// The slot officer `i`'s held levels are stored in.
    #[inline]
    pub(crate) fn slot_of(&self, i: u32) -> u32 {
        self.slot
            .as_ref()
            .map_or(i, |s| s.get(i as usize).copied().unwrap_or(i))
    }

    /// The held levels of officer `i` (input order), each `competency << 3 | level`,
    /// sorted by competency.
    pub(crate) fn held_of(&self, i: u32) -> Levels<'_> {
        self.held_in(self.slot_of(i))
    }

    /// The held levels stored in slot `s`.
    #[inline]
    pub(crate) fn held_in(&self, s: u32) -> Levels<'_> {
        let s = s as usize;
        self.held_in_slots(s..s + 1)
    }

    /// The held levels stored in `slots`, one slot's after the other's.
    #[inline]
    pub(crate) fn held_in_slots(&self, slots: std::ops::Range<usize>) -> Levels<'_> {
        match (
            self.held_start.get(slots.start),
            self.held_start.get(slots.end),
        ) {
            (Some(&a), Some(&b)) => Levels::of(&self.held, a as usize, b as usize),
            _ => Levels::EMPTY,
        }
    }

    /// The groups with slots in `slots`, in slot order, each with its slots within
    /// `slots`.
    ///
    /// # Complexity
    /// O(log g) to find the first of g groups, then O(1) a group.
    pub(crate) fn groups_in(
        &self,
        slots: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (&Group, std::ops::Range<usize>)> + '_ {
        let mut group = (self.groups)
            .partition_point(|g| g.start as usize <= slots.start)
            .saturating_sub(1);
        let mut at = slots.start;
        std::iter::from_fn(move || {
            if at >= slots.end {
                return None;
            }
            let this = self.groups.get(group)?;
            let end = (self.groups.get(group + 1))
                .map_or(self.len(), |next| next.start as usize)
                .min(slots.end);
            let range = at..end.max(at);
            at = end;
            group += 1;
            Some((this, range))
        })
    }

    /// The courses officer `i` completed, sorted.
    pub(crate) fn completed_of(&self, i: u32) -> &[u32] {
        self.completed.as_ref().map_or(&[], |c| c.get(i as usize))
    }
}

/// Unpacks a packed held entry.
#[inline]
pub(crate) fn unpack(x: u32) -> (u32, u8) {
    (x >> 3, (x & 7) as u8)
}

/// Finishing the columns into a [`Cohort`] is defined here, beside the type it builds, so
/// that the columns know nothing of it.
impl Officers {
    /// The cohort of these officers with their held levels laid out by `layout` (packed
    /// on up to `threads` threads), or the problems: empty or repeated officer ids, a
    /// competency beyond what the packed held levels name.
    pub(crate) fn finish(
        self,
        stamp: u64,
        layout: Layout,
        held: Lists,
        completed: Lists,
        threads: usize,
        errors: &mut Vec<Error>,
    ) -> Option<Cohort> {
        let slot = layout.order.as_ref().map(|order| {
            let mut slot = vec![0u32; order.len()];
            for (s, &i) in order.iter().enumerate() {
                slot[i as usize] = s as u32;
            }
            slot
        });
        let held_start = held.start;
        // Each officer's group, from the slots each group spans.
        let n = self.len();
        let mut group = vec![0u32; n];
        for (g, this) in layout.groups.iter().enumerate() {
            let end = (layout.groups.get(g + 1)).map_or(n, |next| next.start as usize);
            for s in this.start as usize..end {
                let i = layout.order.as_ref().map_or(s, |o| o[s] as usize);
                group[i] = g as u32;
            }
        }
        drop((self.department, self.position));
        let held = match held::pack(held.values, threads) {
            Ok(held) => held,
            Err(e) => {
                errors.push(e);
                return None;
            }
        };
        let mut cohort = Cohort {
            stamp,
            ids: self.ids,
            id_end: Some(self.id_end),
            id_width: 0,
            names: self.names,
            departments: layout.departments,
            group,
            targets: self.targets,
            slot,
            held_start,
            held,
            groups: layout.groups,
            by_position: layout.by_position,
            completed: (!completed.values.is_empty()).then_some(completed),
            by_id: None,
        };
        let before = errors.len();
        index_ids(&mut cohort, self.ordered, errors);
        if errors.len() > before {
            return None;
        }
        cohort.fixed_width_ids();
        cohort.shrink_to_fit();
        Some(cohort)
    }
}

impl Cohort {
    /// Drops the id ends when every id has the same length in bytes.
    fn fixed_width_ids(&mut self) {
        let Some(id_end) = &self.id_end else {
            return;
        };
        let w = id_end.first().map_or(0, |&e| e as usize);
        if (id_end.iter().enumerate()).all(|(i, &e)| e as usize == (i + 1) * w) {
            self.id_end = None;
            self.id_width = w;
        }
    }
}

/// Sorts the officers by id (unless their input order already is: `ordered`, as
/// [`Officers::ordered`](crate::people::columns::Officers::ordered) tells) and reports
/// repeated ids, one error per id in id order.
fn index_ids(c: &mut Cohort, ordered: bool, errors: &mut Vec<Error>) {
    if ordered {
        return;
    }
    let n = c.len() as u32;
    let mut by_id: Vec<u32> = (0..n).collect();
    order::sort_unstable_by(&mut by_id, |&a, &b| {
        c.id_str(a).cmp(c.id_str(b)).then(a.cmp(&b))
    });
    for w in by_id.windows(2) {
        if c.id_str(w[0]) == c.id_str(w[1]) {
            let id = c.id_str(w[0]).to_owned();
            if !matches!(errors.last(), Some(Error::DuplicateId { id: last, .. }) if *last == id) {
                errors.push(Error::DuplicateId {
                    kind: EntityKind::Officer,
                    id,
                });
            }
        }
    }
    c.by_id = Some(by_id);
}

#[cfg(test)]
mod tests {
    use crate::{Cohort, Framework, LevelPolicy};

    #[test]
    fn packing_keeps_levels_apart_from_competencies() {
        let packed = 12_345u32 << 3 | 5;
        assert_eq!(super::unpack(packed), (12_345, 5));
    }

    /// Two positions in two departments; officers given `(id, position, levels of a, b, c)`.
    fn cohort(officers: &[(&str, &str, [u8; 3])]) -> Cohort {
        let fw = Framework::from_json(
            r#"{"format_version": 2,
              "competencies": [{"id": "a", "name": "A", "type": "domain"},
                               {"id": "b", "name": "B", "type": "domain"},
                               {"id": "c", "name": "C", "type": "domain"}],
              "roles": [{"id": "r", "name": "R", "requires": [{"competency": "a", "level": 1}]}],
              "positions": [{"id": "p", "name": "P", "department": "x", "roles": ["r"]},
                            {"id": "q", "name": "Q", "department": "y", "roles": ["r"]}]}"#,
        )
        .expect("a framework");
        let entries = |levels: [u8; 3]| {
            let held = ["a", "b", "c"].iter().zip(levels).filter(|(_, l)| *l > 0);
            (held.map(|(c, l)| {
                format!(r#"{{"competency": "{c}", "level": {l}, "source": "assessment"}}"#)
            }))
            .collect::<Vec<_>>()
            .join(", ")
        };
        let officers: Vec<String> = (officers.iter())
            .map(|(id, p, levels)| {
                let d = if *p == "p" { "x" } else { "y" };
                let passbook = entries(*levels);
                format!(r#"{{"id": "{id}", "department": "{d}", "position": "{p}", "passbook": [{passbook}]}}"#)
            })
            .collect();
        let doc = format!(
            r#"{{"format_version": 2, "officers": [{}]}}"#,
            officers.join(", ")
        );
        Cohort::from_json(&fw, &doc, &LevelPolicy::default()).expect("valid officers")
    }

    #[test]
    fn officers_keep_their_group_levels_in_three_bytes_and_ids_of_one_width_no_ends() {
        let given = [
            ("o1", "q", [1, 0, 5]),
            ("o2", "p", [0, 0, 0]),
            ("o3", "q", [2, 3, 4]),
            ("o4", "p", [0, 5, 0]),
        ];
        let c = cohort(&given);
        for (i, (_, p, levels)) in given.iter().enumerate() {
            let i = i as u32;
            assert_eq!(c.position_of(i), u32::from(*p == "q"));
            assert_eq!(c.department_of(i), u32::from(*p == "q"));
            let held: Vec<(u32, u8)> = c.held_of(i).iter().map(super::unpack).collect();
            let want: Vec<(u32, u8)> = (0..3u32).zip(*levels).filter(|&(_, l)| l > 0).collect();
            assert_eq!(held, want);
        }
        // Six levels held: three bytes each and the closing byte; the ids all two bytes.
        assert_eq!(c.held.len(), 3 * 6 + 1);
        assert!(c.id_end.is_none());
        assert_eq!(
            (0..4).map(|i| c.id_str(i)).collect::<Vec<_>>(),
            ["o1", "o2", "o3", "o4"]
        );
        let mut longer = given;
        longer[3].0 = "o40";
        let wide = cohort(&longer);
        assert_eq!(wide.id_end.as_deref(), Some(&[2, 4, 6, 9][..]));
        assert_eq!(wide.heap_bytes(), c.heap_bytes() + 1 + 4 * 4);
        assert_eq!(wide.officer_id(3), Some("o40"));
        assert_eq!(wide.find("o40"), Some(3));
        assert!(c.same_positions(&wide));
        let mut moved = given;
        moved[1].1 = "q";
        assert!(!c.same_positions(&cohort(&moved)));
    }
}
