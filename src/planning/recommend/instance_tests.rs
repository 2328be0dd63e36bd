//! The cover instance `recommend` builds, against the indexes `Instance::finish` derives.

use super::UntaggedLevel;
use crate::Framework;

/// `instance` takes each gap's closers from its (course, gap) pairs instead of transposing
/// the covers: for every post of the example framework, against an officer holding
/// nothing, with untagged courses ignored and assumed to reach level 3, the closers are
/// those `finish` derives, element by element.
#[test]
fn the_closers_are_the_covers_transposed() {
    let path = format!(
        "{}/examples/data/head_post_office.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(path).expect("the example data");
    let fw = Framework::from_json(&json).expect("valid");
    let mut pairs = 0;
    for untagged in [
        UntaggedLevel::Ignore,
        UntaggedLevel::Assume(crate::Level::saturating(3)),
    ] {
        for p in 0..fw.positions().len() as u32 {
            let gaps = fw.gaps_at(p, &[]);
            let (courses, open) = fw.candidates(&gaps, &[], untagged);
            let closable: Vec<_> = gaps
                .iter()
                .enumerate()
                .filter(|(i, _)| !open.iter().any(|(o, _)| o == i))
                .map(|(_, g)| g)
                .collect();
            let values = vec![1.0; closable.len()];
            let inst = fw.instance(&courses, &closable, &[], values, untagged, None);
            let mut derived = inst.clone();
            derived.finish();
            for e in 0..closable.len() as u32 {
                assert_eq!(inst.closers(e), derived.closers(e), "post {p}, gap {e}");
                pairs += inst.closers(e).len();
            }
        }
    }
    assert!(pairs > 0, "the example's posts have closable gaps");
}
