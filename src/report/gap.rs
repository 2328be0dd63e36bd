//! Gap reports and the training-needs heatmap.

use std::fmt;

use super::table::{Align, Id, Label, Table, count, percent};
use crate::{GapReport, Paths, TrainingNeeds};

/// Why a position requires a competency, as `role / activity @level` or `role @level`.
pub(super) struct Why<'a>(pub(super) Paths<'a>);

impl fmt::Display for Why<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            match &p.activity {
                Some(a) => write!(
                    f,
                    "{} / {} @{}",
                    Id(p.role.as_str()),
                    Id(a.as_str()),
                    p.level
                )?,
                None => write!(f, "{} @{}", Id(p.role.as_str()), p.level)?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for GapReport<'_> {
    /// A headline with the readiness, then one line per gap: the competency, its type, the
    /// level held and required, the shortfall (`met` for a met requirement listed with
    /// [`GapOptions::include_met`](crate::GapOptions::include_met)), and the roles and
    /// activities that require it.
    ///
    /// ```text
    /// Meena Iyer [meena-iyer] against Postmaster, Head Post Office [postmaster-hpo]: readiness 79% (10 of 16 requirements met, 10 of 48 levels short)
    ///   competency                                         type         held  required  short  required by
    ///   Public procurement [procurement]                   functional      0         3      3  office-administration / process-procurement @3
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} against {}: readiness {} ({} of {} met, {} of {} short)",
            Label::officer(self.officer_name, self.officer.as_str()),
            Label::new(self.position_name, self.position.as_str()),
            percent(self.readiness),
            self.met,
            count(self.requirements, "requirement", "requirements"),
            self.shortfall_levels,
            count(self.required_levels, "level", "levels"),
        )?;
        if self.gaps.is_empty() {
            return writeln!(f, "  no gaps");
        }
        let mut table = Table::new(&[
            ("competency", Align::Left),
            ("type", Align::Left),
            ("held", Align::Right),
            ("required", Align::Right),
            ("short", Align::Right),
            ("required by", Align::Left),
        ]);
        for g in &self.gaps {
            let short = if g.shortfall > 0 {
                g.shortfall.to_string()
            } else {
                "met".to_owned()
            };
            table.row([
                Label::new(g.name, g.competency.as_str()).to_string(),
                g.kind.as_str().to_owned(),
                g.current.get().to_string(),
                g.required.get().to_string(),
                short,
                Why(g.provenance).to_string(),
            ]);
        }
        table.write(f, 2)
    }
}

impl fmt::Display for TrainingNeeds<'_> {
    /// The heatmap: a headline, a legend line explaining the columns, then one row per
    /// competency in the order of [`TrainingNeeds::rows`], with its shortfall histogram
    /// spread over the columns `met` and `-1` to `-5`.
    ///
    /// ```text
    /// Training needs of 5 officers (54 officer-requirement pairs): 13 of 16 competencies with officers short
    /// legend: required = officers whose post requires it; short = officers below the required level; ...
    ///   competency                              type         required  short  levels  mean  met  -1  -2  -3  -4  -5
    ///   People management [people-management]   functional          5      3       7  2.33    2   0   2   1   0   0
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let short = self.rows.iter().filter(|r| r.officers_short > 0).count();
        writeln!(
            f,
            "Training needs of {} ({}): {short} of {} with officers short",
            count(self.officers, "officer", "officers"),
            count(
                self.pairs,
                "officer-requirement pair",
                "officer-requirement pairs"
            ),
            count(self.rows.len(), "competency", "competencies"),
        )?;
        if self.rows.is_empty() {
            return Ok(());
        }
        writeln!(
            f,
            "legend: required = officers whose post requires it; short = officers below the \
             required level; levels = levels short, summed; mean = levels short per officer \
             short; met = officers at or above the required level; -1 to -5 = officers short of it \
             by 1 to 5 levels"
        )?;
        let mut table = Table::new(&[
            ("competency", Align::Left),
            ("type", Align::Left),
            ("required", Align::Right),
            ("short", Align::Right),
            ("levels", Align::Right),
            ("mean", Align::Right),
            ("met", Align::Right),
            ("-1", Align::Right),
            ("-2", Align::Right),
            ("-3", Align::Right),
            ("-4", Align::Right),
            ("-5", Align::Right),
        ]);
        for r in &self.rows {
            let mut cells = vec![
                Label::new(r.name, r.competency.as_str()).to_string(),
                r.kind.as_str().to_owned(),
                r.officers_required.to_string(),
                r.officers_short.to_string(),
                r.total_shortfall.to_string(),
                format!("{:.2}", r.mean_shortfall),
            ];
            cells.extend(r.histogram.iter().map(u64::to_string));
            table.row(cells);
        }
        table.write(f, 2)
    }
}
