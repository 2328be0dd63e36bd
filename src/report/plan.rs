//! Learning paths, career steps and department plans.

use std::collections::BTreeMap;
use std::fmt;

use super::gap::Why;
use super::table::{Align, Hours, HoursProse, Label, Table, count, percent_tenths, width};
use crate::{
    CareerStep, CourseRun, DepartmentPlan, Mode, OpenCounts, OpenReason, Optimality, Plan,
};

/// Labels wider than this do not widen a list of courses; they push their line's hours
/// to the right instead.
const WIDEST_COURSE: usize = 70;

pub(super) fn mode(m: Mode) -> &'static str {
    match m {
        Mode::Formal => "formal",
        Mode::Social => "social",
        Mode::Experiential => "experiential",
    }
}

/// Hours with their noun, singular when the number prints as 1: `1 hour`, `1.5 hours`,
/// `0 hours`.
fn hours(h: f64, one: &str, many: &str) -> String {
    let number = HoursProse(h).to_string();
    let noun = if number == "1" { one } else { many };
    format!("{number} {noun}")
}

/// Why one gap stays open, in words.
fn reason(r: OpenReason) -> String {
    match r {
        OpenReason::NoCourse => "no course builds it".to_owned(),
        OpenReason::LevelTooLow { best } => format!("courses reach only level {best}"),
        OpenReason::UntaggedOnly => "only courses without a level build it".to_owned(),
        OpenReason::CompletedOnly => "only already-completed courses close it".to_owned(),
        OpenReason::Budget => "not within the hour budget".to_owned(),
        OpenReason::Seats => "every course closing it is full".to_owned(),
        OpenReason::OfficerCap => "over the officer's yearly hour cap".to_owned(),
        OpenReason::NotPrioritised => "weighted zero, so not aimed at".to_owned(),
    }
}

/// Open gaps by reason, the non-zero ones only, each number counting gaps:
/// `2 gaps with no course, 1 gap above every course's level`.
struct Reasons<'a>(&'a OpenCounts);

impl fmt::Display for Reasons<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = self.0;
        let all = [
            (o.no_course, "with no course"),
            (o.level_too_low, "above every course's level"),
            (o.untagged_only, "with untagged courses only"),
            (o.completed_only, "with completed courses only"),
            (o.budget, "over the budget"),
            (o.seats, "whose courses are full"),
            (o.officer_cap, "over the officer's hour cap"),
            (o.not_prioritised, "not prioritised"),
        ];
        let mut first = true;
        for (n, why) in all.into_iter().filter(|(n, _)| *n > 0) {
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            write!(f, "{} {why}", count(n, "gap", "gaps"))?;
        }
        Ok(())
    }
}

/// Numbered course lines: `   1. Name [id]      6.0 h  formal`, labels padded to a common
/// width and hours right-aligned.
struct CourseLines {
    indent: usize,
    label: usize,
    hours: usize,
}

impl CourseLines {
    fn new<'a>(indent: usize, courses: impl Iterator<Item = (Label<'a>, f64)>) -> CourseLines {
        let (mut label, mut hours) = (0, 0);
        for (l, h) in courses {
            if l.width() <= WIDEST_COURSE {
                label = label.max(l.width());
            }
            hours = hours.max(width(&Hours(h).to_string()));
        }
        CourseLines {
            indent,
            label,
            hours,
        }
    }

    fn write(
        &self,
        f: &mut fmt::Formatter<'_>,
        number: usize,
        label: Label<'_>,
        hours: Option<f64>,
        after: &str,
    ) -> fmt::Result {
        let pad = self.label.saturating_sub(label.width());
        let hours = hours.map_or_else(|| "?".to_owned(), |h| Hours(h).to_string());
        let line = format!(
            "{:indent$}{number:>2}. {label}{:pad$}  {hours:>w$} h  {after}",
            "",
            "",
            indent = self.indent,
            w = self.hours
        );
        writeln!(f, "{}", line.trim_end())
    }
}

