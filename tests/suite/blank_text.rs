//! Text that shows nothing is blank wherever the crate checks for blank text: a level
//! name or an area of only whitespace and invisible characters (a zero-width space, a
//! word joiner, a byte-order mark, a no-break space) is refused as a blank one is, with the
//! error for blank text rather than passing as a name nobody can see.

use karmayogi::{Error, Errors, Framework};

const SHOW_NOTHING: [&str; 6] = [
    "",
    "   ",
    "\u{200b}",
    "\u{2060}\u{feff}",
    "\u{a0}\t",
    " \u{200b} ",
];

fn framework(level_name: &str, area: &str) -> Result<Framework, Vec<Error>> {
    let json = serde_json::json!({"format_version": 2, "competencies": [
        {"id": "c", "name": "Competency", "type": "functional", "area": area,
         "levels": [{"level": 1, "name": level_name, "description": "Does it."}]}]});
    Framework::from_json(&json.to_string()).map_err(Errors::into_vec)
}

#[test]
fn a_level_name_or_area_that_shows_nothing_is_blank() {
    for text in SHOW_NOTHING {
        assert_eq!(
            framework(text, "Area").unwrap_err(),
            [Error::BlankLevelName {
                competency: "c".into(),
                level: 1
            }],
            "{text:?}"
        );
        assert_eq!(
            framework("Basic", text).unwrap_err(),
            [Error::BlankArea {
                competency: "c".into()
            }],
            "{text:?}"
        );
    }
    // Visible text among invisible characters is a name, whatever else is said of it.
    framework("Basic", "Area").expect("valid");
    let visible = framework("\u{200b}Basic", "Area").err().unwrap_or_default();
    assert!(
        !visible
            .iter()
            .any(|e| matches!(e, Error::BlankLevelName { .. })),
        "{visible:?}"
    );
}
