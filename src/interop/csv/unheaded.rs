//! The columns of a header that have no name (an empty field: `id,name,` as Excel writes
//! a header whose last cell is empty), and what their cells hold. No column asked for is
//! ever read from one, so a value written under it would be lost without a word: the
//! rows holding one are counted as they are read, by every reader of rows alike (whole
//! text, pieces, parts read at once), and such a column is reported as not read
//! (`ColumnNotRead::values`). A column empty in every row is nothing lost, and silent.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The rows holding a value (text other than whitespace) in a column without a header
/// ([`ColumnNotRead::values`](crate::ColumnNotRead::values)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ColumnValues {
    /// How many rows read hold one.
    pub rows: usize,
    /// The line (1-based, as errors count lines) of the first of them.
    pub first_line: usize,
}

/// The unnamed columns of a header, shared by every copy of the header (the parts of a
/// file read at once each hold one), and the rows read so far holding a value in each.
/// Counting is a sum and the first line a minimum, so the tally is the same in any order
/// of reading.
#[derive(Clone, Debug, Default)]
pub(crate) struct Unheaded(Arc<[Tally]>);

#[derive(Debug)]
struct Tally {
    /// The column's position in a record, from 0.
    at: usize,
    /// Rows holding a value in it.
    rows: AtomicUsize,
    /// The first line of those rows (`usize::MAX`: none yet).
    first_line: AtomicUsize,
}

impl Unheaded {
    /// The unnamed columns among `names`, a header's fields as read (trimmed). O(names).
    pub(crate) fn new<'n>(names: impl Iterator<Item = &'n str>) -> Self {
        let tallies: Vec<Tally> = (names.enumerate())
            .filter(|(_, name)| name.is_empty())
            .map(|(at, _)| Tally {
                at,
                rows: AtomicUsize::new(0),
                first_line: AtomicUsize::new(usize::MAX),
            })
            .collect();
        Unheaded(tallies.into())
    }

    /// Whether the header has no unnamed column.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Counts a row read (handed to the loader) at `line`, whose field `i` is
    /// `text[spans[i].0..spans[i].1]`, in each unnamed column where it holds something
    /// other than whitespace. O(unnamed columns); nothing for a header without one.
    pub(crate) fn note(&self, line: usize, text: &str, spans: &[(usize, usize)]) {
        for tally in self.0.iter() {
            let holds = (spans.get(tally.at))
                .and_then(|&(from, to)| text.get(from..to))
                .is_some_and(|cell| !cell.trim().is_empty());
            if holds {
                tally.rows.fetch_add(1, Ordering::Relaxed);
                tally.first_line.fetch_min(line, Ordering::Relaxed);
            }
        }
    }

    /// Each unnamed column (1-based) that holds a value in some row read, with those
    /// rows, in header order.
    pub(crate) fn held(&self) -> Vec<(usize, ColumnValues)> {
        (self.0.iter())
            .filter_map(|tally| {
                let rows = tally.rows.load(Ordering::Relaxed);
                let first_line = tally.first_line.load(Ordering::Relaxed);
                (rows > 0).then_some((tally.at + 1, ColumnValues { rows, first_line }))
            })
            .collect()
    }
}
