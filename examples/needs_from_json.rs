//! From an officers document on disk (the JSON of `OfficersSpec`) to the training-needs
//! heatmap, timed: the document read in one pass into a cohort, or in two steps.
//!
//! ```text
//! cargo run --release --example needs_from_json -- DIR [--two-step] [--threads N] [--load-threads L]
//! cargo run --release --example needs_from_json -- DIR --write OFFICERS
//! ```
//!
//! `DIR/officers.json` is the document (SYNTHETIC officers on the real ESCO framework, as
//! `--write OFFICERS` writes them: the default seed of `bench_needs`, in compact JSON,
//! about 2.5 KB per officer). The ESCO framework is built first (not counted).
//! Then, timed: reading the file into a string (read), building the cohort (load) with
//! `Cohort::from_json_with_threads` on `L` threads (default 1: `Cohort::from_json`), or with
//! `--two-step` with `OfficersSpec::from_json` then `Cohort::new` and dropping the specs,
//! and `Framework::training_needs` on `N` threads (default 2), called twice. Prints one line of `key=value` fields: the times in seconds
//! (wall clock, and the CPU time of the load and of the first call, which a busy machine
//! disturbs less),
//! the text's size, the cohort's own heap bytes (`Cohort::heap_bytes`), the peak resident
//! memory of the whole process before reading the text (`base_peak_mib`: the framework)
//! and at the end (`peak_mib`, `VmHWM`), all in MiB, and a fingerprint of the result (see
//! `examples/support/hr_export.rs`).

#[path = "support/args.rs"]
mod args;
#[path = "support/esco.rs"]
mod esco;
#[path = "support/hr_export.rs"]
#[allow(dead_code)] // only its fingerprint is used here
mod hr_export;
#[path = "support/out.rs"]
mod out;
#[path = "support/synth.rs"]
mod synth;

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{Cohort, Framework, LevelPolicy, NeedsOptions, OfficersSpec};
use serde::ser::{SerializeStruct, Serializer};

const USAGE: args::Usage = args::Usage {
    text: "needs_from_json DIR [--two-step] [--threads N] [--load-threads L] [--write OFFICERS]",
    flags: &["--two-step"],
    options: &["--threads", "--load-threads", "--write"],
    positional: 1,
};

fn main() -> ExitCode {
    out::finish(|out| {
        let given = USAGE.parse_env()?;
        if given.help {
            return Ok(writeln!(out, "usage: {}", USAGE.text)?);
        }
        let threads = given
            .option("--threads")
            .map(|t| USAGE.count(t, "--threads"))
            .transpose()?
            .unwrap_or(2) as usize;
        let load_threads = given
            .option("--load-threads")
            .map(|t| USAGE.count(t, "--load-threads"))
            .transpose()?
            .unwrap_or(1) as usize;
        let dir = given
            .positional()
            .first()
            .ok_or_else(|| USAGE.error("DIR is required"))?;
        let framework = Framework::new(esco::Esco::load()?.framework_spec())
            .map_err(|e| format!("ESCO framework: {e}"))?;
        if let Some(n) = given.option("--write") {
            let n = USAGE.count(n, "--write")?;
            write(&framework, n, Path::new(dir))?;
            return Ok(writeln!(
                out,
                "wrote {n} SYNTHETIC officers to {dir}/officers.json"
            )?);
        }
        run(
            out,
            &framework,
            Path::new(dir),
            threads,
            load_threads,
            given.flag("--two-step"),
        )
    })
}

