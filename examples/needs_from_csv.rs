//! From an HR export on disk to the training-needs heatmap, timed: what a user waits for.
//!
//! ```text
//! cargo run --release --example needs_from_csv -- DIR [--threads N] [--bandwidth]
//! ```
//!
//! `DIR` holds `officers.csv` and `evidence.csv` as `bench_needs --csv DIR` writes them
//! (synthetic officers on the real ESCO framework). The ESCO framework is built first (not
//! counted: it is the same for every export). Then, timed: reading both files in 8 MiB
//! pieces, each pushed into a `CohortCsvReader` (on `N` threads) as it is read (read: the time in `read`
//! calls; load: the rest, the reader's), and `Framework::training_needs` on `N` threads (default 2),
//! called twice (first and second call). Prints one line of `key=value` fields for
//! `benches/needs_end_to_end.py`: the times in seconds, the number of warnings the load
//! gave (kept, as a caller would), the peak resident memory of the process right after
//! loading and over the whole run (`VmHWM`, MiB) and a fingerprint of the result (see
//! `examples/support/hr_export.rs`).
//!
//! With `--write OFFICERS` it instead writes that many SYNTHETIC officers (the default seed
//! of `bench_needs`) as such an export into `DIR`. With `--bandwidth` it instead times a sum over 1 GiB of memory on `N` threads, the
//! floor any scan of that much data meets, and prints it in GB/s.

#[path = "support/args.rs"]
mod args;
#[path = "support/esco.rs"]
mod esco;
#[path = "support/hr_export.rs"]
mod hr_export;
#[path = "support/out.rs"]
mod out;
#[path = "support/synth.rs"]
mod synth;

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{CohortCsvReader, Framework, NeedsOptions, OfficersCsvOptions};

/// The size of the pieces the files are read in.
const PIECE: usize = 8 << 20;

const USAGE: args::Usage = args::Usage {
    text: "needs_from_csv DIR [--threads N] [--bandwidth] [--write OFFICERS]",
    flags: &["--bandwidth"],
    options: &["--threads", "--write"],
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
        if given.flag("--bandwidth") {
            return bandwidth(out, threads);
        }
        let dir = given
            .positional()
            .first()
            .ok_or_else(|| USAGE.error("DIR is required"))?;
        if let Some(n) = given.option("--write") {
            let n = USAGE.count(n, "--write")?;
            let framework = Framework::new(esco::Esco::load()?.framework_spec())
                .map_err(|e| format!("ESCO framework: {e}"))?;
            let synth = synth::Synth::new(&framework, &synth::SynthOptions::default());
            hr_export::write(&framework, &synth, n, Path::new(dir))?;
            return Ok(writeln!(out, "wrote {n} SYNTHETIC officers to {dir}")?);
        }
        run(out, Path::new(dir), threads)
    })
}

