//! Shares printed by the examples, by the rule the library's reports follow: never 100%
//! unless all, never 0% unless none; a share strictly between them that would round to
//! either prints as `>99%`/`<1%` (with one decimal, `>99.9%`/`<0.1%`).

#![allow(dead_code)]

/// `share` in `[0, 1]` as a percentage with `decimals` decimals (0 or 1).
pub fn percent(share: f64, decimals: usize) -> String {
    let p = share * 100.0;
    let step = if decimals == 0 { 1.0 } else { 0.1 };
    if p > 100.0 - step && p < 100.0 {
        format!(">{:.decimals$}%", 100.0 - step)
    } else if p > 0.0 && p < step {
        format!("<{step:.decimals$}%")
    } else {
        format!("{p:.decimals$}%")
    }
}
