//! How every example ends. Output goes through the locked standard output; a closed pipe
//! (the reader stopped, as `head` does) is a normal end, not a panic; any other failure is
//! one line on standard error and exit code 1.

use std::error::Error;
use std::io::{self, Write};
use std::process::ExitCode;

/// What an example's body returns.
pub type Outcome = Result<(), Box<dyn Error>>;

/// Runs `body` with the locked standard output and turns its outcome into the exit code:
/// 0 when it finished or its reader went away, 1 (with `error: …` on one line of standard
/// error) otherwise.
pub fn finish(body: impl FnOnce(&mut dyn Write) -> Outcome) -> ExitCode {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let outcome = body(&mut out).and_then(|()| out.flush().map_err(Into::into));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if closed_pipe(e.as_ref()) => ExitCode::SUCCESS,
        Err(e) => {
            // Nothing more can be done if standard error is closed too.
            let _ = writeln!(io::stderr(), "error: {}", one_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// Whether the error, or one it was caused by, is a write to a pipe nobody reads.
fn closed_pipe(mut e: &(dyn Error + 'static)) -> bool {
    loop {
        if e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        match e.source() {
            Some(cause) => e = cause,
            None => return false,
        }
    }
}

/// A message of several lines (such as a list of validation problems) as one line:
/// `3 problems found: a; b; c`.
fn one_line(message: &str) -> String {
    let mut parts = message.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut line = parts.next().unwrap_or("failed").to_owned();
    for part in parts {
        line.push_str(if line.ends_with(':') { " " } else { "; " });
        line.push_str(part.strip_prefix("- ").unwrap_or(part));
    }
    line
}
