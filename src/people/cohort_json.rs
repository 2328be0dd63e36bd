//! An officers document ([`OfficersSpec`]'s JSON) read straight into a [`Cohort`]: one pass
//! over the text, each officer checked and pushed into the cohort's columns as soon as its
//! object ends, without an [`OfficerSpec`](crate::OfficerSpec) on the way.
//!
//! The document is read by `serde_json` with visitors that accept exactly the objects the
//! derived readers of [`OfficersSpec`], [`OfficerSpec`](crate::OfficerSpec) and
//! [`Evidence`](crate::Evidence) accept: fields in any order, each at most once, no unknown
//! field, `null` for an absent optional field (`date`, `verified` and `passbook` too),
//! the same defaults. Strings are borrowed from the text unless they hold escapes; one officer's
//! passbook entries are kept, borrowed, until the officer's object ends (its fields may
//! come in any order), in a buffer reused for every officer. `format_version` is checked in
//! the same pass wherever it stands in the document.
//!
//! What this reader does not accept — a document that is not JSON of that shape, or a
//! version this crate does not read — is read again by
//! [`OfficersSpec::from_json`] then [`Cohort::new`], so every error, message and position
//! is theirs.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};

use crate::model::json::without_bom;
use crate::model::json_underflow::underflow;
use crate::model::level_text::Named;
use crate::model::whole::Whole;
use crate::people::builder::CohortBuilder;
use crate::people::json_text::{DateText, Text};
use crate::people::officer::{EvidenceSource, EvidenceView, OfficersSpec};
use crate::people::resolve::OfficerView;
use crate::people::spellings::Verified;
use crate::{Cohort, Errors, FORMAT_VERSION, Framework, LevelPolicy, OLDEST_FORMAT_VERSION};

