//! Monitoring: what changed between two snapshots.

use std::fmt;

use super::table::{Align, Id, Label, Table, count, percent, percent_tenths, wrapped};
use crate::{Evaluation, Progress};

/// Labels wider than this do not widen the course-outcome lines.
const WIDEST_OUTCOME: usize = 70;

/// `before -> after`.
fn arrow(before: impl fmt::Display, after: impl fmt::Display) -> String {
    format!("{before} -> {after}")
}

/// Mean readiness before and after, in percent with one decimal, and the change in
/// percentage points between the two figures as printed.
fn readiness(p: &Progress) -> String {
    let (before, after) = (
        percent_tenths(p.readiness_before).to_string(),
        percent_tenths(p.readiness_after).to_string(),
    );
    let ((b, b_bound), (a, a_bound)) = (tenths(&before), tenths(&after));
    let points = Points {
        tenths: a - b,
        bound: a_bound || b_bound,
        change: p.readiness_after - p.readiness_before,
    };
    format!("{before} -> {after} ({points} points)")
}

/// A percentage printed with one decimal (`97.1%`, `>99.9%`, `<0.1%`) in tenths of a
/// point, and whether it is a bound (`>99.9%` is 999 and a bound).
fn tenths(printed: &str) -> (i64, bool) {
    let digits: String = printed.chars().filter(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(0), printed.starts_with(['<', '>']))
}

/// The change between two percentages as printed, in percentage points, signed, with one
/// decimal: the difference of the printed figures, so `97.1% -> 98.6%` reads `+1.5`
/// whatever the unrounded change (`+1.43`), a bound counting as its value
/// (`>99.9% -> 97.1%` reads `-2.8`). Two figures printed alike that differ, and a bound
/// beside the figure next to it (`>99.9% -> 100.0%`, `0.0% -> <0.1%`), print `+<0.1` or
/// `-<0.1`: a change is never shown as none, nor larger than the figures allow.
struct Points {
    /// The printed figures' difference, in tenths of a point.
    tenths: i64,
    /// Whether a figure is a bound (`>99.9%`, `<0.1%`).
    bound: bool,
    /// The change as computed, whose sign the figures may not show.
    change: f64,
}

/// A mean gain in levels, signed, with two decimals; one that two decimals would show as
/// `+0.00` or `-0.00` prints as `+<0.01` or `-<0.01`.
struct Gain(f64);

impl fmt::Display for Gain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let g = self.0;
        if g > 0.0 && g < 0.005 {
            f.write_str("+<0.01")
        } else if g < 0.0 && g > -0.005 {
            f.write_str("-<0.01")
        } else {
            write!(f, "{g:+.2}")
        }
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.tenths;
        let below_a_tenth = t == 0 || (self.bound && t.abs() == 1);
        if below_a_tenth && self.change > 0.0 {
            f.write_str("+<0.1")
        } else if below_a_tenth && self.change < 0.0 {
            f.write_str("-<0.1")
        } else {
            let sign = if t < 0 { '-' } else { '+' };
            write!(f, "{sign}{}.{}", t.abs() / 10, t.abs() % 10)
        }
    }
}

impl fmt::Display for Progress {
    /// One line: gaps, shortfall and mean readiness, before and after, and the officers
    /// without gaps.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "gaps {} ({} closed, {} opened), shortfall {} levels, readiness {}, officers without gaps {}",
            arrow(self.gaps_before, self.gaps_after),
            self.closed,
            self.opened,
            arrow(self.shortfall_before, self.shortfall_after),
            readiness(self),
            arrow(self.without_gaps_before, self.without_gaps_after),
        )
    }
}

/// A table of groups (positions or departments) and their progress.
fn groups<'a>(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    column: &'static str,
    rows: impl Iterator<Item = (String, &'a Progress)>,
) -> fmt::Result {
    let mut table = Table::new(&[
        (column, Align::Left),
        ("officers", Align::Right),
        ("gaps", Align::Right),
        ("closed", Align::Right),
        ("opened", Align::Right),
        ("shortfall", Align::Right),
        ("readiness", Align::Left),
    ]);
    for (label, p) in rows {
        table.row([
            label,
            p.officers.to_string(),
            arrow(p.gaps_before, p.gaps_after),
            p.closed.to_string(),
            p.opened.to_string(),
            arrow(p.shortfall_before, p.shortfall_after),
            readiness(p),
        ]);
    }
    if table.is_empty() {
        return Ok(());
    }
    writeln!(f, "\n{title}")?;
    table.write(f, 2)
}

