//! A compact, validated store of many officers, for department-scale analysis.

use crate::internal::nearest::Nearest;
use crate::internal::order;
use crate::profile::{NEAREST_LIMIT, Resolved, resolve_officer};
use crate::{
    DepartmentId, EntityKind, Error, Errors, Framework, LevelPolicy, OfficerId, OfficerSpec,
    Profile,
};

const NO_TARGET: u32 = u32::MAX;

/// Many officers checked against one framework, stored column-wise in about
/// `40 + 4·h + len(id)` bytes each (h = competencies held), without their passbooks.
/// Officer names cost nothing while no officer has one, and `4 + len(name)` bytes each
/// once some officer has.
///
/// Build it with [`Cohort::new`] from any iterator of officers, so millions of officers
/// can be streamed in without holding their specs. Officers are kept in input order;
/// current levels are derived with a [`LevelPolicy`] once, at construction.
#[derive(Clone, Debug)]
pub struct Cohort {
    pub(crate) stamp: u64,
    /// Officer ids, concatenated; officer `i` is `ids[id_end[i-1]..id_end[i]]`.
    ids: String,
    id_end: Vec<u32>,
    /// Officer names, kept only once some officer has one.
    names: Option<Names>,
    /// Department names, sorted; `department[i]` indexes it.
    pub(crate) departments: Vec<DepartmentId>,
    pub(crate) department: Vec<u32>,
    pub(crate) position: Vec<u32>,
    target: Vec<u32>,
    /// Officer `i` holds `held[held_start[i]..held_start[i+1]]`, each `competency << 3 | level`,
    /// sorted by competency.
    pub(crate) held_start: Vec<u32>,
    pub(crate) held: Vec<u32>,
    completed_start: Vec<u32>,
    completed: Vec<u32>,
    /// Officer indices sorted by id, for lookups and duplicate detection.
    by_id: Vec<u32>,
}

impl Cohort {
    /// Checks every officer against `framework`, derives their levels with `policy`, and
    /// stores them compactly.
    ///
    /// # Errors
    /// [`Errors`] listing every problem of every officer (as for [`Profile::new`]), empty
    /// and duplicate officer ids, and [`Error::CapacityExceeded`] beyond 2³² − 1 officers,
    /// bytes of ids or of names, or held entries.
    ///
    /// # Complexity
    /// O(E + n log n) for E evidence entries and n officers.
    pub fn new<I>(
        framework: &Framework,
        officers: I,
        policy: &LevelPolicy,
    ) -> Result<Cohort, Errors>
    where
        I: IntoIterator,
        I::Item: std::borrow::Borrow<OfficerSpec>,
    {
        let mut errors = Vec::new();
        let mut c = Cohort {
            stamp: framework.stamp,
            ids: String::new(),
            id_end: Vec::new(),
            names: None,
            departments: Vec::new(),
            department: Vec::new(),
            position: Vec::new(),
            target: Vec::new(),
            held_start: vec![0],
            held: Vec::new(),
            completed_start: vec![0],
            completed: Vec::new(),
            by_id: Vec::new(),
        };
        let mut dept_index: std::collections::HashMap<DepartmentId, u32> =
            std::collections::HashMap::new();
        let mut held = Vec::new();
        let mut completed = Vec::new();
        let mut nearest = Nearest::new(NEAREST_LIMIT);
        for (index, officer) in officers.into_iter().enumerate() {
            let officer = std::borrow::Borrow::<OfficerSpec>::borrow(&officer);
            held.clear();
            completed.clear();
            let before = errors.len();
            let (position, target) = resolve_officer(
                framework,
                officer,
                policy,
                &mut Resolved {
                    held: &mut held,
                    completed: &mut completed,
                    errors: &mut errors,
                    nearest: &mut nearest,
                },
            );
            if officer.id.as_str().trim().is_empty() {
                // resolve_officer cannot know the index within the batch.
                if let Some(Error::EmptyId { index: i, .. }) = errors.get_mut(before) {
                    *i = index;
                }
            }
            let Some(position) = position else { continue };
            if errors.len() > before {
                continue;
            }
            let name_bytes = c.names.as_ref().map_or(0, |n| n.text.len());
            if c.ids.len() + officer.id.as_str().len() > u32::MAX as usize
                || name_bytes + officer.name.as_ref().map_or(0, String::len) > u32::MAX as usize
                || c.held.len() + held.len() > u32::MAX as usize
                || c.position.len() >= (u32::MAX - 1) as usize
            {
                errors.push(Error::CapacityExceeded {
                    what: "officers, ids, names or held levels in one cohort",
                    limit: u64::from(u32::MAX),
                });
                break;
            }
            c.ids.push_str(officer.id.as_str());
            c.id_end.push(c.ids.len() as u32);
            c.push_name(officer.name.as_deref());
            let next = dept_index.len() as u32;
            let d = *dept_index.entry(officer.department.clone()).or_insert(next);
            c.department.push(d);
            c.position.push(position);
            c.target.push(target.unwrap_or(NO_TARGET));
            c.held.extend(
                held.iter()
                    .map(|&(comp, level)| comp << 3 | u32::from(level)),
            );
            c.held_start.push(c.held.len() as u32);
            c.completed.extend_from_slice(&completed);
            c.completed_start.push(c.completed.len() as u32);
        }
        c.index_departments_and_ids(dept_index, &mut errors);
        if let Some(e) = Errors::from_vec(errors) {
            return Err(e);
        }
        c.shrink_to_fit();
        Ok(c)
    }

