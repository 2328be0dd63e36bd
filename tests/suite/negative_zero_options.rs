//! A budget or officer cap of `-0.0` (what `-x * 0.0` or a spreadsheet's `-0` gives) is
//! accepted as the 0 it equals, and held as `0.0`: a department plan printed "of a -0-hour
//! budget" and wrote `"budget": -0.0` in its JSON.

use karmayogi::{AcbpOptions, Cohort, Framework, LevelPolicy, OfficersSpec, RecommendOptions};

const FRAMEWORK: &str = include_str!("../../examples/data/head_post_office.json");
const OFFICERS: &str = include_str!("../../examples/data/head_post_office_officers.json");

#[test]
fn a_budget_of_negative_zero_is_a_budget_of_zero() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let officers = OfficersSpec::from_json(OFFICERS).expect("reads").officers;
    let cohort = Cohort::new(&fw, &officers, &LevelPolicy::default()).expect("valid");
    let options = AcbpOptions::default()
        .budget(-0.0)
        .expect("0 is a budget")
        .officer_cap(-0.0)
        .expect("0 is a cap");
    let plan = fw.department_plan(&cohort, &options).expect("plans");
    let budget = plan.budget.expect("a budget was set");
    assert!(budget == 0.0 && budget.is_sign_positive(), "{budget:?}");
    let text = plan.summary().to_string();
    assert!(text.contains("of a 0-hour budget"), "{text}");
    assert!(!text.contains("-0"), "{text}");
    let zero = AcbpOptions::default()
        .budget(0.0)
        .expect("0")
        .officer_cap(0.0)
        .expect("0");
    let zero = fw.department_plan(&cohort, &zero).expect("plans");
    assert_eq!(text, zero.summary().to_string());

    let negative = format!("{:?}", RecommendOptions::default().budget(-0.0).expect("0"));
    let positive = format!("{:?}", RecommendOptions::default().budget(0.0).expect("0"));
    assert_eq!(negative, positive);
}
