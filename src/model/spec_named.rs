//! The JSON forms of the spec items whose `level` keeps a name written beside its number
//! (`model::level_text`): a [`GroupRule`], a [`CourseOutcome`] and a [`LevelDescriptor`],
//! read with the name and written back with it.

use serde::{Deserialize, Deserializer, Serialize};

use crate::CompetencyId;
use crate::model::level_text;
use crate::model::object::object;
use crate::model::spec::{CourseOutcome, GroupRule, LevelDescriptor};

/// [`GroupRule`] as JSON writes it: the level with its name.
#[derive(Deserialize)]
#[serde(rename = "GroupRule", deny_unknown_fields)]
pub(crate) struct GroupRuleRead {
    competency: CompetencyId,
    #[serde(deserialize_with = "crate::model::level_text::required_level")]
    level: (u8, Option<String>),
    #[serde(default, deserialize_with = "crate::model::whole::at_least")]
    at_least: Option<u32>,
}

impl From<GroupRuleRead> for GroupRule {
    fn from(read: GroupRuleRead) -> GroupRule {
        GroupRule {
            competency: read.competency,
            level: read.level.0,
            level_name: read.level.1,
            at_least: read.at_least,
        }
    }
}

impl Serialize for GroupRule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let level = (self.level, self.level_name.as_deref());
        let at = ("GroupRule", 3);
        let mut s = level_text::competency_at_level(serializer, at, &self.competency, level)?;
        if let Some(at_least) = self.at_least {
            s.serialize_field("at_least", &at_least)?;
        }
        s.end()
    }
}

/// [`CourseOutcome`] as JSON writes it: the optional level with its name.
#[derive(Deserialize)]
#[serde(rename = "CourseOutcome", deny_unknown_fields)]
pub(crate) struct CourseOutcomeRead {
    competency: CompetencyId,
    #[serde(
        default,
        deserialize_with = "crate::model::level_text::optional_named_written_level"
    )]
    level: Option<(u8, Option<String>)>,
}

impl From<CourseOutcomeRead> for CourseOutcome {
    fn from(read: CourseOutcomeRead) -> CourseOutcome {
        let (level, level_name) = read.level.unzip();
        CourseOutcome {
            competency: read.competency,
            level,
            level_name: level_name.flatten(),
        }
    }
}

impl Serialize for CourseOutcome {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if let Some(level) = self.level {
            let level = (level, self.level_name.as_deref());
            let at = ("CourseOutcome", 2);
            return level_text::competency_at_level(serializer, at, &self.competency, level)?.end();
        }
        let mut s = serializer.serialize_struct("CourseOutcome", 1)?;
        s.serialize_field("competency", &self.competency)?;
        s.end()
    }
}

/// [`LevelDescriptor`] as JSON writes it: the level with the name written beside it.
#[derive(Deserialize)]
#[serde(rename = "LevelDescriptor", deny_unknown_fields)]
pub(crate) struct LevelDescriptorRead {
    #[serde(deserialize_with = "crate::model::level_text::named_written_level")]
    level: (u8, Option<String>),
    #[serde(default)]
    name: Option<String>,
    #[serde(default, deserialize_with = "crate::model::json::null_as_default")]
    description: String,
}

impl From<LevelDescriptorRead> for LevelDescriptor {
    fn from(read: LevelDescriptorRead) -> LevelDescriptor {
        LevelDescriptor {
            level: read.level.0,
            name: read.name,
            level_name: read.level.1,
            description: read.description,
        }
    }
}

impl Serialize for LevelDescriptor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("LevelDescriptor", 3)?;
        match &self.level_name {
            Some(named) => {
                let text = level_text::numbered_text(self.level, named, false);
                s.serialize_field("level", &text)?;
            }
            None => s.serialize_field("level", &self.level)?,
        }
        if let Some(name) = &self.name {
            s.serialize_field("name", name)?;
        }
        s.serialize_field("description", &self.description)?;
        s.end()
    }
}

/// Read from a JSON object only, never field by field from a list.
impl<'de> Deserialize<'de> for GroupRule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        object::<GroupRuleRead, D>(deserializer).map(Self::from)
    }
}

/// Read from a JSON object only, never field by field from a list.
impl<'de> Deserialize<'de> for CourseOutcome {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        object::<CourseOutcomeRead, D>(deserializer).map(Self::from)
    }
}

/// Read from a JSON object only, never field by field from a list.
impl<'de> Deserialize<'de> for LevelDescriptor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        object::<LevelDescriptorRead, D>(deserializer).map(Self::from)
    }
}
