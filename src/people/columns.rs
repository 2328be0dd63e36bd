//! Building a [`Cohort`](crate::Cohort)'s columns from officers read one at a time, whatever they are read
//! from (specs, JSON, CSV rows), without holding their specs.
//!
//! Officers arrive in input order and keep it for every accessor; their held levels are
//! stored grouped by department and then position (input order within a group), so that
//! the aggregations read them in one stream with each position's requirements in cache.

use crate::model::hash::IdMap;
use crate::model::order;
use crate::{DepartmentId, Error};

/// A target position of none.
pub(crate) const NO_TARGET: u32 = u32::MAX;

/// The officers of one department in one position: slots `start..` up to the next group's
/// start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Group {
    pub(crate) department: u32,
    pub(crate) position: u32,
    pub(crate) start: u32,
}

/// Officer names, concatenated: officer `i`'s is `text[end[i - 1]..end[i]]`, and an empty
/// range means no name (a given name is never empty).
#[derive(Clone, Debug)]
pub(crate) struct Names {
    pub(crate) text: String,
    pub(crate) end: Vec<u32>,
}

impl Names {
    fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.end.push(self.text.len() as u32);
    }

    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        let start = if i == 0 { 0 } else { *self.end.get(i - 1)? };
        let end = *self.end.get(i)?;
        self.text
            .get(start as usize..end as usize)
            .filter(|name| !name.is_empty())
    }
}

/// Per officer, `values[start[i]..start[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lists {
    pub(crate) start: Vec<u32>,
    pub(crate) values: Vec<u32>,
}

impl Lists {
    pub(crate) fn new() -> Self {
        Lists {
            start: vec![0],
            values: Vec::new(),
        }
    }

    pub(crate) fn get(&self, i: usize) -> &[u32] {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.values.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Ends list number `start.len() - 1`, whose values were pushed since the last.
    pub(crate) fn close(&mut self) {
        self.start.push(self.values.len() as u32);
    }
}

/// The columns of the officers read so far, in input order, held levels apart.
pub(crate) struct Officers {
    pub(super) ids: String,
    pub(super) id_end: Vec<u32>,
    pub(super) names: Option<Names>,
    /// Departments numbered in order of first appearance (renumbered by name at the end).
    pub(super) dept_index: IdMap<String, u32>,
    pub(super) dept_names: Vec<String>,
    pub(super) department: Vec<u32>,
    pub(super) position: Vec<u32>,
    pub(super) targets: Option<Vec<u32>>,
    /// Whether every id comes after the one before in byte order (so no two are the same):
    /// the cohort is then in id order already and needs no sort, and a reader of an
    /// export needs no table of the ids.
    pub(super) ordered: bool,
}

impl Officers {
    pub(crate) fn new() -> Self {
        Officers {
            ids: String::new(),
            id_end: Vec::new(),
            names: None,
            dept_index: IdMap::default(),
            dept_names: Vec::new(),
            department: Vec::new(),
            position: Vec::new(),
            targets: None,
            ordered: true,
        }
    }

    /// Whether every id added comes after the one before in byte order
    /// ([`Officers::push`] compares each with the one before).
    pub(crate) fn ordered(&self) -> bool {
        self.ordered
    }

    pub(crate) fn len(&self) -> usize {
        self.position.len()
    }

    /// The number of the last officer's department (numbered in order of first
    /// appearance until the cohort is built), to give [`Officers::push_after`] again.
    pub(crate) fn last_department(&self) -> Option<u32> {
        self.department.last().copied()
    }

    /// The id of officer `i` (input order).
    pub(crate) fn id(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.id_end[i - 1] as usize
        };
        self.ids.get(start..self.id_end[i] as usize).unwrap_or("")
    }

    /// The id of officer `i` (input order) as bytes: [`Officers::id`] without the check
    /// that the bounds fall between characters, for comparing ids.
    pub(crate) fn id_bytes(&self, i: usize) -> &[u8] {
        let start = if i == 0 {
            0
        } else {
            self.id_end[i - 1] as usize
        };
        self.ids
            .as_bytes()
            .get(start..self.id_end[i] as usize)
            .unwrap_or(&[])
    }