impl Cohort {
    /// Reads an officers document (the JSON of [`OfficersSpec`]) straight into a cohort:
    /// exactly what [`OfficersSpec::from_json`] followed by [`Cohort::new`] with the same
    /// policy give, in one pass over the text and without building the officers' specs.
    ///
    /// The result is the same on every input: the same officers in the same order with
    /// the same levels; on bad input the same errors in the same order (an
    /// [`Error::UnsupportedFormatVersion`](crate::Error::UnsupportedFormatVersion)
    /// wherever `format_version` stands, or every problem [`Cohort::new`] finds, all at
    /// once), except that a document [`OfficersSpec::from_json`] cannot read gives every
    /// bad officer and passbook entry at once where it gives the first (see `# Errors`).
    /// A document that does not read in one pass (one with an error, or a struct
    /// written as a JSON array) is read again by those two steps to give their answer.
    /// Like [`Cohort::new`], it keeps passbook entries that repeat or contradict each other
    /// and reports nothing about them: [`OfficersSpec::from_json`] then
    /// [`Framework::review_officers`](crate::Framework::review_officers) names them.
    ///
    /// # Errors
    /// [`Error::UnsupportedFormatVersion`](crate::Error::UnsupportedFormatVersion) when the
    /// version is not one this crate reads;
    /// [`Error::DocumentOfAnotherKind`](crate::Error::DocumentOfAnotherKind) alone for a
    /// document of another kind (a framework, a CASE package, an iGOT export), and
    /// [`Error::DocumentOfNoKnownKind`](crate::Error::DocumentOfNoKnownKind) alone for an
    /// object of no kind, as [`OfficersSpec::from_json`] gives them. [`Error::Json`](crate::Error::Json) when the
    /// document cannot be read: one for each value of the wrong type, unknown or repeated
    /// field and missing field, in every officer's own fields, in every passbook entry
    /// (several in one entry: a level written as a word does not hide a bad date beside
    /// it) and outside `officers`, all at once and in the order of their positions (of
    /// several required fields missing from one object, the first), each with the line,
    /// column, path and message [`OfficersSpec::from_json`] would give it were it the
    /// document's first problem (the message naming the officer, and the passbook entry
    /// with its index and competency), and the id of the officer holding it; a single one
    /// for a syntax error or a document that ends early, after which nothing more can be
    /// read. Otherwise those of [`Cohort::new`].
    ///
    /// # Complexity
    /// O(T + E·log e + n log n) time for T bytes of text, E passbook entries (at most e per
    /// officer) and n officers (as [`Cohort::new`]). Memory: the cohort's columns as
    /// [`Cohort::new`] builds them (about twice the held levels' share of
    /// [`Cohort::heap_bytes`] at the peak), plus one officer's passbook entries and the
    /// strings of the text that hold escapes; the text is only borrowed. A valid document
    /// is read once; one that does not read costs, after that, what the two steps cost,
    /// and one whose data does not read O(T) more to read each officer on its own.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{Cohort, Framework, LevelPolicy};
    ///
    /// let fw = Framework::from_json(r#"{"format_version": 2,
    ///   "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
    ///   "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
    ///   "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["cpio"]}]}"#)?;
    /// // Fields in any order, the version last.
    /// let doc = r#"{"officers": [
    ///   {"passbook": [{"competency": "rti", "level": 2, "source": "assessment"}],
    ///    "id": "o1", "department": "dopt", "position": "us"},
    ///   {"id": "o2", "department": "dopt", "position": "us"}],
    ///  "format_version": 2}"#;
    /// let cohort = Cohort::from_json(&fw, doc, &LevelPolicy::default())?;
    /// assert_eq!(cohort.len(), 2);
    ///
    /// // Every problem at once, as `Cohort::new` reports them.
    /// let bad = r#"{"format_version": 2, "officers": [
    ///   {"id": "o1", "department": "dopt", "position": "usec"},
    ///   {"id": "o2", "department": "dopt", "position": "us",
    ///    "passbook": [{"competency": "rti", "level": 9, "source": "assessment"}]}]}"#;
    /// let errors = Cohort::from_json(&fw, bad, &LevelPolicy::default()).unwrap_err();
    /// assert_eq!(errors.len(), 2);
    ///
    /// // A malformed document: the error of `OfficersSpec::from_json`, with its position.
    /// let wrong = r#"{"format_version": 2, "officers": [{"id": "o1", "department": "dopt",
    ///   "position": "us", "passbook": [{"competency": "rti", "level": 2, "source": "assesment"}]}]}"#;
    /// let errors = Cohort::from_json(&fw, wrong, &LevelPolicy::default()).unwrap_err();
    /// assert_eq!(errors.as_slice()[0].to_string(),
    ///            "invalid json at line 2, column 88 (`officers[0].passbook[0].source`, id `o1`): \
    ///             officer `o1` passbook entry 0 (competency `rti`): \
    ///             unknown evidence source `assesment`, expected one of `course_completion`, \
    ///             `assessment`, `feedback360`, `self_declared`");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(
        framework: &Framework,
        json: &str,
        policy: &LevelPolicy,
    ) -> Result<Cohort, Errors> {
        // A level written `1e-400` reads as 0: the document reader below refuses it
        // (`model::json_underflow`), naming the officer.
        if let Some(read) = read_once(framework, json, policy)
            && underflow(without_bom(json)).is_none()
        {
            return read;
        }
        let doc = OfficersSpec::from_json_all(json)?;
        Cohort::new(framework, &doc.officers, policy)
    }
}

/// The cohort of a document read in one pass, or the problems [`Cohort::new`] finds in
/// it; `None` when the document does not read so (see the module's documentation).
pub(crate) fn read_once(
    framework: &Framework,
    json: &str,
    policy: &LevelPolicy,
) -> Option<Result<Cohort, Errors>> {
    let mut builder = CohortBuilder::new(framework, policy);
    read_into(&mut builder, json).then(|| builder.finish(1))
}

/// Whether `body` (a document without its byte-order mark) reads as an officers document
/// whose `officers` array `officers` reads.
pub(crate) fn read_body<'de, S>(body: &'de str, officers: S) -> bool
where
    S: DeserializeSeed<'de, Value = ()>,
{
    let mut de = serde_json::Deserializer::from_str(body);
    let read = Document(Some(officers)).deserialize(&mut de);
    read.and_then(|()| de.end()).is_ok()
}

/// Reads the officers of `json` into `builder` in one pass on the calling thread; `false`
/// when the document does not read so (see the module's documentation).
pub(crate) fn read_into(builder: &mut CohortBuilder<'_>, json: &str) -> bool {
    let officers = Officers {
        builder,
        entries: Vec::new(),
    };
    read_body(without_bom(json), officers)
}

