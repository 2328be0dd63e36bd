//! Reads CASE JSON as publishers write it. Each element is a JSON object; a field whose
//! value has the type CASE defines is taken into the element's typed field, `null` (and
//! a list of nothing but `null`s: `[]`, `[null]`) is absent, and any other value stays in the element's `extra` under its own name for the
//! import to report. Nothing here fails except a repeated key or a non-object element.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::interop::case::huge::{is_huge, unescape_owned};
use crate::interop::case::keyed::keyed_list;
use crate::interop::case::node::{
    holds_no_value, key, one_link, one_object, one_string, self_named,
};
use crate::interop::case::nulls::CaseNulls;
use crate::interop::case::numbers::{decimal, decimal_comma, percentage, points, whole};
use crate::interop::case::stamp::stamp;
use crate::model::level::label_number;

pub(crate) use crate::interop::case::fields::{
    ASSOCIATION, CRITERION, DOCUMENT, Extra, ITEM, Known, LEVEL, NODE_LINK, OBJECTS, PACKAGE,
    RUBRIC, classify, fold, json_type, mentions,
};
use crate::interop::case::package::{
    CaseAssociation, CaseCriterion, CaseCriterionLevel, CaseDocument, CaseExtra, CaseItem,
    CaseLink, CaseRubric,
};

/// A JSON value whose objects, at every depth, were checked for repeated keys.
pub(super) struct Checked(pub(super) Value);

/// Parses JSON text into a value, refusing a key repeated in any object (which of two
/// values is meant is unknowable). Shared with the iGOT loaders, which read the platform's
/// documents as values too.
pub(crate) fn checked_json(text: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let Checked(value) = Checked::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor).map(Checked)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Checked::deserialize(d).map(|c| c.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Checked(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        checked_map(map).map(Value::Object)
    }
}

pub(super) fn checked_map<'de, A: MapAccess<'de>>(
    mut map: A,
) -> Result<Map<String, Value>, A::Error> {
    let mut out = Map::new();
    while let Some(key) = map.next_key::<String>()? {
        if out.contains_key(&key) {
            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
        }
        let Checked(value) = map.next_value()?;
        out.insert(key, value);
    }
    Ok(out)
}

/// Reads one JSON object, refusing repeated keys, for a CASE element's `Deserialize`.
pub(crate) struct ObjectVisitor(pub(crate) &'static str);

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Map<String, Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        checked_map(map)
    }
}

/// Reads a link: an object, or a plain URI string (CASE 1.0).
pub(crate) struct LinkVisitor;

impl<'de> Visitor<'de> for LinkVisitor {
    type Value = CaseLink;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a CASE link object or a uri string")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        checked_map(map).map(link)
    }

    fn visit_str<E>(self, uri: &str) -> Result<Self::Value, E> {
        Ok(CaseLink {
            uri: crate::interop::case::huge::unescape(uri).to_owned(),
            ..CaseLink::default()
        })
    }
}

/// An element's fields, taken one by one; what is left becomes its `extra`.
pub(super) struct Fields(pub(super) Map<String, Value>);

impl Fields {
    /// Takes the field when `take` accepts its value; `null`, and a list holding nothing
    /// but `null`s (`[]`, `[null]`: JSON-LD writes an absent value as an empty list, and a
    /// `null` in a list is an absent element), is removed as absent, whatever the field;
    /// any other value is put back for `extra`.
    fn take<T>(&mut self, key: &str, take: impl FnOnce(Value) -> Result<T, Value>) -> Option<T> {
        let value = self.0.remove(key)?;
        if holds_no_value(&value) {
            return None;
        }
        // A number beyond a double's range is nothing a field reads (see `huge`).
        if is_huge(&value) {
            self.0.insert(key.to_owned(), value);
            return None;
        }
        match take(value) {
            Ok(taken) => Some(taken),
            Err(value) => {
                self.0.insert(key.to_owned(), value);
                None
            }
        }
    }

    /// A string, or a list holding one string among `null`s (absent elements): JSON-LD
    /// reads a value and a list of that one value alike, and a processor asked not to
    /// compact arrays writes every text so (`"fullStatement": ["Adds numbers"]`), as it
    /// writes links (see [`Fields::link`]). A list of several strings is put back for
    /// `extra`: which one the field means, or whether they join, is unknowable, so the
    /// import sets the field aside and reports it.
    fn string(&mut self, key: &str) -> Option<String> {
        self.take(key, |v| match one_string(v) {
            Value::String(s) => Ok(unescape_owned(s)),
            other => Err(other),
        })
    }

    fn text(&mut self, key: &str) -> String {
        self.string(key).unwrap_or_default()
    }

    /// `lastChangeDateTime`: a date-time, or a count of epoch time (see [`stamp`]).
    fn stamp(&mut self, key: &str) -> String {
        self.take(key, |v| stamp(one_string(v))).unwrap_or_default()
    }

