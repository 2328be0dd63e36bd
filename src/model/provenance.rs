//! Provenance: the role → activity paths through which a position requires a competency,
//! derived on demand from the framework's graph.

use std::fmt;
use std::iter::FusedIterator;

use serde::{Serialize, Serializer};

use crate::{ActivityId, Framework, Level, RoleId};

/// One path through which a position requires a competency: a role, through one of its
/// activities or directly, at a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Provenance<'f> {
    /// The role that carries the requirement.
    pub role: &'f RoleId,
    /// The activity that needs the competency; `None` when the role requires it directly.
    pub activity: Option<&'f ActivityId>,
    /// The level this path demands.
    pub level: Level,
}

/// Every path through which a position requires a competency, sorted by role, then
/// activity (the role's direct requirement first): the provenance of a [`Requirement`],
/// a [`Gap`] or a [`Closed`] gap.
///
/// The paths are not stored: a framework keeps only its own edges (position → role,
/// role → activity, role → competency, activity → competency), and `Paths` walks them when
/// iterated. A position whose roles share activities can require one competency through
/// far more paths than the framework has edges (65 roles sharing 65 activities give 4,225
/// paths per competency); storing them all would make a framework's memory grow with the
/// product. So building a gap report costs nothing per path, and only iterating does.
///
/// Serialized as a list of [`Provenance`], as a `Vec` would be. Two values are equal when
/// they list the same paths.
///
/// # Complexity
/// Iterating a requirement's paths reads whichever side is smaller. Let n be the
/// position's roles and w the competency's reach: the roles requiring it directly plus,
/// per activity requiring it, the roles carrying that activity (anywhere in the
/// framework). When w < n, the reach is read and each entry kept if its role is the
/// position's, then the paths found are sorted: O(w·log n) time and O(paths) memory.
/// Otherwise the position's roles are walked, with no memory: O(Σ over them of
/// (log d + min(a, m)·log(a + m))) for d direct requirements and a activities of the
/// role and m activities requiring the competency. Listing every requirement's paths of
/// a position therefore costs O(Σ over its requirements of min(w·log n, the walk)):
/// O((paths + requirements)·log n) when its competencies are reached only through its
/// own roles (a post of 20,000 roles each requiring competencies of its own), and at most
/// the walk or O(n·log n) for each requirement, whichever is more, and O(w·log n), reading
/// the framework's edges into the competency, when w < n. [`Paths::len`] iterates;
/// [`Paths::is_empty`] stops at the first path (after the reading, on the competency's
/// side).
///
/// # Example
/// ```
/// use karmayogi::Framework;
///
/// let fw = Framework::from_json(r#"{"format_version": 2,
///   "competencies": [{"id": "accounts", "name": "Accounts", "type": "functional"}],
///   "activities": [{"id": "reconcile", "name": "Reconcile cash",
///                   "requires": [{"competency": "accounts", "level": 3}]}],
///   "roles": [{"id": "cashier", "name": "Cashier", "activities": ["reconcile"],
///              "requires": [{"competency": "accounts", "level": 2}]}],
///   "positions": [{"id": "clerk", "name": "Clerk", "department": "posts",
///                  "roles": ["cashier"]}]}"#)?;
/// let reqs = fw.requirements("clerk")?;
/// let why: Vec<String> = reqs[0]
///     .provenance
///     .iter()
///     .map(|p| match p.activity {
///         Some(a) => format!("{}/{} at {}", p.role, a, p.level.get()),
///         None => format!("{} at {}", p.role, p.level.get()),
///     })
///     .collect();
/// assert_eq!(why, ["cashier at 2", "cashier/reconcile at 3"]);
/// assert_eq!(reqs[0].level.get(), 3);
/// assert_eq!(reqs[0].provenance.len(), 2);
/// assert_eq!(
///     serde_json::to_string(&reqs[0].provenance)?,
///     r#"[{"role":"cashier","activity":null,"level":2},{"role":"cashier","activity":"reconcile","level":3}]"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`Requirement`]: crate::Requirement
/// [`Gap`]: crate::Gap
/// [`Closed`]: crate::Closed
#[derive(Clone, Copy, Default)]
pub struct Paths<'f> {
    /// The framework, position and competency; `None` for no path at all.
    at: Option<(&'f Framework, u32, u32)>,
}