    /// Numbers departments in id order (so every listing is independent of input order),
    /// sorts the officers by id and reports repeated officer ids.
    fn index_departments_and_ids(
        &mut self,
        dept_index: std::collections::HashMap<DepartmentId, u32>,
        errors: &mut Vec<Error>,
    ) {
        let c = self;
        let mut depts: Vec<(DepartmentId, u32)> = dept_index.into_iter().collect();
        order::sort(&mut depts);
        let mut remap = vec![0u32; depts.len()];
        for (new, (_, old)) in depts.iter().enumerate() {
            remap[*old as usize] = new as u32;
        }
        for d in &mut c.department {
            *d = remap[*d as usize];
        }
        c.departments = depts.into_iter().map(|(d, _)| d).collect();

        let mut by_id: Vec<u32> = (0..c.len() as u32).collect();
        by_id.sort_unstable_by(|&a, &b| c.id_str(a).cmp(c.id_str(b)).then(a.cmp(&b)));
        c.by_id = by_id;
        for w in c.by_id.windows(2) {
            if c.id_str(w[0]) == c.id_str(w[1]) {
                let id = c.id_str(w[0]).to_owned();
                if !matches!(errors.last(), Some(Error::DuplicateId { id: last, .. }) if *last == id)
                {
                    errors.push(Error::DuplicateId {
                        kind: EntityKind::Officer,
                        id,
                    });
                }
            }
        }
    }

    /// Stores the name of the officer just added: nothing while no officer has a name.
    fn push_name(&mut self, name: Option<&str>) {
        match (&mut self.names, name) {
            (None, None) => {}
            (None, Some(name)) => {
                let mut names = Names::unnamed(self.id_end.len() - 1);
                names.push(name);
                self.names = Some(names);
            }
            (Some(names), name) => names.push(name.unwrap_or("")),
        }
    }

