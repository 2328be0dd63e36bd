//! [`Cohort::from_json_with_threads`](crate::Cohort::from_json_with_threads) on more than
//! one thread: the officers array cut into the officers' texts on the calling thread, each
//! text read and resolved on any thread, and the officers added to the columns in input
//! order on the calling thread.
//!
//! `serde_json` cuts the array: it reads each officer as a `&RawValue`, the officer's text
//! checked to be JSON and skipped. The calling thread cuts the next batch of officers
//! while the other threads read the current one in pieces, each officer's text with the
//! one-pass reader's visitors, resolved into a [`Part`] as [`Cohort::with_threads`]
//! resolves specs; the calling thread then takes the pieces left, and adds the batch in
//! order. So the threads read the document once between them, and the calling thread
//! skips over most of it once more. Before cutting a batch the calling thread reads a share
//! of it itself, as one thread reads (cutting an officer costs about 60% of reading it):
//! on 2 threads, a quarter of a batch to start with, then a piece more after each batch
//! where it took two pieces or more of the others' work, a piece less where it took none.
//!
//! The result is the one-pass reader's: an officer with a problem is resolved again on
//! the calling thread, in its place, as [`Cohort::new`] would resolve it (its passbook
//! entries kept for that); a document that does not read (an officer's text that the
//! visitors refuse, or anything around the officers) is left to the two steps, as one
//! thread leaves it.

use serde::de::{DeserializeSeed, Error as _, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

use crate::model::parallel::{beside, workers};
use crate::people::builder::CohortBuilder;
use crate::people::cohort_json::{Entry, Fields, Officer, read_document};
use crate::people::parts::Part;
use crate::{Framework, LevelPolicy};

/// How the officers are cut: officers per piece of work, pieces per batch, and officers
/// of each batch the calling thread reads itself.
#[derive(Clone, Copy, Debug)]
struct Sizes {
    piece: usize,
    pieces: usize,
    own: usize,
}

impl Sizes {
    /// On `threads` threads (2 or more): pieces of 256 officers, enough that taking one
    /// costs little beside reading it, few enough that the threads finish a batch close
    /// together; 16 pieces a batch. On 2 threads the calling thread also reads a quarter
    /// of a batch itself: cutting an officer costs about 60% of reading it, so the thread
    /// that only cuts would wait for the one that reads.
    fn new(threads: usize) -> Sizes {
        let (piece, pieces) = (256, 16);
        let own = if threads == 2 { piece * pieces / 4 } else { 0 };
        Sizes { piece, pieces, own }
    }

    /// The calling thread's share of the next batch, after it took `taken` pieces of this
    /// one once it had cut the next: a piece more when it took two or more (it had time
    /// to spare; reading an officer itself saves cutting it), a piece less when it took
    /// none (the others may have waited for it), at most a batch.
    fn next_own(self, own: usize, taken: usize) -> usize {
        match taken {
            0 => own.saturating_sub(self.piece),
            1 => own,
            _ => (own + self.piece).min(self.piece * self.pieces),
        }
    }
}

/// Reads the officers of `json` into `builder` on up to `threads` threads; `false` when
/// the document does not read in one pass (see the module's documentation).
pub(crate) fn read_in_pieces<'f>(
    builder: &mut CohortBuilder<'f>,
    framework: &'f Framework,
    policy: &'f LevelPolicy,
    json: &str,
    threads: usize,
) -> bool {
    let sizes = Sizes::new(workers(threads, usize::MAX));
    read_sized(builder, framework, policy, json, threads, sizes)
}

fn read_sized<'f>(
    builder: &mut CohortBuilder<'f>,
    framework: &'f Framework,
    policy: &'f LevelPolicy,
    json: &str,
    threads: usize,
    sizes: Sizes,
) -> bool {
    let officers = InPieces {
        builder,
        cutter: Cutter {
            framework,
            policy,
            sizes,
        },
        threads,
    };
    read_document(json, officers)
}