/// Writes officers `0..n` of the synthetic generator as `DIR/officers.json`, compact JSON
/// with the fields of `OfficersSpec`, without holding them all.
fn write(framework: &Framework, n: u64, dir: &Path) -> out::Outcome {
    struct Officers<'a>(&'a synth::Synth, u64);
    impl serde::Serialize for Officers<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.officers(0..self.1))
        }
    }
    struct Document<'a>(Officers<'a>);
    impl serde::Serialize for Document<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut doc = s.serialize_struct("OfficersSpec", 2)?;
            doc.serialize_field("format_version", &karmayogi::FORMAT_VERSION)?;
            doc.serialize_field("officers", &self.0)?;
            doc.end()
        }
    }
    let synth = synth::Synth::new(framework, &synth::SynthOptions::default());
    std::fs::create_dir_all(dir)?;
    let mut file =
        BufWriter::with_capacity(1 << 20, std::fs::File::create(dir.join("officers.json"))?);
    serde_json::to_writer(&mut file, &Document(Officers(&synth, n))).map_err(|e| e.to_string())?;
    file.flush()?;
    Ok(())
}

fn run(
    out: &mut dyn Write,
    framework: &Framework,
    dir: &Path,
    threads: usize,
    load_threads: usize,
    two_step: bool,
) -> out::Outcome {
    let base_peak = peak_mib();
    let path = dir.join("officers.json");
    let start = Instant::now();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let read_s = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let cpu_start = cpu_s();
    let policy = LevelPolicy::default();
    let cohort = if two_step {
        let doc = OfficersSpec::from_json(&text).map_err(|e| format!("rejected: {e}"))?;
        let cohort = Cohort::new(framework, &doc.officers, &policy);
        drop(doc);
        cohort
    } else {
        Cohort::from_json_with_threads(framework, &text, &policy, load_threads)
    }
    .map_err(|e| format!("rejected: {e}"))?;
    let load_s = start.elapsed().as_secs_f64();
    let load_cpu_s = cpu_s().zip(cpu_start).map(|(end, start)| end - start);
    let text_mib = text.len() as f64 / f64::from(1 << 20);
    drop(text);

    let options = NeedsOptions::default().threads(threads);
    let start = Instant::now();
    let cpu_start = cpu_s();
    let needs = framework
        .training_needs(&cohort, &options)
        .map_err(|e| e.to_string())?;
    let first_s = start.elapsed().as_secs_f64();
    let first_cpu_s = cpu_s().zip(cpu_start).map(|(end, start)| end - start);
    let start = Instant::now();
    let again = framework
        .training_needs(&cohort, &options)
        .map_err(|e| e.to_string())?;
    let second_s = start.elapsed().as_secs_f64();
    if again.rows != needs.rows {
        return Err("two calls disagree".into());
    }
    let mib = |m: Option<u64>| m.map_or_else(|| "n/a".to_owned(), |m| m.to_string());
    let secs = |s: Option<f64>| s.map_or_else(|| "n/a".to_owned(), |s| format!("{s:.2}"));
    writeln!(
        out,
        "path={} load_threads={} officers={} read_s={read_s:.3} load_s={load_s:.3} \
         needs_first_s={first_s:.3} needs_second_s={second_s:.3} total_s={:.3} \
         load_cpu_s={} needs_first_cpu_s={} \
         text_mib={text_mib:.0} cohort_mib={:.1} base_peak_mib={} peak_mib={} fingerprint={}",
        if two_step { "two-step" } else { "from_json" },
        if two_step { 1 } else { load_threads },
        cohort.len(),
        read_s + load_s + first_s,
        secs(load_cpu_s),
        secs(first_cpu_s),
        cohort.heap_bytes() as f64 / f64::from(1 << 20),
        mib(base_peak),
        mib(peak_mib()),
        hr_export::fingerprint(&needs).replace(' ', "_"),
    )?;
    Ok(())
}

/// CPU time (user and system) this process has used so far, in seconds, where Linux
/// provides it (`/proc/self/stat`, in clock ticks of 10 ms): on a shared machine the
/// wall-clock time of a phase says little, its CPU time more.
fn cpu_s() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    Some((ticks(11)? + ticks(12)?) as f64 / 100.0)
}

/// Peak resident memory of this process (`VmHWM`) in MiB, where Linux provides it.
fn peak_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024)
}
