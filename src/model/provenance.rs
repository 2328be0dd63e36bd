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
/// Iterating all of a requirement's paths costs O(Σ over the position's roles of
/// (log d + min(a, m)·log(a + m))) for d direct requirements and a activities of the role
/// and m activities requiring the competency: proportional to the position's roles and the
/// paths found, not to the framework. [`Paths::len`] iterates; [`Paths::is_empty`] stops at
/// the first path.
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
            },
            Some((fw, p, c)) => PathsIter {
                framework: Some(fw),
                competency: c,
                roles: fw.position_roles.row(p),
                role: 0,
                direct: None,
                activities: &[],
                needing: &[],
            },
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
}

impl fmt::Debug for PathsIter<'_> {
    /// The paths not yet given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl<'f> PathsIter<'f> {
    fn path(&self, fw: &'f Framework, activity: Option<u32>, level: u8) -> Provenance<'f> {
        Provenance {
            role: &fw.roles.items[self.role as usize].id,
            activity: activity.map(|a| &fw.activities.items[a as usize].id),
            level: Level::saturating(level),
        }
    }
}

impl<'f> Iterator for PathsIter<'f> {
    type Item = Provenance<'f>;

    fn next(&mut self) -> Option<Provenance<'f>> {
        let fw = self.framework?;
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
