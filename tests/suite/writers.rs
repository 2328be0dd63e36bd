//! Every writer's output reads back: a level with a name beside its number is written in
//! a form the readers read back as the two.

use karmayogi::{Framework, FrameworkSpec, OfficersSpec};

const NAMES_WITH_NUMBERS: &str = include_str!(
    "../data/cases/framework/04-level-names-holding-numbers-written-back-framework.json"
);
const NAMES_WITH_NUMBERS_OFFICERS: &str = include_str!(
    "../data/cases/officers/13-level-names-holding-numbers-written-back-officers.json"
);

/// Levels with their own names holding a number (`2 (Foundation 2)`, `3 (Level 3)`) are
/// written so that they read back as the number and the name: `"2 - Foundation 2"`, as
/// they were written, read back as a level given by the name `2 - Foundation 2`.
#[test]
fn level_names_holding_numbers_are_written_back_as_read() {
    let spec = FrameworkSpec::from_json(NAMES_WITH_NUMBERS).unwrap();
    let role = &spec.roles[0].requires[0];
    assert_eq!(
        (role.level, role.level_name.as_deref()),
        (2, Some("Foundation 2"))
    );
    let text = spec.to_json();
    assert!(text.contains(r#""level": "2 (Foundation 2)""#), "{text}");
    assert_eq!(FrameworkSpec::from_json(&text).unwrap(), spec);
    let framework = Framework::new(spec).unwrap();
    let back = Framework::from_json(&framework.to_spec().to_json()).unwrap();
    assert_eq!(back.to_spec(), framework.to_spec());

    let officers = OfficersSpec::from_json(NAMES_WITH_NUMBERS_OFFICERS).unwrap();
    let entry = &officers.officers[0].passbook[1];
    assert_eq!(
        (entry.level, entry.level_name.as_deref()),
        (3, Some("Level 3"))
    );
    let text = officers.try_to_json().unwrap();
    assert_eq!(OfficersSpec::from_json(&text).unwrap(), officers);
}
