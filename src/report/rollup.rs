//! Training needs and progress by competency group.

use std::fmt;

use super::table::{Align, Label, Table, count, percent};
use crate::{GroupEvaluation, GroupNeeds};

impl fmt::Display for GroupNeeds<'_> {
    /// The heatmap by group: a headline, a legend line, then one row per group in the
    /// order of [`GroupNeeds::rows`].
    ///
    /// ```text
    /// Training needs of 5 officers by group: 2 of 3 groups with officers short
    /// legend: competencies = the group's competencies someone's post requires; required = officers whose post requires one of them; ...
    ///   group                                 kind   competencies  required  short  levels  mean  readiness
    ///   Financial Management [kcm:Functional/Financial Management]  theme  3  5  3  7  2.33  71%
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let short = self.rows.iter().filter(|r| r.officers_short > 0).count();
        writeln!(
            f,
            "Training needs of {} by group: {short} of {} with officers short",
            count(self.officers, "officer", "officers"),
            count(self.rows.len(), "group", "groups"),
        )?;
        if self.rows.is_empty() {
            return Ok(());
        }
        writeln!(
            f,
            "legend: competencies = the group's competencies someone's post requires; \
             required = officers whose post requires one of them; short = officers below the \
             required level in at least one; levels = levels short, summed over officers and \
             competencies; mean = levels short per officer short; readiness = share of the \
             required levels held"
        )?;
        let mut table = Table::new(&[
            ("group", Align::Left),
            ("kind", Align::Left),
            ("competencies", Align::Right),
            ("required", Align::Right),
            ("short", Align::Right),
            ("levels", Align::Right),
            ("mean", Align::Right),
            ("readiness", Align::Right),
        ]);
        for r in &self.rows {
            table.row([
                Label::new(r.name, r.group.as_str()).to_string(),
                r.kind.as_str().to_owned(),
                r.competencies.to_string(),
                r.officers_required.to_string(),
                r.officers_short.to_string(),
                r.total_shortfall.to_string(),
                format!("{:.2}", r.mean_shortfall),
                percent(r.readiness).to_string(),
            ]);
        }
        table.write(f, 2)
    }
}

impl fmt::Display for GroupEvaluation<'_> {
    /// A headline with the officers matched, then per group (by id) the officers short
    /// before and after, those whose gaps in it closed or opened, the levels short before
    /// and after, and the readiness before and after.
    ///
    /// ```text
    /// Progress of 4 officers by group (1 only before, 0 only after)
    ///   group                    kind   required  short before  after  closed  opened  levels before  after  readiness before  after
    ///   Finance [finance]        theme         4             3      1       2       0             7      2               65%    90%
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Progress of {} by group ({} only before, {} only after)",
            count(self.officers, "officer", "officers"),
            self.only_before,
            self.only_after,
        )?;
        if self.groups.is_empty() {
            return writeln!(f, "  no group required of any officer");
        }
        let mut table = Table::new(&[
            ("group", Align::Left),
            ("kind", Align::Left),
            ("required", Align::Right),
            ("short before", Align::Right),
            ("after", Align::Right),
            ("closed", Align::Right),
            ("opened", Align::Right),
            ("levels before", Align::Right),
            ("after", Align::Right),
            ("readiness before", Align::Right),
            ("after", Align::Right),
        ]);
        for g in &self.groups {
            table.row([
                Label::new(g.name, g.group.as_str()).to_string(),
                g.kind.as_str().to_owned(),
                g.officers_required.to_string(),
                g.short_before.to_string(),
                g.short_after.to_string(),
                g.closed.to_string(),
                g.opened.to_string(),
                g.shortfall_before.to_string(),
                g.shortfall_after.to_string(),
                percent(g.readiness_before).to_string(),
                percent(g.readiness_after).to_string(),
            ]);
        }
        table.write(f, 2)
    }
}