impl fmt::Display for Optimality {
    /// `proven optimal`, or `within 2.5% of optimal` (the certificate's gap, rounded up to
    /// a tenth of a percent so the claim stays true): every plan carries a proven bound,
    /// so there is no third label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Optimality::Optimal => f.write_str("proven optimal"),
            Optimality::Bounded { gap } => {
                write!(f, "within {:.1}% of optimal", (gap * 1000.0).ceil() / 10.0)
            }
        }
    }
}

impl fmt::Display for Plan<'_> {
    /// A headline with hours, the 70-20-10 blend, the gaps closed and open and the
    /// plan's [`Optimality`], then the courses in learning order (under their term, when
    /// split into terms), each with the gaps it closes and the later courses it is a
    /// prerequisite for, then the gaps left open with the reason.
    ///
    /// ```text
    /// Learning path: 3 courses, 38 hours (6.0 formal, 0.0 social, 32.0 experiential); 2 gaps closed, 0 open; proven optimal
    ///    1. Government accounting basics [accounts-101]        6.0 h  formal
    ///         prerequisite for Post office accounts and treasury [po-accounts]
    ///    2. Counter rotation [counter-rotation]               20.0 h  experiential
    ///         closes Postal operations [postal-ops] 0 -> 2, for counter-supervision @2
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Learning path: {}, {} ({} formal, {} social, {} experiential); {} closed, {} open; {}",
            count(self.steps.len(), "course", "courses"),
            hours(self.total_hours, "hour", "hours"),
            Hours(self.blend.formal),
            Hours(self.blend.social),
            Hours(self.blend.experiential),
            count(self.closed, "gap", "gaps"),
            self.open.len(),
            self.optimality,
        )?;
        let lines = CourseLines::new(
            2,
            self.steps
                .iter()
                .map(|s| (Label::new(s.name, s.course.as_str()), s.hours)),
        );
        let names: BTreeMap<&str, &str> = self
            .steps
            .iter()
            .map(|s| (s.course.as_str(), s.name))
            .collect();
        let mut term = 0;
        for (i, s) in self.steps.iter().enumerate() {
            if s.term != term {
                term = s.term;
                let t = self.terms.get(term as usize - 1);
                writeln!(
                    f,
                    "  term {term}: {}{}",
                    hours(t.map_or(0.0, |t| t.hours), "hour", "hours"),
                    if t.is_some_and(|t| t.over_cap) {
                        ", one course longer than a term"
                    } else {
                        ""
                    }
                )?;
            }
            let label = Label::new(s.name, s.course.as_str());
            lines.write(f, i + 1, label, Some(s.hours), mode(s.mode))?;
            for c in &s.closes {
                write!(
                    f,
                    "        closes {} {} -> {}",
                    Label::new(c.name, c.competency.as_str()),
                    c.from,
                    c.to
                )?;
                if !c.provenance.is_empty() {
                    write!(f, ", for {}", Why(c.provenance))?;
                }
                writeln!(f)?;
            }
            if !s.prerequisite_for.is_empty() {
                f.write_str("        prerequisite for ")?;
                for (k, c) in s.prerequisite_for.iter().enumerate() {
                    if k > 0 {
                        f.write_str(", ")?;
                    }
                    let name = names.get(c.as_str()).copied().unwrap_or(c.as_str());
                    write!(f, "{}", Label::new(name, c.as_str()))?;
                }
                writeln!(f)?;
            }
        }
        for o in &self.open {
            writeln!(
                f,
                "  open: {} {} -> {}: {}",
                Label::new(o.name, o.competency.as_str()),
                o.current,
                o.required,
                reason(o.reason)
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for CareerStep<'_> {
    /// The gap report against the post, then the learning path that closes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.gap, self.plan)
    }
}