impl<'f> Paths<'f> {
    /// The paths of position `p` to competency `c`.
    pub(crate) fn new(framework: &'f Framework, p: u32, c: u32) -> Paths<'f> {
        Paths {
            at: Some((framework, p, c)),
        }
    }

    /// The paths, in order.
    pub fn iter(&self) -> PathsIter<'f> {
        match self.at {
            None => PathsIter {
                framework: None,
                competency: 0,
                roles: &[],
                role: 0,
                direct: None,
                activities: &[],
                needing: &[],
                gathered: Vec::new().into_iter(),
            },
            Some((fw, p, c)) => {
                let roles = fw.position_roles.row(p).len() as u64;
                let w = fw.reach.weight.get(c as usize).copied().unwrap_or(u64::MAX);
                PathsIter::new(fw, p, c, w < roles)
            }
        }
    }

    /// How many paths there are (by iterating them).
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there is no path (true only for targets not derived from a position).
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    /// The paths, collected.
    pub fn to_vec(&self) -> Vec<Provenance<'f>> {
        self.iter().collect()
    }
}

impl<'f> IntoIterator for Paths<'f> {
    type Item = Provenance<'f>;
    type IntoIter = PathsIter<'f>;

    fn into_iter(self) -> PathsIter<'f> {
        self.iter()
    }
}

impl<'f> IntoIterator for &Paths<'f> {
    type Item = Provenance<'f>;
    type IntoIter = PathsIter<'f>;

    fn into_iter(self) -> PathsIter<'f> {
        self.iter()
    }
}

impl PartialEq for Paths<'_> {
    fn eq(&self, other: &Self) -> bool {
        let same = match (self.at, other.at) {
            (Some((mine, p, c)), Some((theirs, q, d))) => {
                std::ptr::eq(mine, theirs) && (p, c) == (q, d)
            }
            _ => false,
        };
        same || self.iter().eq(other.iter())
    }
}

impl Eq for Paths<'_> {}

impl fmt::Debug for Paths<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Paths<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// The iterator of [`Paths`].
#[derive(Clone)]
pub struct PathsIter<'f> {
    framework: Option<&'f Framework>,
    competency: u32,
    /// Roles of the position not yet visited, sorted.
    roles: &'f [u32],
    /// The role being visited.
    role: u32,
    /// Its direct requirement of the competency, not yet given.
    direct: Option<u8>,
    /// Its activities not yet matched, sorted.
    activities: &'f [u32],
    /// Activities requiring the competency (with the level) not yet matched, sorted.
    needing: &'f [(u32, u8)],
    /// The paths read from the competency's side (role, activity, level), not yet given;
    /// when not empty, `roles` is.
    gathered: std::vec::IntoIter<(u32, Option<u32>, u8)>,
}

impl fmt::Debug for PathsIter<'_> {
    /// The paths not yet given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl<'f> PathsIter<'f> {
    /// The paths of position `p` to competency `c`, read from the competency's side when
    /// `gather`, else by walking the position's roles.
    fn new(fw: &'f Framework, p: u32, c: u32, gather: bool) -> PathsIter<'f> {
        let roles = fw.position_roles.row(p);
        PathsIter {
            framework: Some(fw),
            competency: c,
            roles: if gather { &[] } else { roles },
            role: 0,
            direct: None,
            activities: &[],
            needing: &[],
            gathered: if gather {
                fw.reach.gather(&fw.competency_activities, roles, c)
            } else {
                Vec::new()
            }
            .into_iter(),
        }
    }

    fn path(&self, fw: &'f Framework, activity: Option<u32>, level: u8) -> Provenance<'f> {
        path(fw, self.role, activity, level)
    }
}

/// Role `r`'s path through `activity` (or directly) at `level`.
fn path(fw: &Framework, r: u32, activity: Option<u32>, level: u8) -> Provenance<'_> {
    Provenance {
        role: &fw.roles.items[r as usize].id,
        activity: activity.map(|a| &fw.activities.items[a as usize].id),
        level: Level::saturating(level),
    }
}

