//! [`Cohort::from_json_with_threads`](crate::Cohort::from_json_with_threads) on more than
//! one thread: the officers array split into runs of officers at guessed officer starts,
//! each run read and resolved on any thread, the guesses checked, and the officers added to
//! the columns in input order on the calling thread.
//!
//! `serde_json` reads the document up to the `officers` array. The array is then taken as
//! chunks of [`CHUNK`] bytes of the text. The first chunk's run begins at the array's first
//! element; another chunk's at a guess: the first `{` in the chunk from which an officer
//! reads. A run reads officer after officer, each by `serde_json` from its first byte with
//! the one-pass reader's visitors (between two officers only white space and a `,` are
//! skipped, as `serde_json` skips them in an array), resolved into a [`Part`] as
//! [`Cohort::with_threads`](crate::Cohort::with_threads) resolves specs, until the start
//! of an officer in a later chunk, or the end of the array.
//!
//! A guess is never trusted: the calling thread takes the runs in order, and a run is
//! taken only when it begins exactly where the run before it (read from the array's
//! start, or taken so) stopped. Then its officers are those one thread reads there (an
//! officer's reading depends on its text only), and where it stops is the start of an
//! officer too. Otherwise the calling thread reads from there itself. (In a valid
//! document a `{` in a string or in a passbook entry does not read as an officer, so the
//! first guess in a chunk is the first officer that starts there.) At the end of the
//! array, the document around it is read again by `serde_json` with the array left out.
//!
//! The result is the one-pass reader's: an officer with a problem is resolved again on
//! the calling thread, in its place, as [`Cohort::new`](crate::Cohort::new) would resolve
//! it (its passbook entries kept for that); a document that does not read (an officer that
//! the visitors refuse, anything else in the array, or anything around it) is left to the
//! two steps, as one thread leaves it.

use serde::de::{DeserializeSeed, IgnoredAny, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;
use std::sync::{Mutex, PoisonError};

use crate::model::json::without_bom;
use crate::model::json_spans::skip_space;
use crate::model::parallel::in_order;
use crate::people::builder::CohortBuilder;
use crate::people::cohort_json::{Entry, Fields, OfficerAlone, read_body, read_into};
use crate::people::parts::Part;
use crate::{Framework, LevelPolicy};

/// Bytes of text per chunk: about 200 officers of 2.5 KB, enough that the guess (a few
/// passbook entries tried as officers, and a lock) costs little beside reading them, few
/// enough that the threads finish close together.
const CHUNK: usize = 1 << 19;

/// Runs read but not yet added, at most (about 8 MiB of text).
const AHEAD: usize = 16;

/// Reads the officers of `json` into `builder` on up to `threads` threads; `false` when
/// the document does not read in one pass (see the module's documentation).
pub(crate) fn read_in_pieces<'f>(
    builder: &mut CohortBuilder<'f>,
    framework: &'f Framework,
    policy: &'f LevelPolicy,
    json: &str,
    threads: usize,
) -> bool {
    read_chunked(builder, framework, policy, json, threads, CHUNK)
}

fn read_chunked<'f>(
    builder: &mut CohortBuilder<'f>,
    framework: &'f Framework,
    policy: &'f LevelPolicy,
    json: &str,
    threads: usize,
    chunk: usize,
) -> bool {
    let text = without_bom(json);
    let Some(value) = officers_guess(text).filter(|&at| officers_at(text, at)) else {
        // The array is not where it was looked for: one thread reads the document.
        return read_into(builder, json);
    };
    let array = Array {
        framework,
        policy,
        text,
        first: value + 1,
        chunk,
    };
    let Some(end) = array.read(builder, threads) else {
        return false;
    };
    // The document around the array, the array left out.
    read_body(&format!("{}[]{}", &text[..value], &text[end..]), Ignored)
}

/// A guess at where the `officers` array of `text` (a document without its byte-order
/// mark) begins: the offset of the `[` after the first `"officers"` followed by a `:`.
fn officers_guess(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let key = br#""officers""#;
    let mut from = 0;
    while let Some(found) = bytes.get(from..)?.windows(key.len()).position(|w| w == key) {
        let colon = skip_space(bytes, from + found + key.len());
        if bytes.get(colon) == Some(&b':') {
            let value = skip_space(bytes, colon + 1);
            return (bytes.get(value) == Some(&b'[')).then_some(value);
        }
        from += found + 1;
    }
    None
}