    /// An integer, also written as a number with no fractional part (`1.0`, `1e2`, `-0`),
    /// as writers that hold every number as a double write integers and as the crate's own
    /// documents read whole numbers; one beyond `i64` is put back for `extra`.
    fn integer(&mut self, key: &str) -> Option<i64> {
        self.take(key, |v| whole(&v).ok_or(v))
    }

    fn number(&mut self, key: &str) -> Option<f64> {
        self.take(key, |v| v.as_f64().ok_or(v))
    }

    /// A level's score: a number, a string holding one in decimal (`"3"`, `" 2.5 "`: a
    /// spreadsheet or a server that writes every value as text says the same number), with
    /// a decimal comma (`"2,5"`, see [`decimal_comma`]) or as a percentage (`"75%"` is 75,
    /// see [`percentage`]), or a level written as a label (`"L3"`, `"Level 3"`, `"lvl-3"`),
    /// as proficiency scales name their levels: a whole number after `L`, `Lvl` or `Level`
    /// in any case, or in points or out of the scale's top (`"3 pts"`, `"3 of 5"`,
    /// `"3/5"`, `"Level 6 of 7"`: the number before the top, see [`points`]). A negative
    /// zero is zero (see [`unsigned_zero`]).
    fn score(&mut self, key: &str) -> Option<f64> {
        let score = self.take(key, |v| match v {
            Value::String(s) => (decimal(&s).or_else(|| decimal_comma(&s)))
                .or_else(|| percentage(&s))
                .or_else(|| label_number(&s).map(f64::from))
                .or_else(|| points(&s))
                .ok_or(Value::String(s)),
            other => other.as_f64().ok_or(other),
        });
        score.map(unsigned_zero)
    }

    /// A link object, or a plain URI string (CASE 1.0); or a list holding one of them (and
    /// any `null`s, absent elements), as a list of one is read wherever CASE has one
    /// object: JSON-LD reads a value and a list of that one value alike, and a processor
    /// asked not to compact arrays writes links so.
    fn link(&mut self, key: &str) -> Option<CaseLink> {
        self.take(key, |v| match one_link(v) {
            Value::Object(map) => Ok(link(map)),
            Value::String(uri) => Ok(CaseLink {
                uri: unescape_owned(uri),
                ..CaseLink::default()
            }),
            other => Err(other),
        })
    }

    /// An array of objects (a `null` among them is an absent element, skipped), each read
    /// by `read`, an object keyed by list positions or by its elements' identifiers (see
    /// [`keyed_list`]), or a single object where CASE has a list of one; blank text is an
    /// empty list, as a converter from XML writes an empty element (`<CFRubrics/>` as
    /// `"CFRubrics": ""`); an array holding anything else is put back whole for `extra`.
    /// Gives, beside the elements, where the list held `null`s.
    pub(super) fn objects<T>(
        &mut self,
        key: &str,
        read: impl Fn(Map<String, Value>) -> T,
    ) -> (Vec<T>, CaseNulls) {
        let taken = self.take(key, |v| match self_named(key, v) {
            // `null` in a list is an absent element, as `null` in a field is an absent
            // field.
            Value::Array(array) if array.iter().all(|v| v.is_object() || v.is_null()) => Ok(array),
            Value::Object(map) => keyed_list(map),
            Value::String(text) if text.trim().is_empty() => Ok(Vec::new()),
            other => Err(other),
        });
        let (mut elements, mut nulls) = (Vec::new(), CaseNulls::default());
        for (at, v) in taken.unwrap_or_default().into_iter().enumerate() {
            match v {
                Value::Object(map) => elements.push(read(map)),
                _ => nulls.0.push(at),
            }
        }
        (elements, nulls)
    }

    /// An object, or a list of one object where CASE has a single one (a `null` in the
    /// list is an absent element, as in any list).
    pub(super) fn object<T>(
        &mut self,
        key: &str,
        read: impl Fn(Map<String, Value>) -> T,
    ) -> Option<T> {
        self.take(key, |v| match self_named(key, v) {
            Value::Object(map) => Ok(read(map)),
            Value::Array(list) if one_object(&list) => {
                match list.into_iter().find(Value::is_object) {
                    Some(Value::Object(map)) => Ok(read(map)),
                    // `one_object` found it: nothing else is left.
                    _ => Err(Value::Null),
                }
            }
            other => Err(other),
        })
    }

    /// What is left, without the `null`s (absent fields). Inserted one by one (the keys
    /// come in order) rather than collected, which would compile a sort of the entries.
    pub(super) fn extra(self) -> CaseExtra {
        let mut extra = CaseExtra::new();
        for (key, value) in self.0 {
            if !value.is_null() {
                extra.insert(key, value);
            }
        }
        extra
    }
}