impl<'f> Iterator for PathsIter<'f> {
    type Item = Provenance<'f>;

    fn next(&mut self) -> Option<Provenance<'f>> {
        let fw = self.framework?;
        if let Some((r, activity, level)) = self.gathered.next() {
            return Some(path(fw, r, activity, level));
        }
        loop {
            if let Some(level) = self.direct.take() {
                return Some(self.path(fw, None, level));
            }
            // The role's activities meet the competency's: each step skips ahead in one of
            // the sorted lists by binary search, so a long list costs only its logarithm.
            while let (Some(&a), Some(&(n, level))) =
                (self.activities.first(), self.needing.first())
            {
                match a.cmp(&n) {
                    std::cmp::Ordering::Equal => {
                        self.activities = &self.activities[1..];
                        self.needing = &self.needing[1..];
                        return Some(self.path(fw, Some(a), level));
                    }
                    std::cmp::Ordering::Less => {
                        let skip = self.activities.partition_point(|&x| x < n);
                        self.activities = &self.activities[skip..];
                    }
                    std::cmp::Ordering::Greater => {
                        let skip = self.needing.partition_point(|&(x, _)| x < a);
                        self.needing = &self.needing[skip..];
                    }
                }
            }
            let (&r, rest) = self.roles.split_first()?;
            self.roles = rest;
            self.role = r;
            let direct = fw.role_direct.row(r);
            self.direct = direct
                .binary_search_by_key(&self.competency, |&(c, _)| c)
                .ok()
                .map(|i| direct[i].1);
            self.activities = fw.role_activities.row(r);
            self.needing = fw.competency_activities.row(self.competency);
        }
    }
}

impl FusedIterator for PathsIter<'_> {}

#[cfg(test)]
mod tests {
    use super::PathsIter;
    use crate::Framework;
    use crate::model::test_rng;
    use std::fmt::Write as _;