impl DepartmentPlan<'_> {
    /// The plan without its two attendance lists: the headline (ending with the plan's
    /// [`Optimality`], as a learning path's does), the courses to run and the
    /// competencies. Its length depends on the catalogue and the dictionary, not on
    /// the number of officers, so it suits a screen where the full plan (the `Display`
    /// of [`DepartmentPlan`]) of a large department would not.
    ///
    /// Writing it takes O(c + k + m) time for the plan's c courses to run, k competencies
    /// and m enrolled officers (counted once for the headline), and O(c + k) memory for
    /// the aligned tables.
    ///
    /// # Example
    /// ```
    /// # use karmayogi::*;
    /// # let fw = Framework::from_json(r#"{"format_version": 2,
    /// #   "competencies": [{"id": "c", "name": "Accounts", "type": "functional"}],
    /// #   "roles": [{"id": "r", "name": "R", "requires": [{"competency": "c", "level": 2}]}],
    /// #   "positions": [{"id": "p", "name": "Postmaster", "department": "d", "roles": ["r"]}],
    /// #   "courses": [{"id": "k", "name": "Accounts basics", "hours": 6,
    /// #                "provides": [{"competency": "c", "level": 2}]}]}"#)?;
    /// # let officers = OfficersSpec::from_json(r#"{"format_version": 2, "officers": [
    /// #   {"id": "o1", "name": "Asha Rao", "department": "d", "position": "p"}]}"#)?.officers;
    /// let cohort = Cohort::new(&fw, &officers, &LevelPolicy::default())?;
    /// let plan = fw.department_plan(&cohort, &AcbpOptions::default())?;
    /// let summary = plan.summary().to_string();
    /// assert!(summary.starts_with("Annual capacity building plan for 1 officer: 1 of 1 gap \
    ///                              closed (100.0% of the weighted shortfall); proven optimal\n"));
    /// assert!(summary.contains("Accounts basics [k]"));
    /// assert!(!summary.contains("Asha Rao"));
    /// assert!(plan.to_string().contains("Asha Rao [o1]"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary(&self) -> impl fmt::Display + '_ {
        Summary(self)
    }
}

/// [`DepartmentPlan::summary`].
struct Summary<'p, 'f>(&'p DepartmentPlan<'f>);

impl fmt::Display for Summary<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plan = self.0;
        // With nothing weighted to close, all of it (none) is closed.
        let share = if plan.value_total > 0.0 {
            plan.value_closed / plan.value_total
        } else {
            1.0
        };
        writeln!(
            f,
            "Annual capacity building plan for {}: {} of {} closed ({} of the weighted shortfall); {}",
            count(plan.officers, "officer", "officers"),
            plan.gaps_closed,
            count(plan.gaps, "gap", "gaps"),
            percent_tenths(share),
            plan.optimality,
        )?;
        let enrolments: usize = plan.enrolments.iter().map(|e| e.courses.len()).sum();
        write!(
            f,
            "{} of {} in {}, {}",
            count(enrolments, "enrolment", "enrolments"),
            count(plan.enrolments.len(), "officer", "officers"),
            count(plan.courses.len(), "course", "courses"),
            hours(plan.hours, "person-hour", "person-hours"),
        )?;
        match plan.budget {
            Some(b) => writeln!(f, " of a {}-hour budget", HoursProse(b))?,
            None => writeln!(f)?,
        }
        match plan.open.total() {
            0 => writeln!(f, "no gap left open")?,
            n => writeln!(
                f,
                "{} left open: {}",
                count(n, "gap", "gaps"),
                Reasons(&plan.open)
            )?,
        }
        if !plan.courses.is_empty() {
            writeln!(f, "\nCourses to run")?;
            let mut table = Table::new(&[
                ("course", Align::Left),
                ("mode", Align::Left),
                ("hours", Align::Right),
                ("seats", Align::Right),
                ("person-hours", Align::Right),
            ]);
            for r in &plan.courses {
                let seats = match r.seat_limit {
                    Some(limit) => format!("{} of {limit}", r.seats),
                    None => r.seats.to_string(),
                };
                table.row([
                    Label::new(r.name, r.course.as_str()).to_string(),
                    mode(r.mode).to_owned(),
                    Hours(r.hours).to_string(),
                    seats,
                    Hours(r.person_hours).to_string(),
                ]);
            }
            table.write(f, 2)?;
        }
        if !plan.competencies.is_empty() {
            writeln!(f, "\nCompetencies (officers short of them)")?;
            let mut table = Table::new(&[
                ("competency", Align::Left),
                ("type", Align::Left),
                ("short", Align::Right),
                ("closed", Align::Right),
                ("open", Align::Right),
                ("left open because", Align::Left),
            ]);
            for c in &plan.competencies {
                table.row([
                    Label::new(c.name, c.competency.as_str()).to_string(),
                    c.kind.as_str().to_owned(),
                    c.officers_short.to_string(),
                    c.closed.to_string(),
                    c.open.total().to_string(),
                    Reasons(&c.open).to_string(),
                ]);
            }
            table.write(f, 2)?;
        }
        Ok(())
    }
}