/// Whether `serde_json`, reading `text` as an officers document, finds the `officers`
/// value at `value` (where `text` has a `[`): what it reads of `text[..value]` followed
/// by an array of one string, the string found exactly where it was put.
fn officers_at(text: &str, value: usize) -> bool {
    let head = format!("{}[\".\"]", &text[..value]);
    let found = Cell::new(false);
    read_body(
        &head,
        Marker {
            at: &head.as_bytes()[value + 2..],
            found: &found,
        },
    );
    found.get()
}

/// An array of one borrowed string: `found` is set when it is the one at `at`.
struct Marker<'m> {
    at: &'m [u8],
    found: &'m Cell<bool>,
}

impl<'de> DeserializeSeed<'de> for Marker<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Marker<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let first: Option<&'de str> = seq.next_element()?;
        let alone = seq.next_element::<IgnoredAny>()?.is_none();
        let here = first.is_some_and(|s| std::ptr::eq(s.as_ptr(), self.at.as_ptr()));
        self.found.set(here && alone);
        Ok(())
    }
}

/// Any array, its elements skipped.
struct Ignored;

impl<'de> DeserializeSeed<'de> for Ignored {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Ignored {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// Where the reading of a run of officers stopped.
#[derive(Clone, Copy, Debug, PartialEq)]
enum End {
    /// At the first byte of an officer: the first whose start is at or past the run's end.
    Next(usize),
    /// At the end of the array: the offset just past its `]`.
    Array(usize),
    /// At something that does not read: the document does not read in one pass.
    Failed,
}

/// A run of officers read from a chunk: the offset it began at (`None`: no officer reads
/// from a `{` in the chunk), where it stopped, and what it read.
struct Run<'de> {
    from: Option<usize>,
    end: End,
    piece: Piece<'de>,
}

/// The officers array of a document, read in chunks of `chunk` bytes from `first` (just
/// past its `[`).
struct Array<'f, 'de> {
    framework: &'f Framework,
    policy: &'f LevelPolicy,
    text: &'de str,
    first: usize,
    chunk: usize,
}

impl<'de> Array<'_, 'de> {
    /// The number of chunks: at least one.
    fn chunks(&self) -> usize {
        (self.text.len() - self.first).div_ceil(self.chunk).max(1)
    }

    /// Where chunk `k` begins; the end of the last chunk is past any offset.
    fn bound(&self, k: usize) -> usize {
        if k >= self.chunks() {
            usize::MAX
        } else {
            self.first + k * self.chunk
        }
    }

    /// Reads the officers into `builder` on up to `threads` threads; the offset just past
    /// the array's `]`, or `None` when the array does not read in one pass.
    fn read(&self, builder: &mut CohortBuilder<'_>, threads: usize) -> Option<usize> {
        let spare: Mutex<Vec<Piece<'de>>> = Mutex::new(Vec::new());
        let reuse = || {
            let piece = spare.lock().unwrap_or_else(PoisonError::into_inner).pop();
            let mut piece = piece.unwrap_or_else(Piece::new);
            piece.clear();
            piece
        };
        let read = |k: usize| {
            let mut piece = reuse();
            let (from, end) = if k == 0 {
                let end = piece.read_run(self, self.first, true, self.bound(1));
                (Some(self.first), end)
            } else {
                piece.read_guessed(self, self.bound(k), self.bound(k + 1))
            };
            Run { from, end, piece }
        };
        // Where the officers read so far stopped: the array's first element to begin with.
        let mut at = End::Next(self.first);
        in_order(threads, self.chunks(), AHEAD, read, |k, run| {
            let End::Next(start) = at else {
                return false;
            };
            let until = self.bound(k + 1);
            if start >= until {
                // The officers read so far end past this chunk.
            } else if k == 0 || run.from == Some(start) {
                at = run.end;
                if at != End::Failed {
                    run.piece.push_to(builder);
                }
            } else {
                let mut own = reuse();
                at = own.read_run(self, start, false, until);
                if at != End::Failed {
                    own.push_to(builder);
                }
                spare
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(own);
            }
            spare
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(run.piece);
            matches!(at, End::Next(_))
        });
        match at {
            End::Array(end) => Some(end),
            _ => None,
        }
    }
}

/// Officers read in one place: their own fields and what a [`Part`] resolved of them;
/// the passbook entries of those with a problem, to resolve them again in their place.
struct Piece<'de> {
    part: Part,
    officers: Vec<Fields<'de>>,
    /// The entries of each officer with a problem, in order.
    again: Vec<Vec<Entry<'de>>>,
}