    /// A random framework: up to 6 competencies, 8 activities, 12 roles and 4 positions,
    /// each edge drawn with a random level, some requirements in draft.
    fn drawn(seed: u64) -> Framework {
        let mut below = test_rng::below(seed);
        let (nc, na, nr, np) = (1 + below(6), below(9), 1 + below(12), 1 + below(4));
        let reqs = |below: &mut dyn FnMut(u64) -> u64| {
            let mut out = Vec::new();
            for c in 0..nc {
                if below(3) == 0 {
                    let status = if below(5) == 0 { "draft" } else { "verified" };
                    out.push(format!(
                        r#"{{"competency": "c{c}", "level": {}, "status": "{status}"}}"#,
                        1 + below(5)
                    ));
                }
            }
            out.join(",")
        };
        let mut json = String::from(r#"{"format_version": 2, "competencies": ["#);
        let list = (0..nc).map(|c| format!(r#"{{"id": "c{c}", "name": "C", "type": "domain"}}"#));
        json.push_str(&list.collect::<Vec<_>>().join(","));
        json.push_str(r#"], "activities": ["#);
        let list: Vec<String> = (0..na)
            .map(|a| {
                format!(
                    r#"{{"id": "a{a}", "name": "A", "requires": [{}]}}"#,
                    reqs(&mut below)
                )
            })
            .collect();
        json.push_str(&list.join(","));
        json.push_str(r#"], "roles": ["#);
        let list: Vec<String> = (0..nr)
            .map(|r| {
                let acts: Vec<String> = (0..na)
                    .filter(|_| below(3) == 0)
                    .map(|a| format!(r#""a{a}""#))
                    .collect();
                format!(
                    r#"{{"id": "r{r}", "name": "R", "activities": [{}], "requires": [{}]}}"#,
                    acts.join(","),
                    reqs(&mut below)
                )
            })
            .collect();
        json.push_str(&list.join(","));
        json.push_str(r#"], "positions": ["#);
        for p in 0..np {
            let mut roles: Vec<String> = (0..nr)
                .filter(|_| below(2) == 0)
                .map(|r| format!(r#""r{r}""#))
                .collect();
            if roles.is_empty() {
                roles.push(format!(r#""r{}""#, below(nr)));
            }
            let comma = if p == 0 { "" } else { "," };
            write!(
                json,
                r#"{comma}{{"id": "p{p}", "name": "P", "department": "d", "roles": [{}]}}"#,
                roles.join(",")
            )
            .unwrap();
        }
        json.push_str("]}");
        Framework::from_json(&json).expect("a valid framework")
    }

    /// Every path of position `p` to competency `c` as the docs define them, from the
    /// specs alone: each role of the position with its verified direct requirement of `c`,
    /// and each of its activities with its verified requirement of `c`, sorted by role id,
    /// then activity id (the direct requirement first).
    fn naive(fw: &Framework, p: u32, c: u32) -> Vec<(String, Option<String>, u8)> {
        let id = &fw.competencies.items[c as usize].id;
        let verified = |q: &&crate::RequirementSpec| {
            q.competency == *id && q.status == crate::ReviewStatus::Verified
        };
        let mut out = Vec::new();
        for role in &fw.positions.items[p as usize].roles {
            let spec = fw.roles.items.iter().find(|r| r.id == *role).unwrap();
            for q in spec.requires.iter().filter(verified) {
                out.push((role.to_string(), None, q.level));
            }
            for a in &spec.activities {
                let activity = fw.activities.items.iter().find(|x| x.id == *a).unwrap();
                for q in activity.requires.iter().filter(verified) {
                    out.push((role.to_string(), Some(a.to_string()), q.level));
                }
            }
        }
        out.sort();
        out
    }

    /// Reading a competency's paths from its side gives the walk's paths, in its order,
    /// and both give the paths the docs define, for every position and competency
    /// (required or not) of 2,000 random frameworks.
    #[test]
    fn gathered_paths_are_the_walks() {
        let (mut gathered, mut walked) = (0, 0);
        for seed in 1..=2_000 {
            let fw = drawn(seed);
            for p in 0..fw.positions.len() as u32 {
                for c in 0..fw.competencies.len() as u32 {
                    let walk: Vec<_> = PathsIter::new(&fw, p, c, false).collect();
                    let read: Vec<_> = PathsIter::new(&fw, p, c, true).collect();
                    assert_eq!(read, walk, "seed {seed}, position {p}, competency {c}");
                    let chosen = super::Paths::new(&fw, p, c).to_vec();
                    assert_eq!(chosen, walk, "seed {seed}, position {p}, competency {c}");
                    let listed: Vec<_> = (walk.iter())
                        .map(|x| {
                            let activity = x.activity.map(ToString::to_string);
                            (x.role.to_string(), activity, x.level.get())
                        })
                        .collect();
                    assert_eq!(listed, naive(&fw, p, c), "seed {seed}, {p}, {c}");
                    let roles = fw.position_roles.row(p).len() as u64;
                    if fw.reach.weight[c as usize] < roles && !walk.is_empty() {
                        gathered += 1;
                    } else if !walk.is_empty() {
                        walked += 1;
                    }
                }
            }
        }
        // Both sides were chosen for paths that exist.
        assert!(
            gathered > 100 && walked > 100,
            "{gathered} gathered, {walked} walked"
        );
    }
}