/// A field name of a struct with these fields, as its place in the list (found by `find`,
/// a `match` the compiler turns into a few comparisons); any other name is an error.
#[derive(Clone, Copy)]
struct Key {
    names: &'static [&'static str],
    find: fn(&str) -> Option<usize>,
}

impl<'de> DeserializeSeed<'de> for Key {
    type Value = usize;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Key {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<usize, E> {
        (self.find)(v).ok_or_else(|| E::unknown_field(v, self.names))
    }
}

/// Sets a field read once; a second time is an error.
fn once<T, E: serde::de::Error>(
    slot: &mut Option<T>,
    value: T,
    name: &'static str,
) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}

/// A required field, or the error of its absence.
fn required<T, E: serde::de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// One passbook entry, borrowed from the text.
pub(crate) struct Entry<'de> {
    competency: Text<'de>,
    level: u8,
    level_name: Option<Cow<'de, str>>,
    source: EvidenceSource,
    date: Option<Text<'de>>,
    verified: bool,
    course: Option<Text<'de>>,
}

impl Entry<'_> {
    /// The entry as [`Evidence::view`](crate::Evidence) gives it.
    pub(crate) fn view(&self) -> EvidenceView<'_> {
        EvidenceView {
            competency: &self.competency.0,
            level: self.level,
            level_name: self.level_name.as_deref(),
            source: self.source,
            date: self.date.as_ref().map_or("", |d| &d.0),
            verified: self.verified,
            course: (self.course.as_ref())
                .map(|c| &*c.0)
                .filter(|c| !c.trim().is_empty()),
        }
    }
}

/// An officer's own fields, borrowed from the text.
pub(crate) struct Fields<'de> {
    id: Text<'de>,
    name: Option<Text<'de>>,
    department: Text<'de>,
    position: Text<'de>,
    target: Option<Text<'de>>,
}

impl Fields<'_> {
    /// The fields as [`OfficerSpec::fields`](crate::OfficerSpec) gives them.
    pub(crate) fn view(&self) -> OfficerView<'_> {
        OfficerView {
            id: &self.id.0,
            name: self.name.as_ref().map(|n| &*n.0),
            department: &self.department.0,
            position: &self.position.0,
            target: self.target.as_ref().map(|t| &*t.0),
        }
    }
}

/// The document: `format_version` and `officers`, in either order, the officers read by
/// the seed (taken when the field comes).
struct Document<S>(Option<S>);

const DOCUMENT: Key = Key {
    names: &["format_version", "officers"],
    find: |v| match v {
        "format_version" => Some(0),
        "officers" => Some(1),
        _ => None,
    },
};
const OFFICER: Key = Key {
    names: &[
        "id",
        "name",
        "department",
        "position",
        "target_position",
        "passbook",
    ],
    find: |v| match v {
        "id" => Some(0),
        "name" => Some(1),
        "department" => Some(2),
        "position" => Some(3),
        "target_position" => Some(4),
        "passbook" => Some(5),
        _ => None,
    },
};
const EVIDENCE: Key = Key {
    names: &[
        "competency",
        "level",
        "source",
        "date",
        "verified",
        "course",
    ],
    find: |v| match v {
        "competency" => Some(0),
        "level" => Some(1),
        "source" => Some(2),
        "date" => Some(3),
        "verified" => Some(4),
        "course" => Some(5),
        _ => None,
    },
};

impl<'de, S: DeserializeSeed<'de, Value = ()>> DeserializeSeed<'de> for Document<S> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("OfficersSpec", DOCUMENT.names, self)
    }
}

impl<'de, S: DeserializeSeed<'de, Value = ()>> Visitor<'de> for Document<S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct OfficersSpec")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let mut version = None;
        let mut officers = None;
        while let Some(key) = map.next_key_seed(DOCUMENT)? {
            if key == 0 {
                let found = map.next_value_seed(Whole::word(DOCUMENT.names[0]))?;
                if !(u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&found)
                {
                    // Reported by `OfficersSpec::from_json`, after the rest is checked.
                    return Err(A::Error::custom("unsupported format_version"));
                }
                once(&mut version, found, DOCUMENT.names[0])?;
            } else {
                let Some(seed) = self.0.take() else {
                    return Err(A::Error::duplicate_field(DOCUMENT.names[1]));
                };
                map.next_value_seed(seed)?;
                officers = Some(());
            }
        }
        required(version, DOCUMENT.names[0])?;
        required(officers, DOCUMENT.names[1])
    }
}

