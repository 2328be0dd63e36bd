//! Columns, labels, counts and wrapped lists: the pieces every report is made of.

use std::fmt::{self, Write as _};

use unicode_width::UnicodeWidthStr;

use crate::model::nfc::uncomposed;
use crate::model::quote::disrupts_text;

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
                // The last column's padding is trailing space, trimmed below: padding it
                // made every line as long as the longest cell (a gap's thousands of paths).
                if c + 1 < cells.len() {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        writeln!(f, "{:indent$}{}", "", line.trim_end())
    }
}

/// The printed width of a cell in terminal columns, as `unicode-width` measures it from
/// the Unicode data (UAX #11): two for wide East Asian characters and emoji, none for
/// combining marks (the vowel signs of Devanagari) and joiners.
pub(super) fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Text from the input as a report prints it: a character that would end the line, move
/// the cursor or reorder what follows (a control character such as a line break or a tab,
/// a line or paragraph separator, a bidirectional override) or that prints as nothing (a
/// zero-width space, a byte-order mark) is shown escaped, `\n`, `\t`, `\r` or
/// `\u{202e}`, so a name can neither forge a line of the report nor hide. Joiners, which
/// Indic scripts and emoji sequences need, and spaces of every width print as they are
/// (`DESIGN.md`, "Why names are escaped in reports and ids refused").
#[derive(Clone, Copy)]
pub(super) struct Text<'a>(pub(super) &'a str);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(disrupts_text) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            match c {
                '\n' => f.write_str("\\n")?,
                '\t' => f.write_str("\\t")?,
                '\r' => f.write_str("\\r")?,
                c => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// An id as a report prints it: as [`Text`], and with the characters that keep it from
/// being in Unicode's composed form (NFC) escaped as messages escape them
/// (`model/quote.rs`), so two ids that are one text in different forms (a department
/// written with `U+095B` and with `ज` and a nukta) never print alike. An id in NFC, as
/// Hindi and precomposed letters are written, prints as [`Text`] prints it.
#[derive(Clone, Copy)]
pub(super) struct Id<'a>(pub(super) &'a str);

impl fmt::Display for Id<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let forms = uncomposed(self.0);
        if forms.is_empty() {
            return Text(self.0).fmt(f);
        }
        let mut start = 0;
        for &at in &forms {
            Text(&self.0[start..at]).fmt(f)?;
            let c = self.0[at..].chars().next().unwrap_or_default();
            write!(f, "\\u{{{:x}}}", u32::from(c))?;
            start = at + c.len_utf8();
        }
        Text(&self.0[start..]).fmt(f)
    }
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

    /// Its printed width, in terminal columns (see [`width`]).
    pub(super) fn width(self) -> usize {
        width(&self.to_string())
    }
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name.filter(|n| *n != self.id) {
            Some(name) => write!(f, "{} [{}]", Text(name), Id(self.id)),
            None => write!(f, "{}", Id(self.id)),
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

/// A share in `[0, 1]` as a percentage that never claims more or less than is true:
/// `100%` only for 1, `0%` only for 0; a share strictly between them that would round to
/// either prints as `>99%` or `<1%` (with one decimal, `>99.9%` or `<0.1%`).
pub(super) struct Percent {
    share: f64,
    decimals: usize,
}

/// A whole percentage: `56%`, `>99%`, `<1%`.
pub(super) fn percent(share: f64) -> Percent {
    Percent { share, decimals: 0 }
}

/// A percentage with one decimal: `56.5%`, `>99.9%`, `<0.1%`.
pub(super) fn percent_tenths(share: f64) -> Percent {
    Percent { share, decimals: 1 }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.share * 100.0;
        let d = self.decimals;
        let step = if d == 0 { 1.0 } else { 0.1 };
        // The share, not its product with 100, says whether it is below 1 or above 0.
        let text = if p > 100.0 - step && self.share < 1.0 {
            format!(">{:.d$}%", 100.0 - step)
        } else if self.share > 0.0 && p < step {
            format!("<{step:.d$}%")
        } else {
            format!("{p:.d$}%")
        };
        f.pad(&text)
    }
}