pub(crate) fn document(map: Map<String, Value>) -> CaseDocument {
    let mut f = Fields(map);
    CaseDocument {
        identifier: f.text("identifier"),
        uri: f.text("uri"),
        creator: f.text("creator"),
        title: f.text("title"),
        last_change_date_time: f.stamp("lastChangeDateTime"),
        case_version: f.string("caseVersion"),
        description: f.string("description"),
        extra: f.extra(),
    }
}

pub(crate) fn item(map: Map<String, Value>) -> CaseItem {
    let mut f = Fields(map);
    CaseItem {
        identifier: f.text("identifier"),
        uri: f.text("uri"),
        full_statement: f.text("fullStatement"),
        abbreviated_statement: f.string("abbreviatedStatement"),
        human_coding_scheme: f.string("humanCodingScheme"),
        item_type: f.string("CFItemType"),
        item_type_uri: f.link("CFItemTypeURI"),
        last_change_date_time: f.stamp("lastChangeDateTime"),
        extra: f.extra(),
    }
}

pub(crate) fn association(map: Map<String, Value>) -> CaseAssociation {
    let mut f = Fields(map);
    CaseAssociation {
        identifier: f.text("identifier"),
        uri: f.text("uri"),
        association_type: f.text("associationType"),
        sequence_number: f.integer("sequenceNumber"),
        origin_node_uri: f.link("originNodeURI"),
        destination_node_uri: f.link("destinationNodeURI"),
        last_change_date_time: f.stamp("lastChangeDateTime"),
        extra: f.extra(),
    }
}

pub(crate) fn link(map: Map<String, Value>) -> CaseLink {
    let mut f = Fields(map);
    CaseLink {
        title: f.text("title"),
        identifier: f.text("identifier"),
        uri: f.text("uri"),
        extra: f.extra(),
    }
}

pub(crate) fn rubric(map: Map<String, Value>) -> CaseRubric {
    let mut f = Fields(map);
    let (mut criteria, null_criteria) = f.objects("CFRubricCriteria", criterion);
    levels_beside(&mut f, &mut criteria);
    CaseRubric {
        identifier: f.text("identifier"),
        uri: f.text("uri"),
        title: f.string("title"),
        description: f.string("description"),
        last_change_date_time: f.stamp("lastChangeDateTime"),
        criteria,
        null_criteria,
        extra: f.extra(),
    }
}

/// Levels listed beside a rubric's criteria rather than in them, as `OpenSALT`'s first CASE
/// serializer wrote rubrics (`CFRubricCriterionLevels` on the `CFRubric`, each level naming
/// its criterion by `rubricCriterionId`): each level naming one of `criteria` (compared as
/// identifiers are, see [`key`]) joins that criterion's levels, after the ones it lists
/// itself. Levels naming no criterion of the rubric, or no criterion at all, stay in the
/// rubric's `extra` verbatim, for the import to report.
fn levels_beside(f: &mut Fields, criteria: &mut [CaseCriterion]) {
    const KEY: &str = "CFRubricCriterionLevels";
    let Some(value) = f.0.remove(KEY) else {
        return;
    };
    let list = match self_named(KEY, value) {
        Value::Array(list) => list,
        Value::Object(map) => match keyed_list(map) {
            Ok(list) => list,
            Err(other) => {
                f.0.insert(KEY.to_owned(), other);
                return;
            }
        },
        // Blank text is an empty list, as in [`Fields::objects`].
        Value::String(text) if text.trim().is_empty() => return,
        other => {
            f.0.insert(KEY.to_owned(), other);
            return;
        }
    };
    let mut left = Vec::new();
    for value in list {
        // The criteria's identifiers do not change as levels join them.
        match (criterion_of(criteria, &value), value) {
            (Some(at), Value::Object(map)) => criteria[at].levels.push(level(map)),
            (_, value) => left.push(value),
        }
    }
    if !left.is_empty() {
        f.0.insert(KEY.to_owned(), Value::Array(left));
    }
}

/// The position in `criteria` of the one criterion `level` names by `rubricCriterionId`, or
/// `None` when it names none or several.
fn criterion_of(criteria: &[CaseCriterion], level: &Value) -> Option<usize> {
    let named = key(level.get("rubricCriterionId")?.as_str()?);
    let mut matching = criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.identifier.trim().is_empty() && key(&c.identifier) == named);
    let (at, _) = matching.next()?;
    matching.next().is_none().then_some(at)
}

pub(crate) fn criterion(map: Map<String, Value>) -> CaseCriterion {
    let mut f = Fields(map);
    let (levels, null_levels) = f.objects("CFRubricCriterionLevels", level);
    CaseCriterion {
        identifier: f.text("identifier"),
        uri: f.text("uri"),
        category: f.string("category"),
        description: f.string("description"),
        item_uri: item_uri(&mut f),
        weight: f.number("weight"),
        position: f.integer("position"),
        rubric_id: f.string("rubricId"),
        last_change_date_time: f.stamp("lastChangeDateTime"),
        levels,
        null_levels,
        extra: f.extra(),
    }
}