impl fmt::Display for DepartmentPlan<'_> {
    /// The whole plan, as a department files it: the [summary](DepartmentPlan::summary)
    /// (headline, courses to run with their seats, competencies with the gaps closed and
    /// why the rest stay open), then who attends what: per course its seats and the
    /// officers in it, and per officer their courses in learning order with the hours.
    ///
    /// Every enrolment appears twice, so the text grows linearly with the officers: about
    /// 100 bytes per enrolment. For a large department print
    /// [`DepartmentPlan::summary`] on screen and keep this as the document of record.
    ///
    /// ```text
    /// Annual capacity building plan for 4 officers: 6 of 12 gaps closed (56.5% of the weighted shortfall); proven optimal
    /// 6 enrolments of 4 officers in 4 courses, 50 person-hours
    /// 6 gaps left open: 2 gaps with no course, 1 gap above every course's level, 2 gaps with untagged courses only, 1 gap with completed courses only
    ///
    /// Courses to run
    ///   course                          mode    hours  seats  person-hours
    ///   Post office accounts [acc-201]  formal   12.0      2          24.0
    /// ...
    /// Attendance by course
    ///   Post office accounts [acc-201]: 2 seats
    ///     Asha Rao [o-1], o-2
    /// ...
    /// Attendance by officer, courses in learning order
    ///   Asha Rao [o-1] as Postmaster [postmaster]: 2 courses, 18 hours, 2 gaps closed
    ///      1. Accounts basics [acc-101]          6.0 h
    ///      2. Post office accounts [acc-201]    12.0 h
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.summary())?;
        if self.enrolments.is_empty() {
            return Ok(());
        }
        let runs: BTreeMap<&str, (usize, &CourseRun<'_>)> = self
            .courses
            .iter()
            .enumerate()
            .map(|(i, r)| (r.course.as_str(), (i, r)))
            .collect();
        // Officers per course, in the plan's officer order.
        let mut attending: Vec<Vec<usize>> = vec![Vec::new(); self.courses.len()];
        for (e, enrolment) in self.enrolments.iter().enumerate() {
            for c in &enrolment.courses {
                if let Some(&(i, _)) = runs.get(c.as_str()) {
                    attending[i].push(e);
                }
            }
        }
        writeln!(f, "\nAttendance by course")?;
        for (run, officers) in self.courses.iter().zip(&attending) {
            writeln!(
                f,
                "  {}: {}",
                Label::new(run.name, run.course.as_str()),
                count(run.seats, "seat", "seats")
            )?;
            super::table::wrapped(
                f,
                4,
                officers.iter().map(|&e| {
                    let o = &self.enrolments[e];
                    Label::officer(o.officer_name.as_deref(), o.officer.as_str())
                }),
            )?;
        }
        writeln!(f, "\nAttendance by officer, courses in learning order")?;
        let lines = CourseLines::new(
            4,
            self.courses
                .iter()
                .map(|r| (Label::new(r.name, r.course.as_str()), r.hours)),
        );
        for e in &self.enrolments {
            writeln!(
                f,
                "  {} as {}: {}, {}, {} closed",
                Label::officer(e.officer_name.as_deref(), e.officer.as_str()),
                Label::new(e.position_name, e.position.as_str()),
                count(e.courses.len(), "course", "courses"),
                hours(e.hours, "hour", "hours"),
                count(e.gaps_closed, "gap", "gaps"),
            )?;
            for (k, c) in e.courses.iter().enumerate() {
                let run = runs.get(c.as_str()).map(|&(_, r)| r);
                let label = Label::new(run.map_or(c.as_str(), |r| r.name), c.as_str());
                lines.write(f, k + 1, label, run.map(|r| r.hours), "")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_in_prose_drop_needless_decimals() {
        assert_eq!(HoursProse(40.0).to_string(), "40");
        assert_eq!(HoursProse(1.5).to_string(), "1.5");
        assert_eq!(HoursProse(0.0).to_string(), "0");
        assert_eq!(HoursProse(0.04).to_string(), "0.04");
        assert_eq!(hours(0.04, "hour", "hours"), "0.04 hours");
        assert_eq!(hours(1.0, "hour", "hours"), "1 hour");
        assert_eq!(hours(1.5, "hour", "hours"), "1.5 hours");
        assert_eq!(hours(0.0, "person-hour", "person-hours"), "0 person-hours");
        // From 10^15 hours on, the shortest exact scientific form, in tables too.
        assert_eq!(
            HoursProse(999_999_999_999_999.0).to_string(),
            "999999999999999"
        );
        assert_eq!(HoursProse(1e15).to_string(), "1e15");
        assert_eq!(HoursProse(f64::MAX).to_string(), "1.7976931348623157e308");
        assert_eq!(Hours(2.5e20).to_string(), "2.5e20");
        assert_eq!(Hours(6.0).to_string(), "6.0");
        // As many decimals as the value needs, up to a nano-hour: 0.75 h for 3 seats prints
        // 0.75 and 2.25, not 0.8 and 2.2.
        assert_eq!(Hours(0.75).to_string(), "0.75");
        assert_eq!(Hours(2.25).to_string(), "2.25");
        assert_eq!(HoursProse(2.25).to_string(), "2.25");
        assert_eq!(Hours(0.1 + 0.2).to_string(), "0.3");
        assert_eq!(Hours(1.0 / 3.0).to_string(), "0.333333333");
        assert_eq!(Hours(1_000_000.1).to_string(), "1000000.1");
        assert_eq!(Hours(0.000_000_4).to_string(), "0.0000004");
        assert_eq!(Hours(5e-13).to_string(), "<0.000000001");
        assert_eq!(format!("{:>6}", Hours(1.5)), "   1.5");
    }

    #[test]
    fn only_reasons_that_occur_are_listed() {
        let open = OpenCounts {
            no_course: 2,
            seats: 1,
            ..OpenCounts::default()
        };
        assert_eq!(
            Reasons(&open).to_string(),
            "2 gaps with no course, 1 gap whose courses are full"
        );
        let open = OpenCounts {
            level_too_low: 1,
            budget: 3,
            ..OpenCounts::default()
        };
        assert_eq!(
            Reasons(&open).to_string(),
            "1 gap above every course's level, 3 gaps over the budget"
        );
        assert_eq!(Reasons(&OpenCounts::default()).to_string(), "");
    }

    #[test]
    fn label_width_counts_terminal_columns() {
        assert_eq!(Label::new("Ślusarz", "k").width(), 11);
        // ह ि न ् द ी: the spacing vowel signs take a column, the virama none.
        assert_eq!(Label::new("हिन्दी", "k").width(), 5 + 4);
        assert_eq!(Label::new("行政", "k").width(), 4 + 4);
        assert_eq!(Label::new("a\nb", "k").width(), 4 + 4);
    }
}