/// A number of hours with at least one decimal (`6.0`), as tables and lists print them,
/// and as many more as its value needs, up to nine (a nano-hour, the resolution of every
/// total the library reports): `0.75`, `2.25`, `0.333333333`. So the figures a report
/// prints beside their product or sum agree with it as printed (a course of `0.75` h for 3
/// seats prints `2.25` person-hours, not `0.8` and `2.2`): exactly, for hours written with
/// up to nine decimals, whose totals the library sums exactly (`model/hours.rs`). A
/// non-zero amount below a nano-hour prints `<0.000000001`, so no course reads as taking
/// no time; an amount of 10^15 hours or more (a budget or cap, where whole hours are no
/// longer exact) is written in its shortest exact scientific form (`1e300`), not in the
/// hundreds of digits fixed notation takes.
pub(super) struct Hours(pub(super) f64);

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&hours_text(self.0, 1))
    }
}

/// A number of hours in prose: whole hours without decimals (`40`), others as [`Hours`]
/// (`2.25`).
pub(super) struct HoursProse(pub(super) f64);

impl fmt::Display for HoursProse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hours_text(self.0, 0))
    }
}

/// Hours from which [`Hours`] and [`HoursProse`] write scientific notation: 10^15, past
/// which an `f64` no longer holds every whole number of hours.
const HUGE_HOURS: f64 = 1e15;

/// `h` with at least `decimals` decimals and as many more as its shortest decimal form
/// needs, up to nine (rounded there: a double's noise past a nano-hour, `2.4000000000000004`,
/// is no figure of the plan's); a non-zero amount that nine decimals would print as zero,
/// `<0.000000001`; from [`HUGE_HOURS`] on, its shortest exact scientific form.
fn hours_text(h: f64, decimals: usize) -> String {
    const MOST: usize = 9;
    if !h.is_finite() {
        return format!("{h:.decimals$}");
    }
    if h.abs() >= HUGE_HOURS {
        return format!("{h:e}");
    }
    // The shortest decimal that reads back as `h` (`Display` never writes an exponent).
    let shortest = format!("{h}");
    let mut text = match shortest.split_once('.') {
        Some((_, fraction)) if fraction.len() > MOST => {
            let rounded = format!("{h:.MOST$}");
            rounded
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_owned()
        }
        _ => shortest,
    };
    if h != 0.0 && !text.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        return format!("<0.{}1", "0".repeat(MOST - 1));
    }
    let shown = text
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    if shown < decimals {
        if shown == 0 {
            text.push('.');
        }
        text.extend(std::iter::repeat_n('0', decimals - shown));
    }
    text
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
        let below_one = 1.0 - f64::EPSILON / 2.0;
        assert_eq!(percent(below_one).to_string(), ">99%");
        assert_eq!(percent_tenths(below_one).to_string(), ">99.9%");
        assert_eq!(percent(f64::MIN_POSITIVE).to_string(), "<1%");
        let shown: Vec<String> = [0.0, 0.004, 0.005, 0.5, 0.996, 1.0]
            .iter()
            .map(|&p| percent(p).to_string())
            .collect();
        assert_eq!(shown, ["0%", "<1%", "<1%", "50%", ">99%", "100%"]);
    }

    #[test]
    fn ids_not_in_nfc_show_what_tells_them_apart() {
        let nfc = "\u{91c}\u{93c}\u{93f}\u{932}\u{93e}";
        assert_eq!(Id(nfc).to_string(), nfc);
        assert_eq!(
            Id("\u{95b}\u{93f}\u{932}\u{93e}").to_string(),
            "\\u{95b}\u{93f}\u{932}\u{93e}"
        );
        assert_eq!(Id("\u{212b}\n").to_string(), "\\u{212b}\\n");
        assert_eq!(
            Label::new("Island", "\u{212b}land").to_string(),
            "Island [\\u{212b}land]"
        );
        assert_eq!(Label::officer(None, "Jos\u{e9}").to_string(), "Jos\u{e9}");
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
