//! The platform's API responses read as what they are (igot/34, 36, 37): a content or
//! hierarchy read holds one course record, an empty search page none, a user read response
//! one user's profile; and a course's tag list of another type (JSON text, a `null` tag)
//! sets aside that list or tag, not the catalogue, every problem reported at once
//! (igot/35).

use crate::support::{entries, owned};
use karmayogi::{
    Error, EvidenceSource, Framework, IgotCourseOptions, IgotWhat, KcmOptions, load_igot_courses,
    load_igot_profile, load_kcm,
};

const READ: &str = include_str!("../data/cases/igot/34-courses-content-read-response.json");
const TEXT: &str = include_str!("../data/cases/igot/35-courses-tag-lists-as-text-and-nulls.json");
const USER: &str = include_str!("../data/cases/igot/36-profile-user-read-response.json");
const EMPTY: &str = include_str!("../data/cases/igot/37-courses-empty-search-page.json");

/// The real KCM dictionary, which the course tags name.
fn kcm() -> Framework {
    let json = include_str!("../../data/igot/kcm_competencies.json");
    Framework::new(load_kcm(json, &KcmOptions::default()).unwrap().value).unwrap()
}

/// The error of a document the course loader refuses: its path and what it expected.
#[track_caller]
fn course_shape(json: &str) -> (String, &'static str, &'static str) {
    let errors = load_igot_courses(json, &kcm(), &IgotCourseOptions::default())
        .unwrap_err()
        .into_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    match &errors[0] {
        Error::IgotShape {
            path,
            found,
            expected,
            ..
        } => (path.clone(), *found, *expected),
        other => panic!("{other:?}"),
    }
}

/// The error of a document the profile loader refuses: its path and what it found.
#[track_caller]
fn profile_shape(json: &str) -> (String, &'static str) {
    let errors = load_igot_profile(json).unwrap_err().into_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    match &errors[0] {
        Error::IgotShape { path, found, .. } => (path.clone(), *found),
        other => panic!("{other:?}"),
    }
}

