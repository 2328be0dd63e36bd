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

/// An instance built in the emptied vectors of the last plan's (`marks::recycle`) is the
/// one built in new vectors: for every post of the example framework, under both untagged
/// settings, built first with nothing recycled, then again with the instance before
/// recycled each time, in either order (so that the vectors left are longer than needed,
/// holding another instance's rows, or shorter).
#[test]
fn an_instance_built_in_recycled_vectors_is_the_one_built_anew() {
    let path = format!(
        "{}/examples/data/head_post_office.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(path).expect("the example data");
    let fw = Framework::from_json(&json).expect("valid");
    let held = [(0, 2), (3, 1)];
    let mut cases = Vec::new();
    for untagged in [
        UntaggedLevel::Ignore,
        UntaggedLevel::Assume(crate::Level::saturating(3)),
    ] {
        for p in 0..fw.positions().len() as u32 {
            for held in [&[][..], &held[..]] {
                cases.push((untagged, p, held));
            }
        }
    }
    let build = |&(untagged, p, held): &(UntaggedLevel, u32, &[(u32, u8)])| {
        let gaps = fw.gaps_at(p, held);
        let (courses, open) = fw.candidates(&gaps, &[], untagged);
        let closable = super::closable(&gaps, &open);
        let mut values = super::marks::spare_values();
        values.extend(closable.iter().map(|g| f64::from(g.required - g.current)));
        let inst = fw.instance(&courses, &closable, &[], values, untagged, Some(0.25));
        (inst, courses)
    };
    let anew: Vec<String> = cases.iter().map(|c| format!("{:?}", build(c).0)).collect();
    assert!(
        anew.iter().any(|d| d.contains("topo: [")),
        "instances were built"
    );
    let order: Vec<usize> = (0..cases.len()).chain((0..cases.len()).rev()).collect();
    for i in order {
        let (inst, courses) = build(&cases[i]);
        assert_eq!(format!("{inst:?}"), anew[i], "case {i}");
        super::marks::recycle(inst, courses);
    }
}
