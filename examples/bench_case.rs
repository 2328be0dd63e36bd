//! CASE import at scale: a package of `n` competency items under `n / 100` area items,
//! each with its `isChildOf` association, a `humanCodingScheme` (reported as having no
//! place in the spec) and stamps, as a publisher's export of a large framework has them.
//!
//! Run with `cargo run --release --example bench_case [N ...]` (default 12500 25000 50000
//! 100000). For each `n` it prints the package's size, the time `CaseImport::from_json`
//! takes (best of 3), the peak heap of the first import (counted by a counting global
//! allocator) and what the import gave.

#[path = "support/args.rs"]
mod args;
#[path = "support/out.rs"]
mod out;

use std::alloc::System;
use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use cap::Cap;
use karmayogi::{CaseImport, CaseImportOptions};

#[global_allocator]
static HEAP: Cap<System> = Cap::new(System, usize::MAX);

const DOC: &str = "d0000000-0000-4000-8000-000000000000";

fn uuid(kind: u32, n: usize) -> String {
    format!("{kind:08x}-0000-4000-8000-{n:012x}")
}

/// An `isChildOf` association from `child` to `parent`.
fn child_of(out: &mut String, id: &str, child: &str, parent: &str, sequence: usize) {
    let _ = write!(
        out,
        r#"{{"identifier":"{id}","associationType":"isChildOf","originNodeURI":{{"identifier":"{child}","uri":"https://x.org/CFItems/{child}","title":""}},"destinationNodeURI":{{"identifier":"{parent}","uri":"https://x.org/CFItems/{parent}","title":""}},"sequenceNumber":{sequence},"lastChangeDateTime":"2024-01-01T00:00:00Z"}}"#
    );
}

/// The package of `n` competencies under `n / 100` areas.
fn package(n: usize) -> String {
    let areas = (n / 100).max(1);
    let mut items = Vec::with_capacity(n + areas);
    let mut links = Vec::with_capacity(n + areas);
    for a in 0..areas {
        let id = uuid(1, a);
        items.push(format!(
            r#"{{"identifier":"{id}","uri":"https://x.org/CFItems/{id}","fullStatement":"Area {a}","CFItemType":"Area","lastChangeDateTime":"2024-01-01T00:00:00Z"}}"#
        ));
        let mut link = String::new();
        child_of(&mut link, &uuid(3, a), &id, DOC, a + 1);
        links.push(link);
    }
    for i in 0..n {
        let id = uuid(2, i);
        items.push(format!(
            r#"{{"identifier":"{id}","uri":"https://x.org/CFItems/{id}","fullStatement":"Statement number {i} about something","humanCodingScheme":"C.{i}","CFItemType":"Functional Competency","lastChangeDateTime":"2024-01-01T00:00:00Z"}}"#
        ));
        let mut link = String::new();
        child_of(
            &mut link,
            &uuid(4, i),
            &id,
            &uuid(1, i % areas),
            i / areas + 1,
        );
        links.push(link);
    }
    format!(
        r#"{{"CFDocument":{{"identifier":"{DOC}","uri":"https://x.org/CFDocuments/{DOC}","title":"D","creator":"C","lastChangeDateTime":"2024-01-01T00:00:00Z"}},"CFItems":[{}],"CFAssociations":[{}]}}"#,
        items.join(","),
        links.join(",")
    )
}

const USAGE: args::Usage = args::Usage::positional_only("bench_case [N ...]", usize::MAX);

fn main() -> ExitCode {
    out::finish(run)
}

fn run(out: &mut dyn std::io::Write) -> out::Outcome {
    let Some(args) = USAGE.read(out)? else {
        return Ok(());
    };
    let sizes = USAGE.sizes(&args, "N", &[12_500, 25_000, 50_000, 100_000])?;
    let options = CaseImportOptions::default();
    for n in sizes {
        let text = package(n);
        // The allocator keeps one high-water mark for the whole run; sizes run in
        // increasing order, so the mark after this size's first import is its peak.
        let before = HEAP.allocated();
        let mut best = f64::INFINITY;
        let mut summary = String::new();
        for run in 0..3 {
            let start = Instant::now();
            let import = CaseImport::from_json(&text, &options)?;
            best = best.min(start.elapsed().as_secs_f64());
            if run == 0 {
                let peak = HEAP.max_allocated() - before;
                summary = format!(
                    "peak heap {:.0} MiB ({:.1}× the text); {} competencies, {} groups, {} fields reported",
                    peak as f64 / 1_048_576.0,
                    peak as f64 / text.len() as f64,
                    import.spec.competencies.len(),
                    import.spec.groups.len(),
                    import.report.dropped_fields.len()
                );
            }
        }
        writeln!(
            out,
            "{n} items, {:.1} MiB: {:.3} s (best of 3); {summary}",
            text.len() as f64 / 1_048_576.0,
            best
        )?;
    }
    Ok(())
}