fn run(out: &mut dyn Write, dir: &Path, threads: usize) -> out::Outcome {
    let start = Instant::now();
    let framework = Framework::new(esco::Esco::load()?.framework_spec())
        .map_err(|e| format!("ESCO framework: {e}"))?;
    let framework_s = start.elapsed().as_secs_f64();

    // The files are read in pieces straight into the reader, so the text is never held
    // whole. One thread reads the files while this one loads what it read, so reading and
    // loading overlap: `read_s` is the time this thread waited for a piece.
    let start = Instant::now();
    let options = OfficersCsvOptions::default().threads(threads);
    let mut reader = CohortCsvReader::new(&framework, &options);
    let mut read_s = 0.0;
    let mut text_bytes = 0usize;
    std::thread::scope(|scope| -> Result<(), String> {
        // One piece waiting, one being read and one being loaded: 24 MiB at most.
        let (pieces, arrived) = std::sync::mpsc::sync_channel::<Result<(bool, Vec<u8>), String>>(1);
        let (spent, reuse) = std::sync::mpsc::channel::<Vec<u8>>();
        scope.spawn(move || {
            if let Err(e) = read_files(dir, &pieces, &reuse) {
                // The loading thread stops at the error; nothing else to do here.
                let _ = pieces.send(Err(e));
            }
        });
        loop {
            let waiting = Instant::now();
            let Ok(next) = arrived.recv() else { break };
            read_s += waiting.elapsed().as_secs_f64();
            let (evidence, piece) = next?;
            text_bytes += piece.len();
            if evidence {
                reader.push_evidence(&piece);
            } else {
                reader.push_officers(&piece);
            }
            // The reader may have stopped: a piece it does not take back is freed.
            let _ = spent.send(piece);
        }
        Ok(())
    })?;
    let load = reader
        .finish()
        .map_err(|e| format!("the export is rejected: {e}"))?;
    let load_s = start.elapsed().as_secs_f64() - read_s;
    let load_peak = peak_mib();
    let warnings = load.warnings.len();
    let text_mib = text_bytes as f64 / f64::from(1 << 20);
    let cohort = load.cohort;

    let options = NeedsOptions::default().threads(threads);
    let start = Instant::now();
    let needs = framework
        .training_needs(&cohort, &options)
        .map_err(|e| e.to_string())?;
    let first_s = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let again = framework
        .training_needs(&cohort, &options)
        .map_err(|e| e.to_string())?;
    let second_s = start.elapsed().as_secs_f64();
    if again.rows != needs.rows {
        return Err("two calls disagree".into());
    }
    writeln!(
        out,
        "officers={} framework_s={framework_s:.3} read_s={read_s:.3} load_s={load_s:.3} \
         needs_first_s={first_s:.3} needs_second_s={second_s:.3} \
         total_s={:.3} text_mib={text_mib:.0} cohort_mib={:.0} warnings={warnings} \
         load_peak_mib={} peak_mib={} fingerprint={}",
        cohort.len(),
        read_s + load_s + first_s,
        cohort.heap_bytes() as f64 / f64::from(1 << 20),
        load_peak.map_or_else(|| "n/a".to_owned(), |m| m.to_string()),
        peak_mib().map_or_else(|| "n/a".to_owned(), |m| m.to_string()),
        hr_export::fingerprint(&needs).replace(' ', "_"),
    )?;
    Ok(())
}

/// Reads `officers.csv` then `evidence.csv` of `dir` in pieces of [`PIECE`] bytes into
/// `pieces` (`true`: evidence), the evidence announced by an empty piece, reusing the
/// buffers that come back through `reuse`.
fn read_files(
    dir: &Path,
    pieces: &std::sync::mpsc::SyncSender<Result<(bool, Vec<u8>), String>>,
    reuse: &std::sync::mpsc::Receiver<Vec<u8>>,
) -> Result<(), String> {
    for (evidence, name) in [(false, "officers.csv"), (true, "evidence.csv")] {
        let path = dir.join(name);
        let mut file = std::fs::File::open(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if evidence && pieces.send(Ok((true, Vec::new()))).is_err() {
            return Ok(());
        }
        loop {
            let mut buffer = reuse.try_recv().unwrap_or_default();
            buffer.resize(PIECE, 0);
            let n = file
                .read(&mut buffer)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if n == 0 {
                break;
            }
            buffer.truncate(n);
            if pieces.send(Ok((evidence, buffer))).is_err() {
                return Ok(());
            }
        }
    }
    Ok(())
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

/// Times a sum over 1 GiB on `threads` threads (best of 5), in GB/s.
fn bandwidth(out: &mut dyn Write, threads: usize) -> out::Outcome {
    let words = (1usize << 30) / 8;
    let data: Vec<u64> = (0..words as u64).collect();
    let chunk = words.div_ceil(threads.max(1));
    let mut best = f64::INFINITY;
    let mut total = 0u64;
    for _ in 0..5 {
        let start = Instant::now();
        total = std::thread::scope(|s| {
            let parts: Vec<_> = data
                .chunks(chunk)
                .map(|part| s.spawn(move || part.iter().fold(0u64, |a, &x| a.wrapping_add(x))))
                .collect();
            parts
                .into_iter()
                .map(|h| h.join().unwrap_or(0))
                .fold(0u64, u64::wrapping_add)
        });
        best = best.min(start.elapsed().as_secs_f64());
    }
    writeln!(
        out,
        "bandwidth_gbs={:.1} threads={threads} check={}",
        (words * 8) as f64 / best / 1e9,
        total % 1000
    )?;
    Ok(())
}
