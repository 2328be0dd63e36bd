//! Columns, labels, counts and wrapped lists: the pieces every report is made of.

use std::fmt::{self, Write as _};

/// A label column is as wide as its longest label up to this many characters; a longer
/// label gets a line of its own, above its row, so no name is cut and the columns stay
/// aligned (as `df` does with long device names).
const LONGEST_LABEL: usize = 70;

/// Lines of wrapped lists stop before this many characters where they can.
const LINE: usize = 100;

/// How a column aligns its cells.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    /// Text, padded on the right.
    Left,
    /// Numbers, padded on the left.
    Right,
}

/// A table of text cells under a header, printed with every column as wide as its widest
/// cell, two spaces between columns, and no trailing spaces. The first column is the label.
pub(super) struct Table {
    header: Vec<&'static str>,
    align: Vec<Align>,
    cells: Vec<String>,
}

impl Table {
    /// A table with these column titles and alignments.
    pub(super) fn new(columns: &[(&'static str, Align)]) -> Table {
        Table {
            header: columns.iter().map(|c| c.0).collect(),
            align: columns.iter().map(|c| c.1).collect(),
            cells: Vec::new(),
        }
    }

    /// Adds a row; missing cells are empty, extra cells are ignored.
    pub(super) fn row<I>(&mut self, cells: I)
    where
        I: IntoIterator,
        I::Item: fmt::Display,
    {
        let columns = self.header.len();
        let mut added = 0;
        for cell in cells.into_iter().take(columns) {
            self.cells.push(cell.to_string());
            added += 1;
        }
        self.cells
            .extend(std::iter::repeat_n(String::new(), columns - added));
    }

    /// Whether no row was added.
    pub(super) fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Writes the header and the rows, each line indented by `indent` spaces.
    pub(super) fn write(&self, f: &mut fmt::Formatter<'_>, indent: usize) -> fmt::Result {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| width(h)).collect();
        for row in self.cells.chunks(columns) {
            for (c, cell) in row.iter().enumerate() {
                let w = width(cell);
                if c > 0 || w <= LONGEST_LABEL {
                    widths[c] = widths[c].max(w);
                }
            }
        }
        let mut line = String::new();
        let header: Vec<&str> = self.header.clone();
        self.write_line(f, indent, &header, &widths, &mut line)?;
        for row in self.cells.chunks(columns) {
            let label = row.first().map_or("", String::as_str);
            if width(label) > widths[0] {
                writeln!(f, "{:indent$}{label}", "")?;
                let mut rest: Vec<&str> = row.iter().map(String::as_str).collect();
                rest[0] = "";
                self.write_line(f, indent, &rest, &widths, &mut line)?;
            } else {
                let cells: Vec<&str> = row.iter().map(String::as_str).collect();
                self.write_line(f, indent, &cells, &widths, &mut line)?;
            }
        }
        Ok(())
    }

    fn write_line(
        &self,
        f: &mut fmt::Formatter<'_>,
        indent: usize,
        cells: &[&str],
        widths: &[usize],
        line: &mut String,
    ) -> fmt::Result {
        line.clear();
        for (c, cell) in cells.iter().enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let pad = widths[c].saturating_sub(width(cell));
            if self.align[c] == Align::Right {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(f, "{:indent$}{}", "", line.trim_end())
    }
}

/// The printed width of a cell, in characters.
pub(super) fn width(text: &str) -> usize {
    text.chars().count()
}

/// A name with its id in brackets, `Public procurement [procurement]`; the id alone when
/// there is no name or the name is the id.
#[derive(Clone, Copy)]
pub(super) struct Label<'a> {
    name: Option<&'a str>,
    id: &'a str,
}

impl<'a> Label<'a> {
    /// An entity that always has a name (competency, position, course).
    pub(super) fn new(name: &'a str, id: &'a str) -> Label<'a> {
        Label {
            name: Some(name),
            id,
        }
    }

    /// An officer, whose name is optional.
    pub(super) fn officer(name: Option<&'a str>, id: &'a str) -> Label<'a> {
        Label { name, id }
    }

    /// The id alone.
    pub(super) fn id(self) -> &'a str {
        self.id
    }

    /// Its printed width, in characters.
    pub(super) fn width(self) -> usize {
        match self.name.filter(|n| *n != self.id) {
            Some(name) => width(name) + width(self.id) + 3,
            None => width(self.id),
        }
    }
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name.filter(|n| *n != self.id) {
            Some(name) => write!(f, "{name} [{}]", self.id),
            None => f.write_str(self.id),
        }
    }
}