/// Officers read in one place: their own fields and what a [`Part`] resolved of them;
/// the passbook entries of those with a problem, to resolve them again in their place.
struct Piece<'de> {
    part: Part,
    officers: Vec<Fields<'de>>,
    entries: Vec<Entry<'de>>,
    /// The entries of each officer with a problem, in order.
    again: Vec<Vec<Entry<'de>>>,
    /// An officer's text did not read: the document does not read in one pass.
    failed: bool,
}

impl<'de> Piece<'de> {
    fn new() -> Self {
        Piece {
            part: Part::new(),
            officers: Vec::new(),
            entries: Vec::new(),
            again: Vec::new(),
            failed: false,
        }
    }

    fn clear(&mut self) {
        self.part.clear();
        self.officers.clear();
        self.again.clear();
        self.failed = false;
    }

    /// Resolves the officer whose passbook entries `self.entries` holds.
    fn add(&mut self, framework: &Framework, policy: &LevelPolicy, fields: Fields<'de>) {
        let passbook = self.entries.iter().map(Entry::view);
        if !self
            .part
            .resolve(framework, policy, fields.view(), passbook)
        {
            self.again.push(std::mem::take(&mut self.entries));
        }
        self.officers.push(fields);
    }

    /// Reads and resolves the officers of `texts`, replacing what the piece held.
    fn read(&mut self, framework: &Framework, policy: &LevelPolicy, texts: &[&'de RawValue]) {
        self.clear();
        for text in texts {
            let mut de = serde_json::Deserializer::from_str(text.get());
            let Ok(fields) = Officer(&mut self.entries).deserialize(&mut de) else {
                self.failed = true;
                return;
            };
            self.add(framework, policy, fields);
        }
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

/// The `officers` array, read in pieces.
struct InPieces<'b, 'f> {
    builder: &'b mut CohortBuilder<'f>,
    cutter: Cutter<'f>,
    threads: usize,
}

impl<'de> DeserializeSeed<'de> for InPieces<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for InPieces<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut cutter = self.cutter;
        let Cutter {
            framework,
            policy,
            sizes,
        } = cutter;
        let mut pieces: Vec<Piece<'de>> = (0..sizes.pieces).map(|_| Piece::new()).collect();
        // The officers the calling thread reads itself, of this batch and the next.
        let (mut mine, mut mine_next) = (Piece::new(), Piece::new());
        let (mut batch, mut next) = (Vec::new(), Vec::new());
        let mut more = cutter.cut(&mut seq, &mut mine, &mut batch)?;
        while !batch.is_empty() || !mine.officers.is_empty() {
            let work: Vec<_> = pieces.iter_mut().zip(batch.chunks(sizes.piece)).collect();
            let used = work.len();
            let read = |(piece, texts): (&mut Piece<'de>, &[&'de RawValue])| {
                piece.read(framework, policy, texts);
            };
            let cut_next = more;
            let (cut, taken) = beside(self.threads, work, read, || {
                mine_next.clear();
                if !cut_next {
                    return Ok(false);
                }
                cutter.cut(&mut seq, &mut mine_next, &mut next)
            });
            more = cut?;
            cutter.sizes.own = sizes.next_own(cutter.sizes.own, taken);
            mine.push_to(self.builder);
            for piece in &pieces[..used] {
                if piece.failed {
                    return Err(A::Error::custom("an officer does not read"));
                }
                piece.push_to(self.builder);
            }
            std::mem::swap(&mut batch, &mut next);
            std::mem::swap(&mut mine, &mut mine_next);
            next.clear();
        }
        Ok(())
    }
}

/// What the calling thread does of each batch.
#[derive(Clone, Copy)]
struct Cutter<'f> {
    framework: &'f Framework,
    policy: &'f LevelPolicy,
    sizes: Sizes,
}

