//! The known id closest to an unknown one, for "did you mean" in errors.

use std::collections::HashMap;

use crate::EntityKind;
use crate::model::confusable::ascii_counterpart;
use crate::model::nfc::{canonically_equivalent, decompose_into};
use crate::model::quote::{has_hidden, hidden};

/// The longest id, in characters, that [`nearest`] compares by edit distance. The distance
/// takes time in the product of the two lengths, so an unknown id of a megabyte against a
/// framework holding one as long took an hour to report; ids longer than this (no one
/// types them) are matched only as written otherwise (case, spaces, invisible
/// characters, Unicode form, leading zeros), which takes time in their length.
pub(crate) const LONGEST_EDITED: usize = 256;

/// The candidate closest to `asked`, when one is close: first one that is the same text in
/// another Unicode form (`Jose\u{301}` for `José`: the same canonical decomposition);
/// then one equal to it but for case, surrounding whitespace, characters that show as
/// nothing (`us\u{200b}` for `us`), Unicode form (`de\u{301}partement` for
/// `Département`) and Greek or Cyrillic letters that look like Latin ones (`u\u{455}`,
/// with a Cyrillic `ѕ`, for `us`: see `confusable.rs`), or, both all ASCII digits, but for leading zeros (`123` for
/// `00123`, as a spreadsheet reads an id it takes for a number), or, for an id of four
/// to [`LONGEST_EDITED`] characters, within an edit
/// distance (optimal string alignment, so a swap of two neighbours counts once) of a fifth
/// of its length, at least 1. Ties go to the smallest id, so the answer does not depend on
/// the candidates' order.
///
/// The edit distances of one call take at most [`EDIT_CELLS`] cells (about half a second
/// in a release build); once those are spent, only a candidate equal but for its written
/// form is answered, as [`Nearest`] does for a whole reading. One unknown id of 250
/// characters against 15,000 ids as long took about four seconds to report before.
///
/// # Complexity
/// O(n·k) for n candidates of length about k, plus at most [`EDIT_CELLS`] steps of edit
/// distance, on the error path only; candidates whose length alone puts them too far are
/// skipped.
pub(crate) fn nearest<'a>(
    asked: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let mut cells = EDIT_CELLS;
    nearest_within(asked, candidates, &mut cells)
}

/// [`nearest`], comparing by edit distance only while `cells` (the product of the two
/// lengths, in characters, of each pair compared) lasts, taking each pair's cells from
/// it. Once they run out, only a candidate equal but for its written form (distance 0)
/// is answered: an edit-distance answer could then miss a nearer candidate not compared.
fn nearest_within<'a>(
    asked: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    cells: &mut u64,
) -> Option<String> {
    let normal = normalise(asked);
    let unpadded = digits(normal.as_str()).map(|d| d.trim_start_matches('0'));
    let len = asked.chars().count();
    let limit = if (4..=LONGEST_EDITED).contains(&len) {
        (len / 5).max(1)
    } else {
        0
    };
    // Ranked by: the same text in another form (0), written otherwise (1), edits (2 + d).
    let mut best: Option<(usize, &str)> = None;
    let mut ran_out = false;
    for candidate in candidates {
        if candidate == asked {
            continue;
        }
        let rank = if same_form(&normal, unpadded, candidate) {
            usize::from(!canonically_equivalent(asked, candidate))
        } else {
            // With no edits allowed only the same id would do, and that one is skipped.
            let other = candidate.chars().count();
            if limit == 0 || ran_out || other.abs_diff(len) > limit {
                continue;
            }
            let cost = (len as u64).saturating_mul(other as u64);
            if cost > *cells {
                ran_out = true;
                *cells = 0;
                continue;
            }
            *cells -= cost;
            let d = strsim::osa_distance(asked, candidate);
            if d > limit {
                continue;
            }
            2 + d
        };
        let better = match best {
            None => true,
            Some((r, id)) => (rank, candidate) < (r, id),
        };
        if better {
            best = Some((rank, candidate));
        }
    }
    best.filter(|&(r, _)| r < 2 || !ran_out)
        .map(|(_, id)| id.to_owned())
}

