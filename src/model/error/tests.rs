//! Codes, serialization and messages of every variant.

use super::*;
use crate::{EntityKind, GroupId};

/// One value of every variant. The match in `index` is exhaustive, so a new variant
/// does not compile until it is added here.
#[allow(clippy::too_many_lines)] // one value per variant
fn every_variant() -> Vec<Error> {
    let s = || "x\r".to_owned();
    let all = vec![
        Error::Json {
            line: 1,
            column: 2,
            path: s(),
            id: Some(s()),
            message: s(),
        },
        Error::UnsupportedFormatVersion {
            found: 9,
            expected: 2,
        },
        Error::LevelOutOfRange { value: 6 },
        Error::EmptyId {
            kind: EntityKind::Role,
            index: 0,
        },
        Error::EmptyName {
            kind: EntityKind::Role,
            id: s(),
        },
        Error::EmptyField {
            kind: EntityKind::Position,
            id: s(),
            field: "department",
        },
        Error::HiddenCharacter {
            kind: EntityKind::Position,
            id: s(),
            field: "department",
            value: "d\n".to_owned(),
        },
        Error::DuplicateId {
            kind: EntityKind::Role,
            id: s(),
        },
        Error::EquivalentIds {
            kind: EntityKind::Role,
            ids: vec![s()],
        },
        Error::LookalikeIds {
            kind: EntityKind::Role,
            ids: vec![s()],
            other_script: Vec::new(),
        },
        Error::UnknownReference {
            from_kind: EntityKind::Role,
            from: s(),
            to_kind: EntityKind::Activity,
            to: s(),
            nearest: Some(s()),
        },
        Error::DuplicateReference {
            from_kind: EntityKind::Role,
            from: s(),
            to_kind: EntityKind::Activity,
            to: s(),
        },
        Error::InvalidLevel {
            owner_kind: EntityKind::Role,
            owner: s(),
            competency: s(),
            level: 6,
            min: 1,
            max: 5,
        },
        Error::LevelNameMismatch {
            owner_kind: EntityKind::Role,
            owner: s(),
            competency: s(),
            level: 3,
            name: s(),
            level_named: Some(s()),
            named: None,
        },
        Error::InvalidLevelScale {
            competency: s(),
            found: vec![2],
            min: 1,
            max: 5,
        },
        Error::InvalidLevelRange {
            competency: s(),
            min: 4,
            max: 2,
        },
        Error::BlankLevelName {
            competency: s(),
            level: 2,
        },
        Error::LevelNamedAsNumber {
            competency: s(),
            level: 3,
            name: s(),
            reads_as: 2,
        },
        Error::SameLevelNames {
            competency: s(),
            levels: [2, 3],
            names: [s(), s()],
        },
        Error::BlankArea {
            competency: s().into(),
        },
        Error::PositionWithoutRoles {
            position: s().into(),
        },
        Error::PrerequisiteCycle {
            courses: vec![s().into()],
        },
        Error::GroupCycle {
            groups: vec![s().into()],
        },
        Error::InvalidGroupRule {
            group: s().into(),
            at_least: Some(0),
            children: 2,
        },
        Error::GroupRuleCycle {
            groups: vec![s().into()],
        },
        Error::InvalidHours {
            course: s().into(),
            hours: f64::NAN,
        },
        Error::InvalidEvidence {
            officer: s().into(),
            index: 0,
            competency: s().into(),
            problem: EvidenceProblem::AboveCourseLevel {
                course: s().into(),
                level: 3,
                course_level: 2,
            },
        },
        Error::DepartmentMismatch {
            officer: s().into(),
            department: s().into(),
            position: s().into(),
            position_department: s().into(),
        },
        Error::InvalidPolicyDate { value: s() },
        Error::UnknownId {
            kind: EntityKind::Department,
            id: s(),
            nearest: Some(s()),
        },
        Error::FrameworkMismatch,
        Error::InvalidWeight {
            name: "w",
            value: -1.0,
        },
        Error::InvalidIdWeight {
            kind: EntityKind::Competency,
            id: s(),
            value: -1.0,
        },
        Error::CapacityExceeded {
            what: "roles",
            limit: 1,
        },
        Error::CaseMissingDocument {
            documents: vec![s(), s()],
        },
        Error::CaseSeveralDocuments {
            documents: vec![s(), s()],
        },
        Error::CaseMissingIdentifier {
            element: crate::CaseElement::Item,
            path: "CFItems[0]".to_owned(),
        },
        Error::CaseMissingField {
            element: crate::CaseElement::Item,
            identifier: s(),
            field: "f",
        },
        Error::CaseFieldName {
            path: "CFItems[0]".to_owned(),
            found: s(),
            expected: "identifier",
        },
        Error::CaseFieldType {
            path: "CFItems[0].fullStatement".to_owned(),
            found: "a number",
            expected: "a string",
        },
        Error::CaseDuplicateIdentifier {
            identifier: s(),
            path: "CFItems[1]".to_owned(),
            earlier: s(),
            earlier_path: "CFItems[0]".to_owned(),
        },
        Error::CaseDuplicateId {
            kind: EntityKind::Competency,
            id: s(),
            items: Box::new(CaseIdItems {
                identifier: s(),
                path: "CFItems[1]".to_owned(),
                field: "identifier",
                earlier: s(),
                earlier_path: "CFItems[0]".to_owned(),
                earlier_field: "humanCodingScheme",
            }),
        },
        Error::CaseChildOfCycle { items: vec![s()] },
        Error::CaseInvalidIdentifier { identifier: s() },
        Error::CaseConflictingIdentifiers {
            group: GroupId::from("g"),
            identifiers: vec![s(), s()],
        },
        Error::CaseIdentifierClash {
            identifier: s(),
            group: GroupId::from("g"),
            other_kind: None,
            other: s(),
        },
        Error::CaseInvalidDateTime { value: s() },
        Error::CaseItemTypeName { name: s() },
        Error::CaseTextOnSeveralLines {
            element: CaseElement::Level,
            id: s(),
            level: Some(2),
            field: "quality",
            value: s(),
        },
        Error::CsvUnclosedQuote {
            file: "f.csv",
            line: 2,
        },
        Error::CsvMisplacedQuote {
            file: "f.csv",
            line: 2,
            field: 1,
        },
        Error::CsvFieldCount {
            file: "f.csv",
            line: 2,
            expected: 3,
            found: 2,
        },
        Error::CsvMissingColumn {
            file: "f.csv",
            column: "id",
            header_line: None,
            nearest: None,
        },
        Error::CsvInvalidValue {
            file: "f.csv",
            line: 2,
            column: "id",
            found: s(),
            expected: "e".into(),
            entry: None,
        },
        Error::CsvDateOrder {
            file: "f.csv",
            line: 2,
            column: "date",
            found: s(),
            entry: Some(Box::new(crate::PassbookRow {
                officer: s().into(),
                index: Some(0),
                competency: s().into(),
            })),
        },
        Error::CsvDuplicateKey {
            file: "f.csv",
            line: 3,
            column: "id",
            key: s(),
            first_line: 2,
            first_key: Some(s()),
        },
        Error::CsvUnknownReference {
            file: "f.csv",
            line: 2,
            column: "id",
            found: s(),
            target: "t",
            nearest: None,
            quote_nearest: false,
        },
        Error::CsvRefusedReference {
            file: "f.csv",
            line: 2,
            column: "id",
            found: s(),
            target: "t",
            target_line: 3,
        },
        Error::CsvRow {
            file: "f.csv",
            line: 2,
            column: "id",
            error: Box::new(Error::FrameworkMismatch),
        },
        Error::InvalidOption {
            option: "o",
            value: 0.0,
            expected: "e",
        },
        Error::IgotShape {
            document: "kcm dictionary",
            path: "$".to_owned(),
            found: "an object",
            expected: "an array",
        },
        Error::CsvAmbiguousColumn {
            file: "f.csv",
            column: "id",
            headers: vec![s(), s()],
        },
        Error::CsvDelimiter {
            file: "f.csv",
            found: ';',
            expected: ',',
        },
        Error::CsvAmbiguousDelimiter {
            file: "f.csv",
            delimiters: vec![',', ';'],
        },
        Error::CsvSharedHeader {
            file: "f.csv",
            position: 2,
            header: s(),
            columns: vec!["position", "target"],
        },
        Error::CsvNameColumn {
            file: "f.csv",
            column: "position",
            header: s(),
        },
        Error::CsvRepeatedHeader {
            file: "f.csv",
            line: 4,
        },
        Error::CsvEncoding {
            file: "f.csv",
            encoding: "UTF-16LE",
        },
        Error::CsvLooksLikeJson {
            file: "f.csv",
            found: "an object",
            kind: Some(crate::DocumentKind::Framework),
        },
        Error::DocumentOfAnotherKind {
            expected: "a framework document",
            found: crate::DocumentKind::Officers,
        },
        Error::LookalikeUris {
            file: "f.csv",
            uris: vec![s(), s()],
            lines: vec![2, 3],
        },
        Error::CsvOtherLayout {
            file: "f.csv",
            layout: "O*NET's database layout (`Skills.txt`)",
            expected: "the compact layout, `soc,title`",
        },
        Error::DocumentOfNoKnownKind {
            expected: "a framework document",
            fields: vec![s()],
            missing: vec!["format_version"],
        },
        Error::IgotUnreadEntries {
            document: "position master list",
            path: "$".to_owned(),
            entries: 2,
            fields: vec![s()],
            expected: vec!["id", "name"],
        },
        Error::CsvLineAboveHeader {
            file: "f.csv",
            line: 2,
            header_line: 4,
            cells: vec![s(), s()],
        },
    ];
    let mut seen = vec![false; all.len()];
    for e in &all {
        seen[index(e)] = true;
    }
    assert!(
        seen.iter().all(|&s| s),
        "every variant once, in declaration order"
    );
    all
}