impl Cutter<'_> {
    /// Reads the next officers of the array, as many as the sizes say, into `mine` (empty),
    /// and cuts the following ones, up to a batch, into `batch` (empty); whether the
    /// array may hold more.
    fn cut<'de, A: SeqAccess<'de>>(
        self,
        seq: &mut A,
        mine: &mut Piece<'de>,
        batch: &mut Vec<&'de RawValue>,
    ) -> Result<bool, A::Error> {
        for _ in 0..self.sizes.own {
            match seq.next_element_seed(Officer(&mut mine.entries))? {
                Some(fields) => mine.add(self.framework, self.policy, fields),
                None => return Ok(false),
            }
        }
        while batch.len() < self.sizes.piece * self.sizes.pieces {
            match seq.next_element()? {
                Some(text) => batch.push(text),
                None => return Ok(false),
            }
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Sizes, read_sized};
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

    /// What `Cohort::from_json_with_threads` gives with these sizes, and whether the
    /// document read in pieces.
    fn in_pieces(
        fw: &Framework,
        doc: &str,
        policy: &LevelPolicy,
        threads: usize,
        sizes: Sizes,
    ) -> (String, bool) {
        let mut builder = CohortBuilder::new(fw, policy);
        if read_sized(&mut builder, fw, policy, doc, threads, sizes) {
            return (format!("{:?}", builder.finish(threads)), true);
        }
        let two_steps = crate::OfficersSpec::from_json(doc)
            .map_err(crate::Errors::from)
            .and_then(|d| Cohort::with_threads(fw, &d.officers, policy, threads));
        (format!("{two_steps:?}"), false)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any document, cut in pieces of any size, the calling thread reading any share
        /// of each batch, on 2 or 3 threads: read in one pass exactly when one thread
        /// reads it so, and the cohort or errors of one thread.
        #[test]
        fn pieces_give_what_one_thread_gives(
            kinds in prop::collection::vec(prop_oneof![
                12 => Just(0u8), 3 => Just(1u8), 1 => Just(2u8), 1 => 3u8..=8, 1 => 9u8..=11,
            ], 0..24),
            version_last in any::<bool>(),
            version in prop_oneof![6 => Just(2u8), 1 => Just(3u8)],
            cut in prop::option::weighted(0.1, any::<usize>()),
            piece in 1usize..=3,
            pieces in 1usize..=3,
            own in 0usize..=3,
        ) {
            let fw = Framework::from_json(FRAMEWORK).expect("valid");
            let policy = LevelPolicy::default();
            let doc = document(&kinds, version_last, version, cut);
            let one = read_once(&fw, &doc, &policy);
            let want = match &one {
                Some(read) => format!("{read:?}"),
                None => format!("{:?}", Cohort::from_json(&fw, &doc, &policy)),
            };
            for threads in [2, 3] {
                let sizes = Sizes { piece, pieces, own };
                let (got, read) = in_pieces(&fw, &doc, &policy, threads, sizes);
                prop_assert_eq!(read, one.is_some(), "{:?} {}", sizes, doc);
                prop_assert_eq!(&got, &want, "{:?} {}", sizes, doc);
            }
        }
    }

    #[test]
    fn sizes_cut_a_batch_into_pieces_and_the_calling_threads_share_follows_its_spare_time() {
        let two = Sizes::new(2);
        assert_eq!((two.piece, two.pieces, two.own), (256, 16, 1_024));
        let three = Sizes::new(3);
        assert_eq!((three.piece, three.pieces, three.own), (256, 16, 0));
        // The share follows what the calling thread took after cutting.
        assert_eq!(two.next_own(1_024, 0), 768);
        assert_eq!(two.next_own(1_024, 1), 1_024);
        assert_eq!(two.next_own(1_024, 3), 1_280);
        assert_eq!(two.next_own(4_096, 16), 4_096);
        assert_eq!(two.next_own(0, 0), 0);
    }
}