/// Whether `id` and `other` are one id written two ways: equal but for case, surrounding
/// whitespace, Unicode form and Greek or Cyrillic lookalikes of Latin letters, or, both all ASCII digits, but for leading zeros (`123` and
/// `00123`, as a spreadsheet rewrites an id it takes for a number). The distance-0 rule of
/// [`nearest`]. O(length).
pub(crate) fn same_id_written_otherwise(id: &str, other: &str) -> bool {
    let normal = normalise(id);
    let unpadded = digits(normal.as_str()).map(|d| d.trim_start_matches('0'));
    id != other && same_form(&normal, unpadded, other)
}

/// The Greek and Cyrillic letters of `asked` that make it `other` written in another
/// script (`ѕ` and `s` for `u\u{455}` and `us`), each once with the Latin letter or digit
/// it looks like, in order of first appearance: empty unless the two are one id written
/// two ways ([`same_id_written_otherwise`]) and `asked` holds such a letter `other` does
/// not. O(length of both).
fn other_script_letters(asked: &str, other: &str) -> Vec<(char, char)> {
    let mut letters: Vec<(char, char)> = Vec::new();
    if asked.is_ascii() || !same_id_written_otherwise(asked, other) {
        return letters;
    }
    for c in asked.chars() {
        if let Some(latin) = ascii_counterpart(c)
            && !other.contains(c)
            && !letters.iter().any(|&(l, _)| l == c)
        {
            letters.push((c, latin));
        }
    }
    letters
}

/// ` (written with letters of another script: "\u{455}" for `s`)` when `asked` is
/// `nearest` written with Greek or Cyrillic letters that look like its Latin ones, each
/// named escaped with the letter it looks like; empty otherwise.
pub(crate) fn other_script_hint(asked: &str, nearest: &str) -> String {
    let letters = other_script_letters(asked, nearest);
    if letters.is_empty() {
        return String::new();
    }
    let named: Vec<String> = (letters.iter())
        .map(|&(c, latin)| format!("\"\\u{{{:x}}}\" for `{latin}`", u32::from(c)))
        .collect();
    let what = characters_named(letters.iter().map(|&(c, _)| c));
    format!(
        " (written with {what} of another script: {})",
        named.join(", ")
    )
}

/// What `characters` (each standing for an ASCII letter or digit) are: `letters` when
/// each is a Greek or Cyrillic letter, `digits` when each is a digit of another script,
/// else `letters and digits`.
pub(crate) fn characters_named(characters: impl Iterator<Item = char>) -> &'static str {
    let (mut letters, mut digits) = (false, false);
    for c in characters {
        if crate::model::confusable::indic_digit(c).is_some() {
            digits = true;
        } else {
            letters = true;
        }
    }
    match (letters, digits) {
        (false, true) => "digits",
        (true, true) => "letters and digits",
        _ => "letters",
    }
}

/// Whether `candidate` is the id whose normal form is `normal` (and, when that is all
/// digits, whose digits without leading zeros are `unpadded`).
fn same_form(normal: &str, unpadded: Option<&str>, candidate: &str) -> bool {
    let candidate = normalise(candidate);
    candidate == normal
        || unpadded.is_some_and(|u| {
            digits(candidate.as_str()).is_some_and(|c| c.trim_start_matches('0') == u)
        })
}

/// `id` trimmed of whitespace, when it is one or more ASCII digits.
fn digits(id: &str) -> Option<&str> {
    let id = id.trim();
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then_some(id)
}