/// A count with its noun, singular for exactly 1: `1 seat`, `2 seats`, `0 seats`.
pub(super) struct Count {
    n: u64,
    one: &'static str,
    many: &'static str,
}

/// `n` followed by `one` or `many`.
pub(super) fn count(n: impl TryInto<u64>, one: &'static str, many: &'static str) -> Count {
    Count {
        n: n.try_into().unwrap_or(u64::MAX),
        one,
        many,
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = if self.n == 1 { self.one } else { self.many };
        write!(f, "{} {noun}", self.n)
    }
}

/// A share in `[0, 1]` as a whole percentage that never claims more or less than is true:
/// `100%` only for 1, `0%` only for 0, `>99%` and `<1%` strictly between them and the
/// nearest whole percent.
pub(super) struct Percent(pub(super) f64);

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.0 * 100.0;
        let text = if p > 99.0 && p < 100.0 {
            ">99%".to_owned()
        } else if p > 0.0 && p < 1.0 {
            "<1%".to_owned()
        } else {
            format!("{p:.0}%")
        };
        f.pad(&text)
    }
}

/// Writes `items` separated by `, `, wrapped into lines indented by `indent` spaces.
pub(super) fn wrapped<I>(f: &mut fmt::Formatter<'_>, indent: usize, items: I) -> fmt::Result
where
    I: IntoIterator,
    I::Item: fmt::Display,
{
    let mut line = String::new();
    let mut item = String::new();
    for x in items {
        item.clear();
        write!(item, "{x}")?;
        if !line.is_empty() && indent + width(&line) + 2 + width(&item) > LINE {
            writeln!(f, "{:indent$}{line},", "")?;
            line.clear();
        } else if !line.is_empty() {
            line.push_str(", ");
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        writeln!(f, "{:indent$}{line}", "")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Shown<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(F);

    impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Shown<F> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            (self.0)(f)
        }
    }

    #[test]
    fn columns_are_as_wide_as_their_widest_cell() {
        let mut t = Table::new(&[
            ("name", Align::Left),
            ("n", Align::Right),
            ("note", Align::Left),
        ]);
        t.row(["a", "1", ""]);
        t.row(["bbb", "100", "x"]);
        let text = Shown(|f| t.write(f, 2)).to_string();
        assert_eq!(text, "  name    n  note\n  a       1\n  bbb   100  x\n");
    }

    #[test]
    fn a_label_too_long_for_its_column_gets_its_own_line() {
        let long = "x".repeat(LONGEST_LABEL + 1);
        let mut t = Table::new(&[("name", Align::Left), ("n", Align::Right)]);
        t.row(["short".to_owned(), "1".to_owned()]);
        t.row([long.clone(), "22".to_owned()]);
        let text = Shown(|f| t.write(f, 0)).to_string();
        assert_eq!(text, format!("name    n\nshort   1\n{long}\n       22\n"));
    }

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1u32, "seat", "seats").to_string(), "1 seat");
        assert_eq!(count(0u32, "seat", "seats").to_string(), "0 seats");
        assert_eq!(
            count(2usize, "competency", "competencies").to_string(),
            "2 competencies"
        );
    }

    #[test]
    fn percentages_never_round_to_a_false_whole() {
        let shown: Vec<String> = [0.0, 0.004, 0.005, 0.5, 0.996, 1.0]
            .iter()
            .map(|&p| Percent(p).to_string())
            .collect();
        assert_eq!(shown, ["0%", "<1%", "<1%", "50%", ">99%", "100%"]);
    }

    #[test]
    fn labels_show_the_id_beside_a_different_name() {
        assert_eq!(
            Label::new("Integrity", "integrity").to_string(),
            "Integrity [integrity]"
        );
        assert_eq!(Label::officer(None, "o-1").to_string(), "o-1");
        assert_eq!(Label::officer(Some("o-1"), "o-1").width(), 3);
    }

    #[test]
    fn lists_wrap_before_the_line_is_full() {
        let items: Vec<String> = (0..30).map(|i| format!("officer-{i:02}")).collect();
        let text = Shown(|f| wrapped(f, 4, &items)).to_string();
        assert!(text.lines().count() > 1);
        assert!(
            text.lines()
                .all(|l| l.len() <= LINE && l.starts_with("    officer-"))
        );
        assert_eq!(text.matches("officer-").count(), 30);
    }
}
