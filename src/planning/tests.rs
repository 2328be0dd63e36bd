//! Tests across the planning layer and the analyses below it.

use crate::{
    AcbpOptions, Cohort, Framework, LevelPolicy, NeedsOptions, OfficersSpec, RollupOptions,
};

/// Every analysis that takes `threads(n)` gives byte-identical output for any `n`, with
/// or without the `parallel` feature (`.ci/run` runs the unit tests both ways).
#[test]
fn results_are_identical_for_any_thread_count() {
    let example = |name: &str| {
        let path = format!("{}/examples/data/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).expect("the example data")
    };
    let fw = Framework::from_json(&example("head_post_office.json")).expect("valid");
    let officers =
        OfficersSpec::from_json(&example("head_post_office_officers.json")).expect("valid");
    // The example's officers, many times over, so every split has work in each part.
    let many: Vec<_> = (0..40)
        .flat_map(|k| {
            officers.officers.iter().map(move |o| {
                let mut o = o.clone();
                o.id = format!("{}-{k}", o.id).into();
                o
            })
        })
        .collect();
    let cohort = Cohort::new(&fw, &many, &LevelPolicy::default()).expect("valid officers");
    let run = |threads: usize| {
        let needs = fw
            .training_needs(&cohort, &NeedsOptions::default().threads(threads))
            .expect("same framework");
        let by_department = fw
            .training_needs_by_department(&cohort, &NeedsOptions::default().threads(threads))
            .expect("same framework");
        let by_group = fw
            .training_needs_by_group(&cohort, &RollupOptions::default().threads(threads))
            .expect("same framework");
        let plan = fw
            .department_plan(&cohort, &AcbpOptions::default().threads(threads))
            .expect("same framework");
        format!("{needs:?}\n{by_department:?}\n{by_group:?}\n{plan:?}")
    };
    let one = run(1);
    for threads in [0, 2, 3, 8, usize::MAX] {
        assert!(
            run(threads) == one,
            "threads({threads}) differs from threads(1)"
        );
    }
}
