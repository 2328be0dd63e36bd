//! Officer rows read in parts of a piece at once (see `Feed::push_parts`), as passbook
//! rows are (`parts.rs`): each part checks its rows, looks their positions up and hashes
//! their ids into its own [`Roster`] without changing the reader, and the reader adds
//! them in file order ([`Roster::rows`]), finding repeated ids as it goes. A row with a
//! problem is left to the reader, which reads it and the rest of the part in order.

use super::parts::Shared;
use crate::interop::csv::Row;
use crate::interop::officers::{OfficerRow, officer_row};

/// What one part of `officers.csv` read: its rows without a problem of their own, each
/// with its position (and target) found and its id hashed.
#[derive(Default)]
pub(super) struct Roster {
    /// The ids, departments and names of the rows, one after another.
    text: String,
    rows: Vec<Listed>,
}

/// One row of a [`Roster`].
struct Listed {
    /// The row's line, counted from the part's first line.
    line: usize,
    /// Where the row's id, department and name end in [`Roster::text`] (each starts where
    /// the one before ends; the id where the row before's name ends).
    ends: [usize; 3],
    named: bool,
    position: u32,
    target: Option<u32>,
    /// The id hashed as the reader's index hashes it, when the index had a table as the
    /// part was read (without one, only an id out of order needs its hash).
    hash: Option<u64>,
    /// Whether the department is not the position's.
    mismatched: bool,
}

/// An officer row read by a part, as the reader adds it.
pub(super) struct Read<'a> {
    pub(super) row: OfficerRow<'a>,
    pub(super) position: u32,
    pub(super) target: Option<u32>,
    /// As [`Listed`] holds it.
    pub(super) hash: Option<u64>,
    pub(super) mismatched: bool,
    /// The department is known to be the position's (`position` is the framework's).
    pub(super) same_department: bool,
}

impl Roster {
    /// The rows read, in file order, their lines counted from `first` (the part's first
    /// line).
    pub(super) fn rows(&self, first: usize) -> impl Iterator<Item = Read<'_>> {
        let mut from = 0;
        self.rows.iter().map(move |r| {
            let [id, department, name] = r.ends;
            let text = &self.text;
            let read = Read {
                row: OfficerRow {
                    line: first + r.line,
                    id: &text[from..id],
                    id_read: true,
                    name: r.named.then(|| &text[department..name]),
                    department: &text[id..department],
                    position: "",
                    target: None,
                    missing: 0,
                },
                position: r.position,
                target: r.target,
                hash: r.hash,
                mismatched: r.mismatched,
                same_department: !r.mismatched,
            };
            from = name;
            read
        })
    }
}

impl Shared<'_> {
    /// Reads an officer row that has no problem of its own (its cells, its position and
    /// target known) into `roster`, without changing anything; `false` for any other row,
    /// which the reader reads in order. Whether its id was read before is left to the
    /// reader.
    pub(super) fn officer(&self, row: &Row<'_>, roster: &mut Roster) -> bool {
        let mut problems = Vec::new();
        let o = officer_row(row, &mut problems);
        if o.missing != 0 || !o.id_read {
            return false;
        }
        let positions = &self.framework.positions;
        let Some(position) = positions.get(o.position) else {
            return false;
        };
        let target = match o.target {
            None => None,
            Some(t) => match positions.get(t) {
                Some(t) => Some(t),
                None => return false,
            },
        };
        if !problems.is_empty() {
            return false;
        }
        let text = &mut roster.text;
        text.push_str(o.id);
        let id = text.len();
        text.push_str(o.department);
        let department = text.len();
        text.push_str(o.name.unwrap_or(""));
        roster.rows.push(Listed {
            line: o.line,
            ends: [id, department, text.len()],
            named: o.name.is_some(),
            position,
            target,
            hash: self.index.has_table().then(|| self.index.hash(o.id)),
            mismatched: positions.items[position as usize].department.as_str() != o.department,
        });
        true
    }
}