/// igot/34: a content read response (`content/v3/read`) holds one record at
/// `result.content`, an object: it is that course, named by its path there.
#[test]
fn igotresp_content_read_response_is_its_course() {
    let load = load_igot_courses(READ, &kcm(), &IgotCourseOptions::default()).unwrap();
    let courses: Vec<(&str, f64, Vec<&str>)> = (load.value.iter())
        .map(|c| {
            let tags = c.provides.iter().map(|o| o.competency.as_str()).collect();
            (c.id.as_str(), c.hours, tags)
        })
        .collect();
    assert_eq!(
        courses,
        [(
            "do_114006606955921408144",
            0.05,
            vec!["kcm:Behavioural/Collaborative Leadership/Influencing and Negotiation"]
        )]
    );
    assert!(load.report.set_aside.is_empty());
    assert_eq!(
        entries(&load.report.notes),
        owned(&[(
            "$.result.content",
            "do_114006606955921408144",
            "read the platform's misspelt keys competecnySubThemeDescription, \
             competecnyThemeDescription"
        )])
    );
    // The envelope's keys say nothing of the course; the record's others are counted.
    let ignored: Vec<&str> = (load.report.ignored_fields.iter())
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(
        ignored,
        [
            "course.avgRating",
            "course.contentType",
            "course.description",
            "course.organisation",
            "course.primaryCategory"
        ]
    );
    // A hierarchy read (`course/v1/hierarchy`) is the same record with its `children`.
    let hierarchy = READ.replacen(
        "\"description\"",
        "\"children\": [{\"identifier\": \"do_2\", \"name\": \"Module 1\"}], \"description\"",
        1,
    );
    let load = load_igot_courses(&hierarchy, &kcm(), &IgotCourseOptions::default()).unwrap();
    assert_eq!(load.value.len(), 1);
    assert!(load.report.set_aside.is_empty());
    assert!(
        (load.report.ignored_fields.iter()).any(|f| f.field == "course.children" && f.count == 1)
    );
    // `content` of `null` is none; of another type, or a `result` of no response, refused.
    let read = |content: &str| {
        format!(r#"{{"id": "api.content.read", "result": {{"content": {content}}}}}"#)
    };
    assert_eq!(
        course_shape(&read("\"do_1\"")),
        (
            "$.result.content".to_owned(),
            "a string",
            "an array of course records (a search response) or one record (a read response)"
        )
    );
    assert_eq!(
        course_shape(&read("null")).0,
        "$.result",
        "a `result` holding neither records nor a count"
    );
    // A question set's read response holds no course.
    assert_eq!(
        course_shape(
            r#"{"id": "api.questionset.read", "result": {"questionset": {"identifier": "do_9"}}}"#
        ),
        (
            "$.result".to_owned(),
            "an object",
            "a search response's `content` or `count`, or a read response's `content`"
        )
    );
    assert_eq!(course_shape(r#"{"result": 7}"#).0, "$.result");
    assert_eq!(course_shape(r#"{"name": "A"}"#).0, "$");
}

/// igot/37: a search page on which nothing matched, which the platform writes without
/// `content`, is an empty load; its `count` is checked as any page's.
#[test]
fn igotresp_empty_search_page_is_an_empty_load() {
    let load = load_igot_courses(EMPTY, &kcm(), &IgotCourseOptions::default()).unwrap();
    assert!(load.value.is_empty());
    assert_eq!(load.report, karmayogi::IgotReport::default());
    // A page past the last counts the whole search and holds none: noted, not refused.
    let past = r#"{"result": {"count": 250, "facets": []}}"#;
    let load = load_igot_courses(past, &kcm(), &IgotCourseOptions::default()).unwrap();
    assert!(load.value.is_empty());
    assert_eq!(
        entries(&load.report.notes),
        owned(&[(
            "$.result.count",
            "",
            "the response counts 250 records and holds 0: a page of a larger result, not the whole"
        )])
    );
    assert!(load.report.set_aside.is_empty());
    assert_eq!(load.report.ignored_fields[0].field, "$.result.facets");
    // A search of other object types lists them under their own keys: set aside, named.
    let others = r#"{"result": {"count": 2, "QuestionSet": [{"identifier": "do_8"}, {"identifier": "do_9"}]}}"#;
    let load = load_igot_courses(others, &kcm(), &IgotCourseOptions::default()).unwrap();
    assert!(load.value.is_empty());
    assert_eq!(
        load.report.set_aside[0].what,
        IgotWhat::ListNotRead {
            entries: 2,
            read: "$.result.content"
        }
    );
    assert_eq!(load.report.set_aside[0].path, "$.result.QuestionSet");
    assert_eq!(
        load.report.notes[0].what,
        IgotWhat::CountDisagrees {
            count: 2,
            records: 0
        }
    );
}

/// igot/36: a user read response (`user/v1/read`) holds the user's record at
/// `result.response`: its profile's competencies are read, and every other key of the
/// record counted by its path.
#[test]
fn igotresp_user_read_response_is_the_users_profile() {
    let load = load_igot_profile(USER).unwrap();
    let read: Vec<(&str, EvidenceSource, u8, Option<&str>)> = (load.value.iter())
        .map(|e| {
            let name = e.level_name.as_deref();
            (e.competency.as_str(), e.source, e.level, name)
        })
        .collect();
    assert_eq!(
        read,
        [("CID9", EvidenceSource::Assessment, 3, Some("Advanced"))]
    );
    assert!(load.report.set_aside.is_empty() && load.report.notes.is_empty());
    let ignored: Vec<&str> = (load.report.ignored_fields.iter())
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(
        ignored,
        [
            "$.result.response.firstName",
            "$.result.response.id",
            "$.result.response.profileDetails.personalDetails",
            "$.result.response.rootOrgId",
            "$.result.response.userId",
            "competency.description",
            "competency.name",
            "competency.osid",
            "competency.source",
            "competency.type"
        ]
    );
    // A user whose record holds no competencies (most users' records: `profileDetails`
    // absent, `null`, or without `competencies`) has none: an empty load, each key named.
    let envelope = |record: &str| {
        format!(
            r#"{{"id": "api.user.read", "responseCode": "OK", "result": {{"response": {record}}}}}"#
        )
    };
    for (record, ignored) in [
        (r#"{"userId": "u2"}"#, vec!["$.result.response.userId"]),
        (
            r#"{"userId": "u2", "profileDetails": null}"#,
            vec!["$.result.response.userId"],
        ),
        (
            r#"{"userId": "u2", "profileDetails": {"personalDetails": {}}}"#,
            vec![
                "$.result.response.profileDetails.personalDetails",
                "$.result.response.userId",
            ],
        ),
        (
            r#"{"userId": "u2", "profileDetails": {"competencies": null}}"#,
            vec!["$.result.response.userId"],
        ),
    ] {
        let load = load_igot_profile(&envelope(record)).unwrap();
        assert!(load.value.is_empty(), "{record}");
        let fields: Vec<&str> = (load.report.ignored_fields.iter())
            .map(|f| f.field.as_str())
            .collect();
        assert_eq!(fields, ignored, "{record}");
    }
    // The platform's portal reads `profiledetails` too: read as `profileDetails`.
    let lower = USER.replace("\"profileDetails\"", "\"profiledetails\"");
    let load = load_igot_profile(&lower).unwrap();
    assert_eq!(load.value.len(), 1);
    assert!(
        (load.report.ignored_fields.iter())
            .any(|f| f.field == "$.result.response.profiledetails.personalDetails")
    );
    // The user record alone, without the envelope, reads alike.
    let alone = r#"{"userId": "u2", "profileDetails": {"personalDetails": {}}}"#;
    assert!(load_igot_profile(alone).unwrap().value.is_empty());
    // A user search holds several users: not one profile. Other shapes are refused where
    // they stand.
    let search = envelope(r#"{"count": 2, "content": [{"userId": "u1"}, {"userId": "u2"}]}"#);
    assert_eq!(
        profile_shape(&search),
        ("$.result.response".to_owned(), "an object")
    );
    assert_eq!(
        profile_shape(&envelope("[]")),
        ("$.result.response".to_owned(), "an array")
    );
    assert_eq!(
        profile_shape(r#"{"result": {"questionset": {}}}"#),
        ("$.result".to_owned(), "an object")
    );
    // A course read response, and a user read response given to the course loader, are
    // documents of another kind.
    let errors = load_igot_profile(READ).unwrap_err().into_vec();
    assert_eq!(errors[0].code(), "document_of_another_kind");
    let errors = load_igot_courses(USER, &kcm(), &IgotCourseOptions::default())
        .unwrap_err()
        .into_vec();
    assert_eq!(errors[0].code(), "document_of_another_kind");
    let at = "$.result.response.profileDetails".to_owned();
    assert_eq!(
        profile_shape(&envelope(r#"{"profileDetails": "x"}"#)),
        (at, "a string that is not JSON")
    );
    assert_eq!(
        profile_shape(&envelope(r#"{"profileDetails": {"competencies": {}}}"#)),
        (
            "$.result.response.profileDetails.competencies".to_owned(),
            "an object"
        )
    );
}

/// igot/35: a tag list written as JSON text is read as the list it holds, as the
/// platform's own course page reads it; a list that cannot be read, and a tag that is not
/// an object (a `null`), are set aside each at its path with its course, and the records
/// are kept with their other tags: every problem of the catalogue in one report.
#[test]
fn igotresp_tag_lists_of_another_type_set_aside_only_themselves() {
    let load = load_igot_courses(TEXT, &kcm(), &IgotCourseOptions::default()).unwrap();
    let courses: Vec<(&str, Vec<&str>)> = (load.value.iter())
        .map(|c| {
            let tags = c.provides.iter().map(|o| o.competency.as_str()).collect();
            (c.id.as_str(), tags)
        })
        .collect();
    assert_eq!(
        courses,
        [
            (
                "do_113990515935854592111",
                vec!["kcm:Behavioural/Collaboration/Diversity & Inclusion"]
            ),
            (
                "do_114006606955921408144",
                vec!["kcm:Behavioural/Collaborative Leadership/Influencing and Negotiation"]
            ),
            (
                "do_1139400923254046721119",
                vec![
                    "kcm:Functional/Administration Matters/Handling Miscellaneous Matters \
                     (Car, Residence, Personal Staff etc.)"
                ]
            ),
        ]
    );
    let (first, second, third) = (
        "do_113990515935854592111",
        "do_114006606955921408144",
        "do_1139400923254046721119",
    );
    let list = "expected an array of tag objects, or JSON text of one";
    assert_eq!(
        entries(&load.report.set_aside),
        owned(&[
            (
                "$[1].competencies_v6",
                second,
                &format!(
                    "`competencies_v6` is a string that is not JSON (invalid json at line 1, \
                     column 38 (`[0]`): EOF while parsing a value): {list}"
                )
            ),
            (
                "$[2].competencies_v3",
                third,
                &format!("`competencies_v3` is an object: {list}")
            ),
            (
                "$[2].competencies_v5[0]",
                third,
                "`tag` is null: expected an object"
            ),
            (
                "$[2].competencies_v5[2]",
                third,
                "`tag` is a string: expected an object"
            ),
            (
                "$[2].competencies_v6",
                third,
                &format!("`competencies_v6` is JSON text of an object: {list}")
            ),
        ])
    );
    assert_eq!(
        entries(&load.report.notes),
        owned(&[
            (
                "$[0].competencies_v5",
                first,
                "`competencies_v5` is JSON text: read as the list it holds"
            ),
            (
                "$[0]",
                first,
                "read the platform's misspelt keys competecnySubThemeDescription"
            ),
        ])
    );
}

/// The text a tag list holds is read as the document is: a key repeated in an object
/// there, a number nearer 0 than a double holds, sets the list aside; blank text, or the
/// text `null`, holds no tags; a list of another JSON type (a number) is set aside.
#[test]
fn igotresp_tag_list_text_is_read_as_a_document_is() {
    let record = |tags: &str| {
        format!(
            r#"[{{"identifier": "do_1", "name": "A", "duration": 60, "competencies_v5": {tags}}}]"#
        )
    };
    let tag = r#"{\"competencyArea\": \"Behavioural\", \"competencyTheme\": \"Self-Awareness\", \"competencySubTheme\": \"Self-Analysis\"}"#;
    let read = |tags: &str| {
        load_igot_courses(&record(tags), &kcm(), &IgotCourseOptions::default()).unwrap()
    };
    let load = read(&format!("\"[{tag}]\""));
    assert_eq!(load.value[0].provides.len(), 1);
    let repeated = tag.replace('{', r#"{\"competencyArea\": \"Functional\", "#);
    let load = read(&format!("\"[{repeated}]\""));
    let what = load.report.set_aside[0].what.to_string();
    assert!(
        what.starts_with("`competencies_v5` is a string that is not JSON (invalid json")
            && what.contains("duplicate field `competencyArea`"),
        "{what}"
    );
    assert_eq!(load.value.len(), 1, "the record is kept");
    let load = read(r#""[{\"competencySubThemeId\": 1e-400}]""#);
    let what = load.report.set_aside[0].what.to_string();
    assert!(what.contains("is a string that is not JSON"), "{what}");
    for none in [r#""  ""#, r#""null""#, "null"] {
        let load = read(none);
        assert!(load.report.set_aside.is_empty(), "{none}");
        assert_eq!(load.report.notes[0].what, IgotWhat::NoTags, "{none}");
    }
    let load = read("3");
    assert_eq!(
        load.report.set_aside[0].what,
        IgotWhat::WrongType {
            field: "competencies_v5",
            found: "an integer",
            expected: "an array of tag objects, or JSON text of one"
        }
    );
    let load = read(r#""\"Self-Analysis\"""#);
    assert_eq!(
        load.report.set_aside[0].what,
        IgotWhat::WrongType {
            field: "competencies_v5",
            found: "JSON text of a string",
            expected: "an array of tag objects, or JSON text of one"
        }
    );
}