    /// The ids of the officers so far, in input order.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.id(i))
    }

    /// Adds an officer.
    ///
    /// # Errors
    /// [`Error::CapacityExceeded`] beyond 2³² − 2 officers or 2³² − 1 bytes of ids or of
    /// names; nothing is added then.
    pub(crate) fn push(
        &mut self,
        id: &str,
        name: Option<&str>,
        department: &str,
        position: u32,
        target: Option<u32>,
    ) -> Result<(), Error> {
        self.push_after(id, name, (department, None), position, target, false)
    }

    /// [`Officers::push`], with what the caller knows: `department` with its number, when
    /// the columns numbered it before (as [`Officers::last_department`] gave it), so it is
    /// not looked up; `follows`: `id` comes after the last id in byte order, so it is not
    /// compared again.
    ///
    /// # Errors
    /// As [`Officers::push`].
    pub(crate) fn push_after(
        &mut self,
        id: &str,
        name: Option<&str>,
        (department, number): (&str, Option<u32>),
        position: u32,
        target: Option<u32>,
        follows: bool,
    ) -> Result<(), Error> {
        let name_bytes = self.names.as_ref().map_or(0, |n| n.text.len());
        if self.ids.len() + id.len() > u32::MAX as usize
            || name_bytes + name.map_or(0, str::len) > u32::MAX as usize
            || self.position.len() >= (u32::MAX - 1) as usize
        {
            return Err(capacity());
        }
        let i = self.position.len();
        if self.ordered && i > 0 && !follows {
            self.ordered = self.id_bytes(i - 1) < id.as_bytes();
        }
        self.ids.push_str(id);
        self.id_end.push(self.ids.len() as u32);
        match (&mut self.names, name) {
            (None, None) => {}
            (None, Some(name)) => {
                let mut names = Names {
                    text: String::new(),
                    end: vec![0; i],
                };
                names.push(name);
                self.names = Some(names);
            }
            (Some(names), name) => names.push(name.unwrap_or("")),
        }
        // Officers of one department often come together: look the last one up first.
        let last = self.department.last().copied();
        let d = match (number, last) {
            (Some(d), _) => d,
            (None, Some(d))
                if self.dept_names.get(d as usize).map(String::as_str) == Some(department) =>
            {
                d
            }
            (None, _) => {
                if let Some(&d) = self.dept_index.get(department) {
                    d
                } else {
                    let d = self.dept_names.len() as u32;
                    self.dept_index.insert(department.to_owned(), d);
                    self.dept_names.push(department.to_owned());
                    d
                }
            }
        };
        self.department.push(d);
        self.position.push(position);
        match (&mut self.targets, target) {
            (None, None) => {}
            (None, Some(t)) => {
                let mut targets = vec![NO_TARGET; i];
                targets.push(t);
                self.targets = Some(targets);
            }
            (Some(targets), t) => targets.push(t.unwrap_or(NO_TARGET)),
        }
        Ok(())
    }

    /// Numbers the departments by name (so every listing is independent of input order)
    /// and groups the officers by department and position.
    pub(crate) fn layout(&mut self) -> Layout {
        let mut by_name: Vec<u32> = (0..self.dept_names.len() as u32).collect();
        order::sort_unstable_by(&mut by_name, |&a, &b| {
            self.dept_names[a as usize].cmp(&self.dept_names[b as usize])
        });
        let mut renumber = vec![0u32; by_name.len()];
        for (new, &old) in by_name.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        for d in &mut self.department {
            *d = renumber[*d as usize];
        }
        let departments = by_name
            .iter()
            .map(|&old| DepartmentId::new(std::mem::take(&mut self.dept_names[old as usize])))
            .collect();
        self.dept_index = IdMap::default();
        // Two stable counting sorts: by position, then by department.
        let n = self.len();
        let positions = self.position.iter().max().map_or(0, |&p| p as usize + 1);
        let by_position = counting_sort(0..n as u32, positions, |i| self.position[i as usize]);
        let order = counting_sort(by_position.into_iter(), by_name.len(), |i| {
            self.department[i as usize]
        });
        let mut groups: Vec<Group> = Vec::new();
        for (s, &i) in order.iter().enumerate() {
            let (d, p) = (self.department[i as usize], self.position[i as usize]);
            if groups
                .last()
                .is_none_or(|g| (g.department, g.position) != (d, p))
            {
                groups.push(Group {
                    department: d,
                    position: p,
                    start: s as u32,
                });
            }
        }
        let identity = order.iter().enumerate().all(|(s, &i)| s as u32 == i);
        // Stable: within a position, groups stay in department order.
        let groups_by_position = counting_sort(0..groups.len() as u32, positions, |g| {
            groups[g as usize].position
        });
        Layout {
            departments,
            groups,
            by_position: groups_by_position,
            order: (!identity).then_some(order),
        }
    }
}