/// `id` as [`nearest`] compares it: trimmed of whitespace, without the characters that
/// show as nothing anywhere in it (a zero-width space, a byte-order mark, a bidirectional
/// control: such an id prints exactly like the one meant), in lower case, and, when it is
/// not ASCII, canonically decomposed before and after lowering (as `equivalent.rs` folds
/// ids), so the forms of one text compare equal, with each Greek or Cyrillic letter that
/// looks like a Latin letter or digit read as that one (`confusable.rs`), so `u\u{455}`
/// compares equal to `us`.
fn normalise(id: &str) -> String {
    let id = id.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let shown: std::borrow::Cow<'_, str> = if has_hidden(id) {
        let shown = |c: &char| c.is_whitespace() || !hidden(*c);
        id.chars().filter(shown).collect::<String>().into()
    } else {
        id.into()
    };
    if shown.is_ascii() {
        return shown.to_lowercase();
    }
    let mut decomposed = String::with_capacity(shown.len());
    decompose_into(shown.chars(), &mut decomposed);
    let mut folded = String::with_capacity(decomposed.len());
    let latin = decomposed
        .chars()
        .map(|c| ascii_counterpart(c).unwrap_or(c));
    decompose_into(latin.flat_map(char::to_lowercase), &mut folded);
    folded
}

/// The cells of edit distance (see [`nearest_within`]) one [`Nearest`] computes in all:
/// 2²⁷, about half a second in a release build. One unknown id of 62 characters against
/// 15,000 competency ids of that length takes 5.8·10⁷, so 100 such ids took 23 s and
/// 1,000 about four minutes before the search was bounded; ESCO's ids (`skill-<n>`) cost
/// about 1.4·10⁶ per unknown id.
pub(crate) const EDIT_CELLS: u64 = 1 << 27;

/// [`nearest`] with answers remembered per kind of id and asked id, for loops that may meet
/// the same unknown id many times (a cohort, a CSV file). After `limit` distinct ids it
/// answers `None` without searching, and after [`EDIT_CELLS`] cells of edit distance in all
/// it answers only ids equal but for their written form, so a file written against another
/// framework stays fast whatever the length and number of ids. Counted, not timed: the
/// answers do not depend on the machine.
pub(crate) struct Nearest {
    /// Per kind of id met, each asked id's position in `answers`: maps of a type the
    /// module already compiles, rather than one keyed by kind and id compiled for this.
    asked: Vec<(EntityKind, HashMap<String, usize>)>,
    answers: Vec<Option<String>>,
    limit: usize,
    /// Cells of edit distance left to compute.
    cells: u64,
    /// Per kind of id, its ids by written form, once the cells have run out.
    forms: Vec<(EntityKind, Forms)>,
}

/// Ids by the forms [`same_form`] compares: the ids of each normal form, and the smallest
/// id of each number written without leading zeros, so that an id written otherwise is
/// found in O(its length) rather than by a pass over every id.
#[derive(Default)]
struct Forms {
    normal: HashMap<String, Vec<String>>,
    unpadded: HashMap<String, String>,
}

impl Forms {
    fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Forms {
        let mut forms = Forms::default();
        for id in ids {
            let normal = normalise(id);
            if let Some(d) = digits(normal.as_str()) {
                let smallest = (forms.unpadded)
                    .entry(d.trim_start_matches('0').to_owned())
                    .or_insert_with(|| id.to_owned());
                if id < smallest.as_str() {
                    id.clone_into(smallest);
                }
            }
            forms.normal.entry(normal).or_default().push(id.to_owned());
        }
        forms
    }

    /// The id other than `asked` equal to it but for its written form (the answer of
    /// [`nearest`] of rank 0 or 1): one that is the same text in another Unicode form,
    /// else the smallest.
    fn get(&self, asked: &str) -> Option<String> {
        let normal = normalise(asked);
        let unpadded = digits(normal.as_str()).map(|d| d.trim_start_matches('0'));
        let by_form = self.normal.get(&normal).into_iter().flatten();
        let by_number = unpadded.and_then(|u| self.unpadded.get(u));
        by_form
            .chain(by_number)
            .filter(|id| id.as_str() != asked)
            .min_by_key(|id| (!canonically_equivalent(asked, id), id.as_str()))
            .cloned()
    }
}

