//! Command-line arguments of the examples, read strictly. A flag or option the example does
//! not take, an option without its value, or more positional arguments than it takes is an
//! error, never ignored, so a typo such as `--ful` is noticed; counts must be at least 1.
//! Errors are one line ending in the usage, for `out::finish` to print with exit code 1.

#![allow(dead_code)]

/// What an example accepts.
pub struct Usage {
    /// The usage line printed with every error and for `-h`/`--help`, e.g.
    /// `acbp [OFFICERS] [--full]`.
    pub text: &'static str,
    /// Flags without a value, e.g. `--full`.
    pub flags: &'static [&'static str],
    /// Options followed by a value, e.g. `--seed`.
    pub options: &'static [&'static str],
    /// The most positional arguments taken.
    pub positional: usize,
}

/// Arguments as read against a [`Usage`].
#[derive(Debug, Default)]
pub struct Args {
    /// `-h` or `--help` was given: print the usage and stop.
    pub help: bool,
    flags: Vec<&'static str>,
    options: Vec<(&'static str, String)>,
    positional: Vec<String>,
}

impl Usage {
    /// An example taking at most `positional` positional arguments and no flag or option.
    pub const fn positional_only(text: &'static str, positional: usize) -> Usage {
        Usage {
            text,
            flags: &[],
            options: &[],
            positional,
        }
    }

    /// Reads the process's arguments.
    pub fn parse_env(&self) -> Result<Args, String> {
        self.parse(std::env::args().skip(1))
    }

    /// Reads `args` (without the program name).
    pub fn parse(&self, args: impl IntoIterator<Item = String>) -> Result<Args, String> {
        let mut out = Args::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if arg == "-h" || arg == "--help" {
                out.help = true;
            } else if let Some(&flag) = self.flags.iter().find(|f| **f == arg) {
                out.flags.push(flag);
            } else if let Some(&option) = self.options.iter().find(|o| **o == arg) {
                let value = args
                    .next()
                    .ok_or_else(|| self.error(&format!("`{option}` needs a value")))?;
                out.options.push((option, value));
            } else if arg.starts_with('-') && arg.len() > 1 {
                return Err(self.error(&format!("unknown option `{arg}`")));
            } else if out.positional.len() < self.positional {
                out.positional.push(arg);
            } else {
                return Err(self.error(&format!("unexpected argument `{arg}`")));
            }
        }
        Ok(out)
    }

    /// Reads the process's arguments; `None` when `-h` or `--help` asked for the usage,
    /// which is then written to `out`.
    pub fn read(
        &self,
        out: &mut dyn std::io::Write,
    ) -> Result<Option<Args>, Box<dyn std::error::Error>> {
        let args = self.parse_env()?;
        if args.help {
            writeln!(out, "usage: {}", self.text)?;
            return Ok(None);
        }
        Ok(Some(args))
    }

    /// The positional arguments as counts of at least 1 for `what`, in increasing order;
    /// `default` when none is given.
    pub fn sizes(&self, args: &Args, what: &str, default: &[usize]) -> Result<Vec<usize>, String> {
        let mut sizes = (args.positional.iter())
            .map(|a| usize::try_from(self.count(a, what)?).map_err(|e| self.error(&e.to_string())))
            .collect::<Result<Vec<usize>, String>>()?;
        if sizes.is_empty() {
            sizes = default.to_vec();
        }
        sizes.sort_unstable();
        Ok(sizes)
    }

    /// `message; usage: {text}`.
    pub fn error(&self, message: &str) -> String {
        format!("{message}; usage: {}", self.text)
    }

    /// A whole number for `what`: ASCII digits, optionally grouped with `_` or `,`.
    pub fn number(&self, text: &str, what: &str) -> Result<u64, String> {
        let digits: String = text.chars().filter(|&c| c != '_' && c != ',').collect();
        match digits.parse::<u64>() {
            Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
            _ => Err(self.error(&format!("{what}: expected a whole number, found `{text}`"))),
        }
    }

    /// A count of at least 1 for `what`, written as [`Usage::number`] reads it.
    pub fn count(&self, text: &str, what: &str) -> Result<u64, String> {
        match self.number(text, what)? {
            0 => Err(self.error(&format!("{what} is 0: expected at least 1"))),
            n => Ok(n),
        }
    }
}

impl Args {
    /// Whether `flag` was given.
    pub fn flag(&self, flag: &str) -> bool {
        self.flags.contains(&flag)
    }

    /// The value given to `option` (the last, when given twice).
    pub fn option(&self, option: &str) -> Option<&str> {
        let given = self.options.iter().rev().find(|(o, _)| *o == option);
        given.map(|(_, v)| v.as_str())
    }

    /// The positional arguments, in order.
    pub fn positional(&self) -> &[String] {
        &self.positional
    }
}
