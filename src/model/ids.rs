//! Public identifiers: string keys chosen by the user, one newtype per kind of entity.

use std::borrow::Borrow;
use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// A thin wrapper over the caller's own string key. Ids compare, sort and hash as
        /// their strings; a [`Framework`](crate::Framework) orders every listing by them.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a string key. Emptiness is checked where the id is used, so that
            /// validation can report it together with every other problem.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The key as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// Identifies a competency in the dictionary, e.g. `"noting-and-drafting"`.
    CompetencyId
);
id_type!(
    /// Identifies an activity, a concrete action a role performs.
    ActivityId
);
id_type!(
    /// Identifies a role, a responsibility that positions carry.
    RoleId
);
id_type!(
    /// Identifies a position (a post) in a department.
    PositionId
);
id_type!(
    /// Identifies a course or other learning resource in the catalogue.
    CourseId
);
id_type!(
    /// Identifies an officer.
    OfficerId
);
id_type!(
    /// Identifies a competency group: an area, theme, sub-theme or any other grouping of
    /// competencies and groups.
    GroupId
);
id_type!(
    /// Identifies a ministry, department or organisation (an MDO).
    DepartmentId
);

/// The kinds of entity a framework holds; errors use it to say what an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A [`CompetencyId`].
    Competency,
    /// An [`ActivityId`].
    Activity,
    /// A [`RoleId`].
    Role,
    /// A [`PositionId`].
    Position,
    /// A [`CourseId`].
    Course,
    /// An [`OfficerId`].
    Officer,
    /// A [`GroupId`].
    Group,
    /// A [`DepartmentId`].
    Department,
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Competency => "competency",
            Self::Activity => "activity",
            Self::Role => "role",
            Self::Position => "position",
            Self::Course => "course",
            Self::Officer => "officer",
            Self::Group => "group",
            Self::Department => "department",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_serialize_as_plain_strings() {
        let id = CompetencyId::new("c-1");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"c-1\"");
        let back: CompetencyId = serde_json::from_str("\"c-1\"").unwrap();
        assert_eq!(back, id);
    }

    #[test]
    fn ids_order_by_their_strings() {
        let mut ids = vec![RoleId::from("b"), RoleId::from("a"), RoleId::from("aa")];
        ids.sort();
        assert_eq!(
            ids,
            vec![RoleId::from("a"), RoleId::from("aa"), RoleId::from("b")]
        );
    }
}