/// A criterion's item: `CFItemURI`, else (when the criterion has no `CFItemURI` at all)
/// `itemUri`, the name `OpenSALT`'s first CASE serializer gave the link, holding the item's
/// API URL as a string.
fn item_uri(f: &mut Fields) -> Option<CaseLink> {
    let link = f.link("CFItemURI");
    if link.is_some() || f.0.contains_key("CFItemURI") {
        return link;
    }
    f.link("itemUri")
}

pub(crate) fn level(map: Map<String, Value>) -> CaseCriterionLevel {
    let mut f = Fields(map);
    CaseCriterionLevel {
        identifier: f.text("identifier"),
        uri: f.text("uri"),
        description: f.string("description"),
        quality: f.string("quality"),
        score: f.score("score"),
        feedback: f.string("feedback"),
        position: f.integer("position"),
        rubric_criterion_id: f.string("rubricCriterionId"),
        last_change_date_time: f.stamp("lastChangeDateTime"),
        extra: f.extra(),
    }
}

/// `score` with a negative zero (`-0`, `-0.0`, as a spreadsheet or a sign flip writes
/// zero) made zero: the two are one number, and comparisons by bits (`f64::total_cmp`,
/// which the scale's order and the tables' lookups use) would otherwise tell them apart.
pub(crate) fn unsigned_zero(score: f64) -> f64 {
    // IEEE 754 addition: -0 + 0 is +0, and every other value is unchanged.
    score + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn decimal_commas_and_percentages_read_as_their_numbers() {
        let read = |text: &str| {
            let mut f = Fields(object(&format!(r#"{{"score": {}}}"#, Value::from(text))));
            (f.score("score"), f.0.contains_key("score"))
        };
        for (text, number) in [
            ("2,5", 2.5_f64),
            (" 0,125 ", 0.125),
            ("-1,5", -1.5),
            ("75%", 75.0),
            ("12,5 %", 12.5),
            ("100%", 100.0),
            ("0.5%", 0.5),
            ("3", 3.0),
        ] {
            let (score, left) = read(text);
            assert_eq!(score.map(f64::to_bits), Some(number.to_bits()), "{text}");
            assert!(!left, "{text}");
        }
        // Ambiguous or not numbers: kept aside as text, for the report.
        for text in ["1,000", "1,5,0", "1.5,0", "%", "75%%", "2,", "A", "IV"] {
            assert_eq!(read(text), (None, true), "{text}");
        }
    }

    #[test]
    fn nulls_are_absent_and_other_types_stay_aside() {
        let item = item(object(
            r#"{"identifier": "i", "fullStatement": null, "notes": null,
                "abbreviatedStatement": 3, "CFItemTypeURI": {"title": null, "identifier": "t"}}"#,
        ));
        assert_eq!(item.full_statement, "");
        assert!(!item.extra.contains_key("fullStatement"));
        assert!(!item.extra.contains_key("notes"));
        assert_eq!(item.abbreviated_statement, None);
        assert_eq!(item.extra["abbreviatedStatement"], 3);
        assert_eq!(item.item_type_uri.unwrap().identifier, "t");
    }

    #[test]
    fn a_list_of_one_string_is_the_string_and_of_several_stays_aside() {
        let item = item(object(
            r#"{"identifier": ["i"], "fullStatement": [null, "Adds"], "CFItemType": [],
                "abbreviatedStatement": ["a", "b"], "humanCodingScheme": [3]}"#,
        ));
        assert_eq!(item.identifier, "i");
        assert_eq!(item.full_statement, "Adds");
        assert_eq!(item.item_type, None);
        // A list of nothing is absent, as `null` is.
        assert!(!item.extra.contains_key("CFItemType"));
        assert_eq!(item.abbreviated_statement, None);
        assert_eq!(
            item.extra["abbreviatedStatement"],
            serde_json::json!(["a", "b"])
        );
        assert_eq!(item.extra["humanCodingScheme"], serde_json::json!([3]));
    }

    #[test]
    fn near_misses_ignore_case_dashes_and_underscores() {
        assert!(
            matches!(classify(ITEM, "Identifier"), Extra::NearMiss(k) if k.name == "identifier")
        );
        assert!(
            matches!(classify(ITEM, "full_statement"), Extra::NearMiss(k) if k.name == "fullStatement")
        );
        assert!(matches!(
            classify(ITEM, "fullStatement"),
            Extra::WrongType(_)
        ));
        assert!(matches!(classify(ITEM, "notes"), Extra::Unknown));
    }
}