    /// Releases the growth slack of every column: a cohort is built once and then read.
    fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        if let Some(names) = &mut self.names {
            names.text.shrink_to_fit();
            names.end.shrink_to_fit();
        }
        for column in [
            &mut self.id_end,
            &mut self.department,
            &mut self.position,
            &mut self.target,
            &mut self.held_start,
            &mut self.held,
            &mut self.completed_start,
            &mut self.completed,
            &mut self.by_id,
        ] {
            column.shrink_to_fit();
        }
    }

    /// How many officers the cohort holds.
    pub fn len(&self) -> usize {
        self.position.len()
    }

    /// Whether the cohort holds no officer.
    pub fn is_empty(&self) -> bool {
        self.position.is_empty()
    }

    /// The departments of the cohort's officers, sorted.
    pub fn departments(&self) -> &[DepartmentId] {
        &self.departments
    }

    /// Approximate heap bytes used, for capacity planning.
    pub fn heap_bytes(&self) -> usize {
        self.ids.capacity()
            + self
                .names
                .as_ref()
                .map_or(0, |n| n.text.capacity() + 4 * n.end.capacity())
            + 4 * (self.id_end.capacity()
                + self.department.capacity()
                + self.position.capacity()
                + self.target.capacity()
                + self.held_start.capacity()
                + self.held.capacity()
                + self.completed_start.capacity()
                + self.completed.capacity()
                + self.by_id.capacity())
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
        self.by_id
            .binary_search_by(|&i| self.id_str(i).cmp(id))
            .ok()
            .and_then(|k| self.by_id.get(k))
            .map(|&i| i as usize)
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
                .get(self.department[index] as usize)?
                .clone(),
            position: self.position[index],
            target: Some(self.target[index]).filter(|&t| t != NO_TARGET),
            held: self
                .held_of(i)
                .iter()
                .map(|&x| (x >> 3, (x & 7) as u8))
                .collect(),
            completed: self.completed_of(i).to_vec(),
        })
    }

    pub(crate) fn id_str(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 {
            0
        } else {
            self.id_end[i - 1] as usize
        };
        self.ids.get(start..self.id_end[i] as usize).unwrap_or("")
    }

    /// The name of officer `i`, if any.
    pub(crate) fn name_str(&self, i: u32) -> Option<&str> {
        self.names.as_ref().and_then(|n| n.get(i as usize))
    }

    /// The name of officer `i` as reports carry it.
    pub(crate) fn name_owned(&self, i: u32) -> Option<String> {
        self.name_str(i).map(str::to_owned)
    }

    pub(crate) fn held_of(&self, i: u32) -> &[u32] {
        let i = i as usize;
        self.held
            .get(self.held_start[i] as usize..self.held_start[i + 1] as usize)
            .unwrap_or(&[])
    }

    pub(crate) fn completed_of(&self, i: u32) -> &[u32] {
        let i = i as usize;
        self.completed
            .get(self.completed_start[i] as usize..self.completed_start[i + 1] as usize)
            .unwrap_or(&[])
    }
}

/// Officer names, concatenated: officer `i`'s is `text[end[i - 1]..end[i]]`, and an empty
/// range means no name (a given name is never empty).
#[derive(Clone, Debug)]
struct Names {
    text: String,
    end: Vec<u32>,
}

impl Names {
    /// Names for `officers` officers who have none.
    fn unnamed(officers: usize) -> Names {
        Names {
            text: String::new(),
            end: vec![0; officers],
        }
    }

    fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.end.push(self.text.len() as u32);
    }

    fn get(&self, i: usize) -> Option<&str> {
        let start = if i == 0 { 0 } else { *self.end.get(i - 1)? };
        let end = *self.end.get(i)?;
        self.text
            .get(start as usize..end as usize)
            .filter(|name| !name.is_empty())
    }
}

/// Unpacks a packed held entry.
#[inline]
pub(crate) fn unpack(x: u32) -> (u32, u8) {
    (x >> 3, (x & 7) as u8)
}

#[cfg(test)]
mod tests {
    #[test]
    fn packing_keeps_levels_apart_from_competencies() {
        let packed = 12_345u32 << 3 | 5;
        assert_eq!(super::unpack(packed), (12_345, 5));
    }
}