/// The `officers` array, each officer pushed into the cohort when its object ends.
struct Officers<'b, 'f, 'de> {
    builder: &'b mut CohortBuilder<'f>,
    /// The passbook entries of the officer being read.
    entries: Vec<Entry<'de>>,
}

impl<'de> DeserializeSeed<'de> for Officers<'_, '_, 'de> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Officers<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(officer) = seq.next_element_seed(Officer(&mut self.entries))? {
            (self.builder).push(officer.view(), self.entries.iter().map(Entry::view));
        }
        Ok(())
    }
}

/// One officer object read on its own: its fields and its passbook entries.
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
pub(crate) struct OfficerAlone<'de> {
    pub(crate) fields: Fields<'de>,
    pub(crate) entries: Vec<Entry<'de>>,
}

#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
impl<'de> serde::Deserialize<'de> for OfficerAlone<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // The entries of the thread's last officer, as the room to start with: growing
        // the buffer entry by entry cost about 2% of reading an officer.
        thread_local!(static LAST: std::cell::Cell<usize> = const { std::cell::Cell::new(0) });
        let mut entries = Vec::with_capacity(LAST.get());
        let fields = Officer(&mut entries).deserialize(d)?;
        LAST.set(entries.len());
        Ok(OfficerAlone { fields, entries })
    }
}

/// One officer object: its fields, its passbook entries read into the buffer (cleared
/// first).
pub(crate) struct Officer<'s, 'de>(pub(crate) &'s mut Vec<Entry<'de>>);

impl<'de> DeserializeSeed<'de> for Officer<'_, 'de> {
    type Value = Fields<'de>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Fields<'de>, D::Error> {
        d.deserialize_struct("OfficerSpec", OFFICER.names, self)
    }
}