/// How a cohort's officers are stored: departments by name, and the officers grouped.
pub(crate) struct Layout {
    pub(super) departments: Vec<DepartmentId>,
    pub(super) groups: Vec<Group>,
    /// Group indices sorted by position, then department.
    pub(super) by_position: Vec<u32>,
    /// Slot → input index; `None` when officers came grouped already.
    pub(super) order: Option<Vec<u32>>,
}

impl Layout {
    /// The input index of the officer stored in each slot, in slot order.
    #[cfg(test)]
    pub(crate) fn slots(&self, officers: usize) -> impl Iterator<Item = u32> + '_ {
        let all = self.order.is_none().then_some(0..officers as u32);
        self.order
            .iter()
            .flatten()
            .copied()
            .chain(all.into_iter().flatten())
    }

    /// The input index of the officer in each slot; `None` when officers came grouped
    /// already (slot = input index).
    pub(crate) fn order(&self) -> Option<&[u32]> {
        self.order.as_deref()
    }

    /// Lays lists of officers in input order out in slot order.
    pub(crate) fn arrange(&self, lists: Lists) -> Lists {
        let Some(order) = &self.order else {
            return lists;
        };
        let mut out = Lists {
            start: Vec::with_capacity(lists.start.len()),
            values: Vec::with_capacity(lists.values.len()),
        };
        out.start.push(0);
        for &i in order {
            out.values.extend_from_slice(lists.get(i as usize));
            out.close();
        }
        out
    }
}

/// Stable counting sort of `items` by `key` (below `keys`).
fn counting_sort(
    items: impl Iterator<Item = u32> + Clone,
    keys: usize,
    key: impl Fn(u32) -> u32,
) -> Vec<u32> {
    let mut start = vec![0usize; keys + 1];
    let mut n = 0;
    for i in items.clone() {
        start[key(i) as usize + 1] += 1;
        n += 1;
    }
    for k in 0..keys {
        start[k + 1] += start[k];
    }
    let mut out = vec![0u32; n];
    for i in items {
        let k = key(i) as usize;
        out[start[k]] = i;
        start[k] += 1;
    }
    out
}

/// The error for a cohort beyond what 32-bit indices address.
pub(crate) fn capacity() -> Error {
    Error::CapacityExceeded {
        what: "officers, ids, names or held levels in one cohort",
        limit: u64::from(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officers_are_grouped_by_department_then_position_in_input_order() {
        let mut officers = Officers::new();
        for (id, dept, pos) in [("a", "y", 2), ("b", "x", 1), ("c", "y", 1), ("d", "x", 1)] {
            officers.push(id, None, dept, pos, None).expect("room");
        }
        let layout = officers.layout();
        let names: Vec<&str> = layout
            .departments
            .iter()
            .map(DepartmentId::as_str)
            .collect();
        assert_eq!(names, ["x", "y"]);
        assert_eq!(layout.slots(4).collect::<Vec<_>>(), [1, 3, 2, 0]);
        let groups: Vec<(u32, u32, u32)> = (layout.groups.iter())
            .map(|g| (g.department, g.position, g.start))
            .collect();
        assert_eq!(groups, [(0, 1, 0), (1, 1, 2), (1, 2, 3)]);
        let mut lists = Lists::new();
        for i in 0..4u32 {
            lists.values.extend(0..i);
            lists.close();
        }
        let arranged = layout.arrange(lists);
        assert_eq!(arranged.get(0), [0]);
        assert_eq!(arranged.get(1), [0, 1, 2]);
        assert_eq!(arranged.get(2), [0, 1]);
        assert_eq!(arranged.get(3), [] as [u32; 0]);
    }

    /// `ordered` holds while each id comes after the one before in byte order, and stays
    /// false after the first that does not: the same id twice, an id before the last,
    /// a prefix of the last.
    #[test]
    fn ids_in_increasing_byte_order_are_told_apart() {
        let cases: [(&[&str], bool); 7] = [
            (&[], true),
            (&["a"], true),
            (&["", "a", "ab", "b", "b\u{e9}"], true),
            (&["a", "a"], false),
            (&["ab", "a"], false),
            (&["a", "c", "b", "d"], false),
            (&["o-9", "o-10"], false),
        ];
        for (ids, ordered) in cases {
            let mut officers = Officers::new();
            for id in ids {
                officers.push(id, None, "d", 0, None).expect("room");
            }
            assert_eq!(officers.ordered(), ordered, "{ids:?}");
        }
    }
}