impl<'de> Piece<'de> {
    fn new() -> Self {
        Piece {
            part: Part::new(),
            officers: Vec::new(),
            again: Vec::new(),
        }
    }

    fn clear(&mut self) {
        self.part.clear();
        self.officers.clear();
        self.again.clear();
    }

    /// Resolves an officer with its passbook entries.
    fn add(
        &mut self,
        framework: &Framework,
        policy: &LevelPolicy,
        fields: Fields<'de>,
        entries: Vec<Entry<'de>>,
    ) {
        let passbook = entries.iter().map(Entry::view);
        if !self
            .part
            .resolve(framework, policy, fields.view(), passbook)
        {
            self.again.push(entries);
        }
        self.officers.push(fields);
    }

    /// Reads and resolves officers of `array`, the first from `from` (or with `first`,
    /// from the array's first element, `from` just past its `[`), then each after a `,`,
    /// until the first that starts at or past `until`.
    fn read_run(&mut self, array: &Array<'_, 'de>, from: usize, first: bool, until: usize) -> End {
        let (text, bytes) = (array.text, array.text.as_bytes());
        let mut at = from;
        if first {
            at = skip_space(bytes, at);
            match bytes.get(at) {
                Some(b']') => return End::Array(at + 1),
                None => return End::Failed,
                Some(_) => {}
            }
        }
        loop {
            // An officer's first byte (`serde_json` skips no space before it here).
            let Some(rest) = text.get(at..) else {
                return End::Failed;
            };
            // A stream of values: `serde_json` tells where a value ends only to a stream.
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter();
            let Some(Ok(OfficerAlone { fields, entries })) = stream.next() else {
                return End::Failed;
            };
            self.add(array.framework, array.policy, fields, entries);
            at = skip_space(bytes, at + stream.byte_offset());
            match bytes.get(at) {
                Some(b']') => return End::Array(at + 1),
                Some(b',') => at = skip_space(bytes, at + 1),
                _ => return End::Failed,
            }
            match bytes.get(at) {
                // A `,` then the end: as `serde_json`, an error.
                Some(b']') | None => return End::Failed,
                Some(_) if at >= until => return End::Next(at),
                Some(_) => {}
            }
        }
    }

    /// Reads officers as [`Piece::read_run`] does from a guess: the first `{` at or past
    /// `from` and before `until` from which an officer reads. Where the run began (`None`
    /// when no officer reads from such a `{`), and where it stopped.
    fn read_guessed(
        &mut self,
        array: &Array<'_, 'de>,
        from: usize,
        until: usize,
    ) -> (Option<usize>, End) {
        let bytes = array.text.as_bytes();
        let mut at = from;
        while let Some(offset) = (bytes.get(at..until.min(bytes.len())))
            .and_then(|chunk| chunk.iter().position(|&b| b == b'{'))
        {
            let start = at + offset;
            let end = self.read_run(array, start, false, until);
            if !self.officers.is_empty() {
                return (Some(start), end);
            }
            at = start + 1;
        }
        (None, End::Failed)
    }