impl fmt::Display for Evaluation<'_> {
    /// The headline and overall progress; then tables per competency, per position and
    /// per department (counts `before -> after`); the courses completed in between, least
    /// effective first, with what their completers reached per competency; the officers
    /// who moved; and the officers found in one snapshot only.
    ///
    /// ```text
    /// Before and after: 4 officers in both snapshots (1 moved, 1 only before, 1 only after)
    ///   gaps 12 -> 7 (6 closed, 1 opened), shortfall 16 -> 10 levels, readiness 85.2% -> 90.6% (+5.4 points), officers without gaps 0 -> 1
    ///
    /// By competency
    ///   competency                                type         required   short  closed  opened  shortfall
    ///   Citizen centricity [citizen-centricity]   behavioural         2  1 -> 1       0       0     1 -> 1
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Before and after: {} in both snapshots ({} moved, {} only before, {} only after)",
            count(self.overall.officers, "officer", "officers"),
            self.moved.len(),
            self.only_before.len(),
            self.only_after.len()
        )?;
        writeln!(f, "  {}", self.overall)?;
        self.write_competencies(f)?;
        groups(
            f,
            "By position (held before)",
            "post",
            (self.positions.iter()).map(|p| {
                (
                    Label::new(p.name, p.position.as_str()).to_string(),
                    &p.progress,
                )
            }),
        )?;
        groups(
            f,
            "By department",
            "department",
            (self.departments.iter()).map(|d| (Id(d.department.as_str()).to_string(), &d.progress)),
        )?;
        self.write_courses(f)?;
        if !self.moved.is_empty() {
            writeln!(f, "\nMoved, measured against their post before")?;
        }
        for m in &self.moved {
            writeln!(
                f,
                "  {}: {} -> {}",
                Label::officer(m.officer_name.as_deref(), m.officer.as_str()),
                Label::new(m.from_name, m.from.as_str()),
                Label::new(m.to_name, m.to.as_str()),
            )?;
        }
        for (title, ids) in [
            ("Only in the first snapshot", &self.only_before),
            ("Only in the second snapshot", &self.only_after),
        ] {
            if !ids.is_empty() {
                writeln!(f, "\n{title}")?;
                wrapped(
                    f,
                    2,
                    ids.iter()
                        .map(|u| Label::officer(u.officer_name.as_deref(), u.officer.as_str())),
                )?;
            }
        }
        Ok(())
    }
}

impl Evaluation<'_> {
    fn write_competencies(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.competencies.is_empty() {
            writeln!(f, "\nBy competency")?;
            let mut table = Table::new(&[
                ("competency", Align::Left),
                ("type", Align::Left),
                ("required", Align::Right),
                ("short", Align::Right),
                ("closed", Align::Right),
                ("opened", Align::Right),
                ("shortfall", Align::Right),
            ]);
            for c in &self.competencies {
                table.row([
                    Label::new(c.name, c.competency.as_str()).to_string(),
                    c.kind.as_str().to_owned(),
                    c.officers_required.to_string(),
                    arrow(c.short_before, c.short_after),
                    c.closed.to_string(),
                    c.opened.to_string(),
                    arrow(c.shortfall_before, c.shortfall_after),
                ]);
            }
            table.write(f, 2)?;
        }
        Ok(())
    }

    fn write_courses(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.courses.is_empty() {
            writeln!(
                f,
                "\nCourses completed between the snapshots, least effective first"
            )?;
        }
        let outcome_width = (self.courses.iter())
            .flat_map(|c| &c.outcomes)
            .map(|o| Label::new(o.name, o.competency.as_str()).width())
            .filter(|&w| w <= WIDEST_OUTCOME)
            .max()
            .unwrap_or(0);
        for c in &self.courses {
            write!(
                f,
                "  {}: {}",
                Label::new(c.name, c.course.as_str()),
                count(c.completers, "completer", "completers")
            )?;
            match c.rate {
                Some(r) => writeln!(f, ", {} of claimed levels reached", percent(r))?,
                None => writeln!(f, ", no level claimed")?,
            }
            for o in &c.outcomes {
                let label = Label::new(o.name, o.competency.as_str());
                let pad = outcome_width.saturating_sub(label.width());
                write!(f, "    {label}{:pad$}  ", "")?;
                if let Some(l) = o.claimed {
                    write!(
                        f,
                        "claims {l}: {} reached, {} not ({} before), ",
                        o.reached, o.not_reached, o.reached_before
                    )?;
                } else {
                    write!(f, "untagged: ")?;
                }
                writeln!(f, "mean gain {} levels", Gain(o.mean_gained))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Gain, readiness};
    use crate::Progress;

    fn shown(before: f64, after: f64) -> String {
        let p = Progress {
            readiness_before: before,
            readiness_after: after,
            readiness_gained: after - before,
            ..Progress::default()
        };
        readiness(&p)
    }

    #[test]
    fn changes_are_the_printed_figures_difference_and_never_shown_as_none() {
        let points: Vec<String> = [
            (0.5, 0.5),
            (0.5, 0.500_004),
            (0.5, 0.499_996),
            (0.971_428_571, 0.985_714_286),
            (0.3, 0.1),
            (0.999_9, 1.0),
            (0.0, 0.000_1),
            (0.999_9, 0.971_2),
        ]
        .iter()
        .map(|&(b, a)| shown(b, a))
        .collect();
        assert_eq!(
            points,
            [
                "50.0% -> 50.0% (+0.0 points)",
                "50.0% -> 50.0% (+<0.1 points)",
                "50.0% -> 50.0% (-<0.1 points)",
                "97.1% -> 98.6% (+1.5 points)",
                "30.0% -> 10.0% (-20.0 points)",
                ">99.9% -> 100.0% (+<0.1 points)",
                "0.0% -> <0.1% (+<0.1 points)",
                ">99.9% -> 97.1% (-2.8 points)",
            ]
        );
        let gains: Vec<String> = [0.0, 0.001, -0.001, 0.5, -1.25]
            .iter()
            .map(|&g| Gain(g).to_string())
            .collect();
        assert_eq!(gains, ["+0.00", "+<0.01", "-<0.01", "+0.50", "-1.25"]);
    }
}
