//! A framework document in which every entity refers to every entity of the level below:
//! `n` positions × `n` roles × `n` activities × `n` competencies. Every position then
//! requires every competency through `n²` role → activity paths (and one direct role
//! requirement), `n⁴` paths in all, from a document of about `3n²` references.
//!
//! Activity `a` requires competency `c` at level `1 + (a + c) mod 4`; role `r` also requires
//! competency `r mod n` directly at level 5. Used by the framework-memory test and the
//! framework-construction benchmark.
#![allow(dead_code)]

/// The document for `n` (at least 1), as JSON text.
pub fn dense_framework(n: usize) -> String {
    let list = |prefix: &str| -> String {
        (0..n)
            .map(|i| format!("\"{prefix}{i}\""))
            .collect::<Vec<_>>()
            .join(",")
    };
    let (activities, roles) = (list("a"), list("r"));
    let competencies: Vec<String> = (0..n)
        .map(|c| format!(r#"{{"id":"c{c}","name":"C{c}","type":"functional"}}"#))
        .collect();
    let activity_specs: Vec<String> = (0..n)
        .map(|a| {
            let requires: Vec<String> = (0..n)
                .map(|c| format!(r#"{{"competency":"c{c}","level":{}}}"#, 1 + (a + c) % 4))
                .collect();
            format!(
                r#"{{"id":"a{a}","name":"A{a}","requires":[{}]}}"#,
                requires.join(",")
            )
        })
        .collect();
    let role_specs: Vec<String> = (0..n)
        .map(|r| {
            format!(
                r#"{{"id":"r{r}","name":"R{r}","activities":[{activities}],"requires":[{{"competency":"c{r}","level":5}}]}}"#
            )
        })
        .collect();
    let position_specs: Vec<String> = (0..n)
        .map(|p| format!(r#"{{"id":"p{p}","name":"P{p}","department":"d","roles":[{roles}]}}"#))
        .collect();
    format!(
        r#"{{"format_version":2,"competencies":[{}],"activities":[{}],"roles":[{}],"positions":[{}]}}"#,
        competencies.join(","),
        activity_specs.join(","),
        role_specs.join(","),
        position_specs.join(",")
    )
}