    /// Adds the piece's officers to the columns, in order; the officers with a problem
    /// resolved again by the builder, which keeps their errors.
    fn push_to(&self, builder: &mut CohortBuilder<'_>) {
        let mut again = self.again.iter();
        for (settled, fields) in self.part.settled().zip(&self.officers) {
            if let Some(settled) = settled {
                builder.push_resolved(fields.view(), &settled);
            } else {
                let entries = again.next().map_or(&[][..], Vec::as_slice);
                builder.push(fields.view(), entries.iter().map(Entry::view));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::read_chunked;
    use crate::people::builder::CohortBuilder;
    use crate::people::cohort_json::read_once;
    use crate::{Cohort, Framework, LevelPolicy};

    const FRAMEWORK: &str = r#"{"format_version": 2,
      "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"},
                       {"id": "noting", "name": "Noting", "type": "functional"}],
      "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]},
                {"id": "hand", "name": "Hand", "requires": [{"competency": "noting", "level": 2}]}],
      "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["cpio"]},
                    {"id": "aso", "name": "ASO", "department": "dopt", "roles": ["hand"]}],
      "courses": [{"id": "rti-101", "name": "RTI basics", "hours": 4,
                   "provides": [{"competency": "rti", "level": 2}]}]}"#;

    /// Officer `i` of the kind `kind`: valid ones of several shapes, ones with the
    /// problems `Cohort::new` finds, and ones the visitors refuse.
    fn officer(i: usize, kind: u8) -> String {
        let entry = |c: &str, level: &str, date: &str| {
            format!(
                r#"{{"competency": "{c}", "level": {level}, "source": "assessment", "date": {date}}}"#
            )
        };
        let passbook = |entries: &[String]| format!("[{}]", entries.join(", "));
        let plain = |id: &str, position: &str, book: &str| {
            format!(
                r#"{{"id": "{id}", "department": "dopt", "position": "{position}", "passbook": {book}}}"#
            )
        };
        let id = format!("o{i}");
        let good = passbook(&[
            entry("rti", "2", r#""2024-01-31""#),
            entry("noting", "3", "null"),
        ]);
        match kind {
            0 => plain(&id, "us", &good),
            1 => plain(&id, "aso", "[]"),
            2 => format!(
                r#"{{"passbook": null, "position": "aso", "name": "A \"B\"", "department": "dopt", "id": "o\u00e9{i}"}}"#
            ),
            3 => plain(&id, "usec", &good),
            4 => plain(&id, "us", &passbook(&[entry("rtl", "2", "null")])),
            5 => plain(&id, "us", &passbook(&[entry("rti", "9", "null")])),
            6 => plain(
                &id,
                "us",
                &passbook(&[entry("rti", "2", r#""2024-02-30""#)]),
            ),
            7 => plain(" ", "us", &good),
            8 => plain("o0", "aso", "[]"),
            9 => plain(&id, "us", &passbook(&[entry("rti", r#""x""#, "null")])),
            10 => {
                format!(r#"{{"id": "{id}", "department": "dopt", "position": "us", "grade": 1}}"#)
            }
            // Strings that hold what looks like an officer's start, or the end of one.
            12 => format!(
                r#"{{"id": "{id}", "name": ",{{\"id\": \"x\", \"department\": \"dopt\", \"position\": \"us\"}}, {{", "department": "dopt", "position": "aso", "passbook": []}}"#
            ),
            13 => format!(
                r#"{{"name": "{{ ", "id": "{id}", "department": "dopt", "position": "us", "passbook": {good}}}"#
            ),
            // White space around the officer.
            14 => format!(" \n\t{} \r\n", plain(&id, "aso", "[ ]")),
            _ => format!(r#"{{"id": "{id}", "department": "dopt", "position": "us""#),
        }
    }

    /// A document of officers of the given kinds, the version first or last (3 is one
    /// this crate does not read), and cut short after `cut` bytes when given.
    fn document(kinds: &[u8], version_last: bool, version: u8, cut: Option<usize>) -> String {
        let officers: Vec<String> = (kinds.iter().enumerate())
            .map(|(i, &k)| officer(i, k))
            .collect();
        let officers = format!(r#""officers": [{}]"#, officers.join(",\n"));
        let version = format!(r#""format_version": {version}"#);
        let mut doc = if version_last {
            format!("{{{officers}, {version}}}")
        } else {
            format!("{{{version}, {officers}}}")
        };
        if let Some(cut) = cut {
            let cut = cut % (doc.len() + 1);
            let cut = (0..=cut)
                .rev()
                .find(|&c| doc.is_char_boundary(c))
                .unwrap_or(0);
            doc.truncate(cut);
        }
        doc
    }

    /// What `Cohort::from_json_with_threads` gives with chunks of `chunk` bytes, and
    /// whether the document read in pieces.
    fn in_pieces(
        fw: &Framework,
        doc: &str,
        policy: &LevelPolicy,
        threads: usize,
        chunk: usize,
    ) -> (String, bool) {
        let mut builder = CohortBuilder::new(fw, policy);
        if read_chunked(&mut builder, fw, policy, doc, threads, chunk) {
            return (format!("{:?}", builder.finish(threads)), true);
        }
        let two_steps = crate::OfficersSpec::from_json_all(doc)
            .and_then(|d| Cohort::with_threads(fw, &d.officers, policy, threads));
        (format!("{two_steps:?}"), false)
    }

    /// What one thread gives: the one-pass reading, or the two steps; whether the
    /// document reads in one pass.
    fn one_thread(fw: &Framework, doc: &str, policy: &LevelPolicy) -> (String, bool) {
        match read_once(fw, doc, policy) {
            Some(read) => (format!("{read:?}"), true),
            None => (format!("{:?}", Cohort::from_json(fw, doc, policy)), false),
        }
    }

    /// Every chunk size from 1 byte to past the document's length on 2 and 3 threads, so
    /// that a chunk begins at every byte: what one thread gives.
    #[track_caller]
    fn every_chunk_gives_what_one_thread_gives(doc: &str) {
        let fw = Framework::from_json(FRAMEWORK).expect("valid");
        let policy = LevelPolicy::default();
        let want = one_thread(&fw, doc, &policy);
        for chunk in 1..=doc.len() + 1 {
            for threads in [2, 3] {
                let got = in_pieces(&fw, doc, &policy, threads, chunk);
                assert_eq!(got, want, "chunk {chunk}, {threads} threads: {doc}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any document, in chunks of any size, on 2 or 3 threads: read in one pass
        /// exactly when one thread reads it so, and the cohort or errors of one thread.
        #[test]
        fn chunks_give_what_one_thread_gives(
            kinds in prop::collection::vec(prop_oneof![
                12 => Just(0u8), 3 => Just(1u8), 1 => Just(2u8), 1 => 3u8..=8, 1 => 9u8..=11,
                2 => 12u8..=14,
            ], 0..24),
            version_last in any::<bool>(),
            version in prop_oneof![6 => Just(2u8), 1 => Just(3u8)],
            cut in prop::option::weighted(0.1, any::<usize>()),
            chunk in prop_oneof![1usize..=40, 40usize..=400, 400usize..=4_000],
        ) {
            let fw = Framework::from_json(FRAMEWORK).expect("valid");
            let policy = LevelPolicy::default();
            let doc = document(&kinds, version_last, version, cut);
            let want = one_thread(&fw, &doc, &policy);
            for threads in [2, 3] {
                let got = in_pieces(&fw, &doc, &policy, threads, chunk);
                prop_assert_eq!(&got, &want, "chunk {} {}", chunk, doc);
            }
        }
    }

    #[test]
    fn a_guess_in_a_string_that_looks_like_an_officer_is_not_taken() {
        // `,{"` in a name, a name that ends in `{`, and a name that is an officer's text.
        every_chunk_gives_what_one_thread_gives(&document(&[0, 12, 13, 0], false, 2, None));
        every_chunk_gives_what_one_thread_gives(&document(&[12, 12, 3, 13], true, 2, None));
        let name = r#"{\"id\": \"o9\", \"department\": \"dopt\", \"position\": \"us\"}"#;
        let doc =
            document(&[0, 1, 0], false, 2, None).replacen("\"o1\"", &format!("\"{name}\""), 1);
        every_chunk_gives_what_one_thread_gives(&doc);
    }

    #[test]
    fn documents_of_no_one_or_two_officers_and_space_between_them_read_as_on_one_thread() {
        for kinds in [&[][..], &[0], &[14], &[0, 1], &[14, 14], &[1, 0, 14]] {
            every_chunk_gives_what_one_thread_gives(&document(kinds, false, 2, None));
            every_chunk_gives_what_one_thread_gives(&document(kinds, true, 2, None));
        }
        every_chunk_gives_what_one_thread_gives(r#"{"officers": [ ] , "format_version": 2 }"#);
    }

    #[test]
    fn errors_before_at_and_after_a_guess_are_those_of_one_thread() {
        // Problems `Cohort::new` finds, officers the visitors refuse, in every place of
        // three officers; a trailing comma, a missing comma, a document cut short.
        for bad in [3, 4, 7, 8, 9, 10, 11] {
            for place in 0..3 {
                let mut kinds = vec![0, 13, 1];
                kinds[place] = bad;
                every_chunk_gives_what_one_thread_gives(&document(&kinds, false, 2, None));
            }
        }
        let doc = document(&[0, 1], false, 2, None);
        let last = |with: &str| format!("{}{with}", &doc[..doc.len() - 2]);
        for wrong in [
            last(",]}"),
            last("] ]}"),
            last(r#"], "officers": []}"#),
            last("]"),
            doc.replacen("},\n{", "}\n{", 1),
            doc.replacen("2, ", "3, ", 1),
            format!("{doc} x"),
            doc[..doc.len() - 3].to_owned(),
        ] {
            every_chunk_gives_what_one_thread_gives(&wrong);
        }
    }
}