impl<'de> Visitor<'de> for Officer<'_, 'de> {
    type Value = Fields<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct OfficerSpec")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
        let entries = self.0;
        entries.clear();
        let (mut id, mut name, mut department) = (None, None, None);
        let (mut position, mut target, mut passbook) = (None, None, None);
        while let Some(key) = map.next_key_seed(OFFICER)? {
            let field = OFFICER.names[key];
            match key {
                0 => once(&mut id, map.next_value::<Text<'de>>()?, field)?,
                1 => once(&mut name, map.next_value::<Option<Text<'de>>>()?, field)?,
                2 => once(&mut department, map.next_value::<Text<'de>>()?, field)?,
                3 => once(&mut position, map.next_value::<Text<'de>>()?, field)?,
                4 => once(&mut target, map.next_value::<Option<Text<'de>>>()?, field)?,
                _ => {
                    if passbook.is_some() {
                        return Err(A::Error::duplicate_field(field));
                    }
                    map.next_value_seed(Passbook(&mut *entries))?;
                    passbook = Some(());
                }
            }
        }
        Ok(Fields {
            id: required(id, OFFICER.names[0])?,
            name: name.flatten(),
            department: required(department, OFFICER.names[2])?,
            position: required(position, OFFICER.names[3])?,
            target: target.flatten(),
        })
    }
}

/// One officer's `passbook` array, read into the reused buffer.
struct Passbook<'s, 'de>(&'s mut Vec<Entry<'de>>);

impl<'de> DeserializeSeed<'de> for Passbook<'_, 'de> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        // `null` is an absent passbook, as for the derived reader.
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Passbook<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element_seed(EntrySeed)? {
            self.0.push(entry);
        }
        Ok(())
    }
}

/// One passbook entry object.
struct EntrySeed;

impl<'de> DeserializeSeed<'de> for EntrySeed {
    type Value = Entry<'de>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Entry<'de>, D::Error> {
        d.deserialize_struct("Evidence", EVIDENCE.names, self)
    }
}

impl<'de> Visitor<'de> for EntrySeed {
    type Value = Entry<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Evidence")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry<'de>, A::Error> {
        let (mut competency, mut level, mut source) = (None, None, None);
        let (mut date, mut verified, mut course) = (None, None, None);
        while let Some(key) = map.next_key_seed(EVIDENCE)? {
            let field = EVIDENCE.names[key];
            match key {
                0 => once(&mut competency, map.next_value::<Text<'de>>()?, field)?,
                1 => once(
                    &mut level,
                    map.next_value_seed(Named {
                        whole: Whole::byte(field),
                        alone: true,
                        keep: true,
                    })?,
                    field,
                )?,
                2 => once(&mut source, map.next_value::<EvidenceSource>()?, field)?,
                3 => once(
                    &mut date,
                    map.next_value::<Option<DateText<'de>>>()?.map(|d| d.0),
                    field,
                )?,
                4 => once(&mut verified, map.next_value::<Verified>()?.0, field)?,
                _ => once(&mut course, map.next_value::<Option<Text<'de>>>()?, field)?,
            }
        }
        let (level, level_name) = required(level, EVIDENCE.names[1])?;
        Ok(Entry {
            competency: required(competency, EVIDENCE.names[0])?,
            // Within 0 to 255: `Whole::byte` read it.
            level: u8::try_from(level).unwrap_or(u8::MAX),
            level_name,
            source: required(source, EVIDENCE.names[2])?,
            date: date.flatten(),
            verified: verified.unwrap_or(true),
            course: course.flatten(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::read_once;
    use crate::{Framework, LevelPolicy};

    const FRAMEWORK: &str = r#"{"format_version": 2,
      "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
      "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
      "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["cpio"]}],
      "courses": [{"id": "rti-101", "name": "RTI basics", "hours": 4,
                   "provides": [{"competency": "rti", "level": 2}]}]}"#;

    /// Whether the document is read in one pass, and if so whether it gives a cohort.
    fn once(doc: &str) -> Option<bool> {
        let fw = Framework::from_json(FRAMEWORK).expect("valid");
        read_once(&fw, doc, &LevelPolicy::default()).map(|r| r.is_ok())
    }

    #[test]
    fn documents_of_the_derived_shape_are_read_in_one_pass() {
        // Any key order, the version last, nulls for absent fields, escapes, a byte-order
        // mark: one pass, a cohort.
        let doc = r#"{"officers": [{"passbook": [{"level": 2, "source": "course_completion",
            "course": "rti-101", "competency": "r\u0074i", "date": null, "verified": false}],
            "target_position": null, "name": null, "position": "us", "department": "dopt",
            "id": "o\"1"}, {"id": "o2", "department": "dopt", "position": "us",
            "passbook": [{"competency": "rti", "level": 1, "source": "assessment",
            "course": "  "}]}], "format_version": 1}"#;
        assert_eq!(once(doc), Some(true));
        assert_eq!(once(&format!("\u{feff}{doc}")), Some(true));
        // `null` is absent for the defaulted fields too, as for the derived readers.
        for doc in [
            r#"{"format_version": 2, "officers": [{"id": "o1", "department": "dopt", "position": "us", "passbook": null}]}"#,
            r#"{"format_version": 2, "officers": [{"id": "o1", "department": "dopt", "position": "us",
               "passbook": [{"competency": "rti", "level": 2, "source": "assessment", "verified": null}]}]}"#,
        ] {
            assert_eq!(once(doc), Some(true), "{doc}");
        }
        // Problems `Cohort::new` finds come from the same pass.
        let bad = r#"{"format_version": 2, "officers": [
            {"id": "o1", "department": "dopt", "position": "usec"},
            {"id": "o1", "department": "dopt", "position": "us", "passbook": [
             {"competency": "rti", "level": 3, "source": "course_completion", "course": "rti-101"}]}]}"#;
        assert_eq!(once(bad), Some(false));
    }

    #[test]
    fn other_documents_are_left_to_the_two_step_path() {
        for doc in [
            r#"{"format_version": 3, "officers": []}"#,
            r#"{"officers": [], "format_version": 0}"#,
            r#"{"format_version": 2}"#,
            r#"{"officers": []}"#,
            r#"{"format_version": 2, "officers": [], "x": 1}"#,
            r#"{"format_version": 2, "officers": [], "officers": []}"#,
            r#"{"format_version": 2, "officers": [{"id": "o1", "id": "o1", "department": "d", "position": "us"}]}"#,
            r#"{"format_version": 2, "officers": [{"id": "o1", "department": "d"}]}"#,
            r#"{"format_version": 2, "officers": [["o1", null, "dopt", "us", null, []]]}"#,
            r#"{"format_version": 2, "officers": []} x"#,
            r#"{"format_version": 2, "officers": ["#,
        ] {
            assert_eq!(once(doc), None, "{doc}");
        }
    }
}
