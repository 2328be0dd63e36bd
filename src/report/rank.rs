//! Rankings: officers for a post, posts for an officer, by readiness or by training.

use std::fmt;

use super::table::{Align, Hours, Label, Table, count, percent};
use crate::{CareerFit, Fit};

/// One ranked row: the officer and post it pairs, and its own cells.
trait Ranked {
    fn officer(&self) -> Label<'_>;
    fn position(&self) -> Label<'_>;
    fn cells(&self) -> Vec<String>;
}

impl Ranked for Fit {
    fn officer(&self) -> Label<'_> {
        Label::officer(self.officer_name.as_deref(), self.officer.as_str())
    }

    fn position(&self) -> Label<'_> {
        Label::new(&self.position_name, self.position.as_str())
    }

    fn cells(&self) -> Vec<String> {
        vec![
            percent(self.readiness).to_string(),
            self.gaps.to_string(),
            self.shortfall_levels.to_string(),
        ]
    }
}

impl Ranked for CareerFit {
    fn officer(&self) -> Label<'_> {
        Label::officer(self.officer_name.as_deref(), self.officer.as_str())
    }

    fn position(&self) -> Label<'_> {
        Label::new(&self.position_name, self.position.as_str())
    }

    fn cells(&self) -> Vec<String> {
        vec![
            Hours(self.hours).to_string(),
            self.courses.to_string(),
            self.gaps.to_string(),
            self.open.to_string(),
            percent(self.readiness).to_string(),
        ]
    }
}

/// A ranking as a table. When every row has the same post (officers for a vacancy) the
/// headline names it and the rows name the officers; when every row has the same officer
/// (posts for an officer) the other way round; otherwise the rows name both.
struct Ranking<'a, T> {
    rows: &'a [T],
    by: &'static str,
    columns: &'static [(&'static str, Align)],
}

impl<T: Ranked> fmt::Display for Ranking<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(first) = self.rows.first() else {
            return writeln!(f, "nothing ranked");
        };
        let same =
            |key: fn(&T) -> Label<'_>| self.rows.iter().all(|r| key(r).id() == key(first).id());
        let n = self.rows.len();
        // A single row, or rows pairing different officers and posts, name both.
        let (officers, posts) = match (same(T::officer), same(T::position)) {
            (true, false) => (false, true),
            (false, true) => (true, false),
            _ => (true, true),
        };
        match (officers, posts) {
            (true, false) => writeln!(
                f,
                "{}: {} ranked by {}",
                first.position(),
                count(n, "officer", "officers"),
                self.by
            )?,
            (false, true) => writeln!(
                f,
                "{}: {} ranked by {}",
                first.officer(),
                count(n, "post", "posts"),
                self.by
            )?,
            _ => writeln!(f, "{} ranked by {}", count(n, "result", "results"), self.by)?,
        }
        let mut columns = Vec::new();
        if officers {
            columns.push(("officer", Align::Left));
        }
        if posts {
            columns.push(("post", Align::Left));
        }
        columns.extend_from_slice(self.columns);
        let mut table = Table::new(&columns);
        for r in self.rows {
            let mut cells = Vec::new();
            if officers {
                cells.push(r.officer().to_string());
            }
            if posts {
                cells.push(r.position().to_string());
            }
            cells.extend(r.cells());
            table.row(cells);
        }
        table.write(f, 2)
    }
}

const FIT_COLUMNS: &[(&str, Align)] = &[
    ("readiness", Align::Right),
    ("gaps", Align::Right),
    ("levels short", Align::Right),
];

const CAREER_COLUMNS: &[(&str, Align)] = &[
    ("hours", Align::Right),
    ("courses", Align::Right),
    ("gaps", Align::Right),
    ("no course", Align::Right),
    ("readiness", Align::Right),
];

impl Fit {
    /// A ranking as a table for people, in the order given: a headline naming the post
    /// (for [`Framework::officers_for`](crate::Framework::officers_for)) or the officer
    /// (for [`Framework::positions_for`](crate::Framework::positions_for)), then per fit
    /// the other side's name, readiness, gaps and levels short, aligned.
    ///
    /// ```text
    /// Postmaster, Head Post Office [postmaster-hpo]: 3 officers ranked by readiness
    ///   officer                    readiness  gaps  levels short
    ///   Arjun Rao [arjun-rao]            56%     9            21
    /// ```
    ///
    /// Writing it takes O(n) time and memory in the n fits (and the length of their
    /// names): the cells are formatted once and the columns aligned to the widest.
    pub fn table(fits: &[Fit]) -> impl fmt::Display + '_ {
        Ranking {
            rows: fits,
            by: "readiness",
            columns: FIT_COLUMNS,
        }
    }
}

impl fmt::Display for Fit {
    /// One line: `Arjun Rao [arjun-rao] for Postmaster [postmaster-hpo]: readiness 56%,
    /// 21 levels short in 9 competencies`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} for {}: readiness {}, {} short in {}",
            self.officer(),
            self.position(),
            percent(self.readiness),
            count(self.shortfall_levels, "level", "levels"),
            count(self.gaps, "competency", "competencies"),
        )
    }
}

impl CareerFit {
    /// Career paths or successors as a table for people, in the order given: a headline
    /// naming the officer (for [`Framework::career_paths`](crate::Framework::career_paths))
    /// or the post (for [`Framework::successors`](crate::Framework::successors)), then per
    /// result the other side's name, the training hours and courses, the gaps now, those
    /// no course closes, and the readiness now.
    ///
    /// ```text
    /// Meena Iyer [meena-iyer]: 2 posts ranked by training needed
    ///   post                                                   hours  courses  gaps  no course  readiness
    ///   Supervisor, Counters and Mail, Head Post Office [...]    12.0        2     2          0        90%
    /// ```
    ///
    /// Writing it takes O(n) time and memory in the n results (and the length of their
    /// names): the cells are formatted once and the columns aligned to the widest.
    pub fn table(fits: &[CareerFit]) -> impl fmt::Display + '_ {
        Ranking {
            rows: fits,
            by: "training needed",
            columns: CAREER_COLUMNS,
        }
    }
}

impl fmt::Display for CareerFit {
    /// One line: `Meena Iyer [meena-iyer] for Supervisor [supervisor-counters]: 12.0 hours
    /// in 2 courses, 2 gaps (0 no course closes), readiness now 90%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} for {}: {} hours in {}, {} ({} no course closes), readiness now {}",
            self.officer(),
            self.position(),
            Hours(self.hours),
            count(self.courses, "course", "courses"),
            count(self.gaps, "gap", "gaps"),
            self.open,
            percent(self.readiness),
        )
    }
}