fn index(e: &Error) -> usize {
    match e {
        Error::Json { .. } => 0,
        Error::UnsupportedFormatVersion { .. } => 1,
        Error::LevelOutOfRange { .. } => 2,
        Error::EmptyId { .. } => 3,
        Error::EmptyName { .. } => 4,
        Error::EmptyField { .. } => 5,
        Error::HiddenCharacter { .. } => 6,
        Error::DuplicateId { .. } => 7,
        Error::UnknownReference { .. } => 8,
        Error::DuplicateReference { .. } => 9,
        Error::InvalidLevel { .. } => 10,
        Error::InvalidLevelScale { .. } => 11,
        Error::InvalidLevelRange { .. } => 12,
        Error::BlankLevelName { .. } => 13,
        Error::BlankArea { .. } => 14,
        Error::PositionWithoutRoles { .. } => 15,
        Error::PrerequisiteCycle { .. } => 16,
        Error::GroupCycle { .. } => 17,
        Error::InvalidHours { .. } => 18,
        Error::InvalidEvidence { .. } => 19,
        Error::DepartmentMismatch { .. } => 20,
        Error::InvalidPolicyDate { .. } => 21,
        Error::UnknownId { .. } => 22,
        Error::FrameworkMismatch => 23,
        Error::InvalidWeight { .. } => 24,
        Error::InvalidIdWeight { .. } => 25,
        Error::CapacityExceeded { .. } => 26,
        Error::CaseMissingDocument { .. } => 27,
        Error::CaseMissingIdentifier { .. } => 28,
        Error::CaseMissingField { .. } => 29,
        Error::CaseFieldName { .. } => 30,
        Error::CaseFieldType { .. } => 31,
        Error::CaseDuplicateIdentifier { .. } => 32,
        Error::CaseChildOfCycle { .. } => 33,
        Error::CaseInvalidIdentifier { .. } => 34,
        Error::CaseConflictingIdentifiers { .. } => 35,
        Error::CaseIdentifierClash { .. } => 36,
        Error::CaseInvalidDateTime { .. } => 37,
        Error::CaseItemTypeName { .. } => 38,
        Error::CsvUnclosedQuote { .. } => 39,
        Error::CsvMisplacedQuote { .. } => 40,
        Error::CsvFieldCount { .. } => 41,
        Error::CsvMissingColumn { .. } => 42,
        Error::CsvInvalidValue { .. } => 43,
        Error::CsvDuplicateKey { .. } => 44,
        Error::CsvUnknownReference { .. } => 45,
        Error::CsvRow { .. } => 46,
        Error::InvalidOption { .. } => 47,
        Error::InvalidGroupRule { .. } => 48,
        Error::GroupRuleCycle { .. } => 49,
        Error::IgotShape { .. } => 50,
        Error::CsvAmbiguousColumn { .. } => 51,
        Error::CsvDelimiter { .. } => 52,
        Error::EquivalentIds { .. } => 53,
        Error::CsvRefusedReference { .. } => 54,
        Error::CsvNameColumn { .. } => 55,
        Error::CsvRepeatedHeader { .. } => 56,
        Error::CsvEncoding { .. } => 57,
        Error::CsvAmbiguousDelimiter { .. } => 58,
        Error::CsvDateOrder { .. } => 59,
        Error::CaseSeveralDocuments { .. } => 60,
        Error::CaseDuplicateId { .. } => 61,
        Error::CsvLineAboveHeader { .. } => 62,
        Error::LookalikeIds { .. } => 63,
        Error::CaseTextOnSeveralLines { .. } => 64,
        Error::LevelNameMismatch { .. } => 65,
        Error::LevelNamedAsNumber { .. } => 66,
        Error::CsvLooksLikeJson { .. } => 67,
        Error::DocumentOfAnotherKind { .. } => 68,
        Error::DocumentOfNoKnownKind { .. } => 69,
        Error::CsvOtherLayout { .. } => 70,
        Error::LookalikeUris { .. } => 71,
        Error::IgotUnreadEntries { .. } => 72,
        Error::SameLevelNames { .. } => 73,
        Error::CsvSharedHeader { .. } => 74,
    }
}

#[test]
fn every_variant_has_a_distinct_code_and_serializes_flat() {
    let all = every_variant();
    let mut codes: Vec<&str> = all.iter().map(Error::code).collect();
    for e in &all {
        let value = serde_json::to_value(e).expect("errors serialize");
        let object = value.as_object().expect("one flat object");
        assert_eq!(object["code"], e.code(), "{e:?}");
        assert_eq!(object["message"], e.to_string(), "{e:?}");
        assert!(
            e.code()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_')
        );
        // A value with a carriage return is never shown bare (the JSON parser's own
        // message is shown as it words it).
        if e.code() != "json" {
            assert!(!e.to_string().contains('\r'), "{e}");
        }
    }
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), all.len(), "codes are distinct");
}