impl Nearest {
    pub(crate) fn new(limit: usize) -> Self {
        Nearest {
            asked: Vec::new(),
            answers: Vec::new(),
            limit,
            cells: EDIT_CELLS,
            forms: Vec::new(),
        }
    }

    /// The nearest of `candidates`, the ids of `kind`, to `asked`.
    pub(crate) fn get<'a, I>(
        &mut self,
        kind: EntityKind,
        asked: &str,
        candidates: impl FnOnce() -> I,
    ) -> Option<String>
    where
        I: IntoIterator<Item = &'a str>,
    {
        let slot = if let Some(slot) = self.asked.iter().position(|(k, _)| *k == kind) {
            slot
        } else {
            self.asked.push((kind, HashMap::new()));
            self.asked.len() - 1
        };
        let memo = &mut self.asked[slot].1;
        if let Some(&i) = memo.get(asked) {
            return self.answers[i].clone();
        }
        if self.answers.len() >= self.limit {
            return None;
        }
        let found = if self.cells > 0 {
            nearest_within(asked, candidates(), &mut self.cells)
        } else {
            let at = if let Some(at) = self.forms.iter().position(|(k, _)| *k == kind) {
                at
            } else {
                self.forms.push((kind, Forms::new(candidates())));
                self.forms.len() - 1
            };
            self.forms[at].1.get(asked)
        };
        let memo = &mut self.asked[slot].1;
        memo.insert(asked.to_owned(), self.answers.len());
        self.answers.push(found.clone());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn close_ids_are_suggested() {
        let known = ["itd-mumbai", "itd-delhi", "posts", "p-so", "FC1"];
        let n = |asked| nearest(asked, known);
        assert_eq!(n("itd-mumbia").as_deref(), Some("itd-mumbai"));
        assert_eq!(n("p-so\r").as_deref(), Some("p-so"));
        assert_eq!(n(" p-so ").as_deref(), Some("p-so"));
        assert_eq!(n("fc1").as_deref(), Some("FC1"));
        assert_eq!(n("Posts").as_deref(), Some("posts"));
        assert_eq!(n("itd-chennai"), None);
        assert_eq!(n("x"), None);
        assert_eq!(n("posts"), None);
    }

    #[test]
    fn one_call_stops_editing_once_its_cells_are_spent() {
        // 250-character ids, 62,500 cells a pair: the cells last for 2,147 pairs, so the
        // one a letter away, placed after 2,200 far ones, is no longer compared; the one
        // written otherwise still is.
        let len = 250;
        let asked = "a".repeat(len);
        let far: Vec<String> = (0..2_200).map(|i| format!("{i:0>len$}")).collect();
        let near = format!("{}b", "a".repeat(len - 1));
        let ids = |last: &str| {
            let mut ids: Vec<String> = far.clone();
            ids.push(last.to_owned());
            ids
        };
        let edited = ids(&near);
        assert_eq!(nearest(&asked, edited.iter().map(String::as_str)), None);
        assert_eq!(
            nearest(&asked, edited.iter().skip(2_000).map(String::as_str)),
            Some(near)
        );
        let shouted = ids(&asked.to_uppercase());
        assert_eq!(
            nearest(&asked, shouted.iter().map(String::as_str)),
            Some(asked.to_uppercase())
        );
    }

    #[test]
    fn edits_are_suggested_up_to_the_longest_edited_length_and_written_forms_at_any() {
        for len in [super::LONGEST_EDITED, super::LONGEST_EDITED + 1, 1 << 20] {
            let known = "a".repeat(len);
            let edited = format!("{}b", &known[1..]);
            let expected = (len <= super::LONGEST_EDITED).then(|| known.clone());
            assert_eq!(nearest(&edited, [known.as_str()]), expected, "{len}");
            let shouted = format!("A{}", &known[1..]);
            assert_eq!(nearest(&shouted, [known.as_str()]), Some(known.clone()));
        }
    }

    #[test]
    fn ids_a_spreadsheet_stripped_of_leading_zeros_are_suggested() {
        let known = ["00123", "0456", "789", "A0012", "100"];
        let n = |asked| nearest(asked, known);
        assert_eq!(n("123").as_deref(), Some("00123"));
        assert_eq!(n("0123").as_deref(), Some("00123"));
        assert_eq!(n("456").as_deref(), Some("0456"));
        // The other way: the file kept zeros the framework's id has not.
        assert_eq!(n("000789").as_deref(), Some("789"));
        // Only ids of digits alone, and only zeros in front.
        assert_eq!(n("12").as_deref(), None);
        assert_eq!(n("A12"), None);
        assert_eq!(n("1"), None);
        assert_eq!(n("0100").as_deref(), Some("100"));
        assert_eq!(n("10"), None);
    }

    #[test]
    fn ids_holding_characters_that_show_as_nothing_are_suggested_the_visible_id() {
        let known = ["us", "ds", "p-so"];
        for (asked, meant) in [
            ("us\u{200b}", "us"),
            ("\u{2060}ds", "ds"),
            ("p-\u{200e}so", "p-so"),
            ("US\u{feff}", "us"),
            // A joiner in an id of Latin letters prints as nothing too.
            ("u\u{200d}s", "us"),
        ] {
            assert_eq!(nearest(asked, known).as_deref(), Some(meant), "{asked:?}");
        }
        // A space is a space: not the same id.
        assert_eq!(nearest("u s", known), None);
    }

    #[test]
    fn ids_written_otherwise_are_told() {
        use super::same_id_written_otherwise as same;
        assert!(same("12", "0012"));
        assert!(same("0012", "12"));
        assert!(same("DoPT", "dopt"));
        assert!(!same("dopt", "dopt"));
        assert!(!same("12", "120"));
        assert!(!same("dopt", "dopr"));
    }

    #[test]
    fn answers_are_remembered_per_kind() {
        let mut memo = super::Nearest::new(10);
        let competencies = || ["rti"];
        let courses = || ["rti-101"];
        let kind = crate::EntityKind::Competency;
        assert_eq!(memo.get(kind, "rtii", competencies).as_deref(), Some("rti"));
        let kind = crate::EntityKind::Course;
        assert_eq!(memo.get(kind, "rtii", courses), None);
        assert_eq!(
            memo.get(kind, "rti-102", courses).as_deref(),
            Some("rti-101")
        );
    }

    #[test]
    fn once_the_cells_run_out_ids_written_otherwise_are_still_found() {
        let known = ["RTI", "rti ", "00123", "0123", "itd-mumbai", "us"];
        let asked = [
            "rti",
            " RTI",
            "123",
            "000123",
            "itd-mumbia",
            "us\u{200b}",
            "x",
        ];
        let mut memo = super::Nearest::new(100);
        memo.cells = 0;
        let kind = crate::EntityKind::Competency;
        for a in asked {
            let full = nearest(a, known);
            let written_otherwise = full.filter(|id| super::same_id_written_otherwise(a, id));
            assert_eq!(memo.get(kind, a, || known), written_otherwise, "{a:?}");
        }
        // The edit-distance answer is given while the cells last.
        let mut memo = super::Nearest::new(100);
        assert_eq!(
            memo.get(kind, "itd-mumbia", || known).as_deref(),
            Some("itd-mumbai")
        );
    }

    /// The same text in another Unicode form is suggested first, before the same text in
    /// another case, while the cells last and after they run out; a form that also
    /// differs in case is found as case is.
    #[test]
    fn ids_in_another_unicode_form_are_suggested_first() {
        let known = [
            "D\u{e9}partement",
            "d\u{e9}partement",
            "\u{3a9}-law",
            "Jos\u{e9}",
        ];
        for (asked, meant) in [
            ("De\u{301}partement", "D\u{e9}partement"),
            ("de\u{301}partement", "d\u{e9}partement"),
            ("DE\u{301}PARTEMENT", "D\u{e9}partement"),
            ("\u{2126}-law", "\u{3a9}-law"),
            ("Jose\u{301}", "Jos\u{e9}"),
            ("jose\u{301} ", "Jos\u{e9}"),
        ] {
            assert_eq!(nearest(asked, known).as_deref(), Some(meant), "{asked:?}");
            let mut memo = super::Nearest::new(100);
            memo.cells = 0;
            let kind = crate::EntityKind::Department;
            assert_eq!(memo.get(kind, asked, || known).as_deref(), Some(meant));
        }
        assert!(super::same_id_written_otherwise(
            "\u{95b}",
            "\u{91c}\u{93c}"
        ));
    }

    /// `ids/04`: Greek and Cyrillic letters that look like Latin ones, as a keyboard in
    /// another layout types them, are read as the Latin letters, in any case, while the
    /// cells last and after.
    #[test]
    fn ids_typed_with_lookalikes_from_another_script_are_suggested_the_latin_id() {
        let known = ["us", "noting", "rti", "p-so", "b6"];
        for (asked, meant) in [
            ("u\u{455}", "us"),
            ("U\u{405}", "us"),
            ("n\u{43e}ting", "noting"),
            ("n\u{3bf}ting", "noting"),
            ("\u{420}-\u{405}\u{41e}", "p-so"),
            ("b\u{431}", "b6"),
            ("rt\u{456}", "rti"),
        ] {
            assert_eq!(nearest(asked, known).as_deref(), Some(meant), "{asked:?}");
            let mut memo = super::Nearest::new(100);
            memo.cells = 0;
            let kind = crate::EntityKind::Position;
            assert_eq!(memo.get(kind, asked, || known).as_deref(), Some(meant));
        }
        // The Cyrillic `С` looks like `C`, not `s`: `UС` is no `us`.
        assert_eq!(nearest("U\u{421}", known), None);
        assert_eq!(
            super::other_script_letters("n\u{43e}ting", "noting"),
            [('\u{43e}', 'o')]
        );
        assert!(super::other_script_letters("noting", "Noting").is_empty());
        assert!(super::other_script_letters("n\u{43e}tes", "noting").is_empty());
    }

    /// `ids/06`: an employee code typed in the digits of a script of India is suggested
    /// the code in ASCII digits, its leading zeros aside too, and the hint names them.
    #[test]
    fn ids_typed_with_indian_digits_are_suggested_the_ascii_id() {
        let known = ["EMP012", "45", "0045", "so"];
        for (asked, meant) in [
            ("EMP\u{966}\u{967}\u{968}", "EMP012"),
            ("emp\u{ae6}\u{ae7}\u{ae8}", "EMP012"),
            ("\u{9ea}\u{9eb}", "0045"),
            ("\u{966}\u{966}\u{96a}\u{96b}", "0045"),
        ] {
            assert_eq!(nearest(asked, known).as_deref(), Some(meant), "{asked:?}");
            let mut memo = super::Nearest::new(100);
            memo.cells = 0;
            let kind = crate::EntityKind::Officer;
            assert_eq!(memo.get(kind, asked, || known).as_deref(), Some(meant));
        }
        assert_eq!(
            super::other_script_hint("EMP\u{966}\u{967}\u{968}", "EMP012"),
            r#" (written with digits of another script: "\u{966}" for `0`, "\u{967}" for `1`, "\u{968}" for `2`)"#
        );
        assert_eq!(
            super::other_script_hint("\u{43e}\u{967}", "o1"),
            r#" (written with letters and digits of another script: "\u{43e}" for `o`, "\u{967}" for `1`)"#
        );
    }

    #[test]
    fn ties_go_to_the_smallest_id() {
        assert_eq!(
            nearest("abcdx", ["abcdz", "abcdy"]).as_deref(),
            Some("abcdy")
        );
    }
}
