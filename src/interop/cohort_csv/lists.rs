//! The passbook entries a [`CohortCsvReader`](super::CohortCsvReader) kept, laid out per
//! officer as the cohort stores them.

use crate::OfficersCsvOptions;
use crate::analysis::parallel::{map_parts, workers};
use crate::model::order;
use crate::people::columns::{Lists, capacity};
use crate::people::resolve::{highest_packed, settle_packed, settles_in_place};
use crate::{Error, Framework};

/// Values kept per officer, in runs of consecutive values of one officer: an export
/// lists each passbook's rows together, so this takes 4 bytes per value (and 16 per run)
/// where `(officer, value)` pairs take 8. Values appended are kept in the chunks they came
/// in (a part's values are taken as they are, not copied); no run spans two chunks.
#[derive(Default)]
pub(super) struct Runs {
    /// The last chunk, to which values are pushed.
    values: Vec<u32>,
    /// The chunks before it, in order, none empty.
    done: Vec<Vec<u32>>,
    /// The number of values in `done`.
    base: usize,
    /// Each run's officer and the number of values before it.
    starts: Vec<(u32, usize)>,
}

impl Runs {
    /// Adds a value for `officer`.
    #[inline]
    pub(super) fn push(&mut self, officer: u32, value: u32) {
        if self.starts.last().is_none_or(|&(k, _)| k != officer) {
            self.starts.push((officer, self.base + self.values.len()));
        }
        self.values.push(value);
    }

    /// Adds the values `fill` pushes onto the list it is lent, all for `officer`: as
    /// pushing them one by one with [`Runs::push`] would (`fill` only pushes).
    #[inline]
    pub(super) fn push_run<R>(&mut self, officer: u32, fill: impl FnOnce(&mut Vec<u32>) -> R) -> R {
        let from = self.values.len();
        let out = fill(&mut self.values);
        if self.values.len() > from && self.starts.last().is_none_or(|&(k, _)| k != officer) {
            self.starts.push((officer, self.base + from));
        }
        out
    }

    /// Makes room for `values` more values in `runs` more runs.
    pub(super) fn reserve(&mut self, values: usize, runs: usize) {
        self.values.reserve(values);
        self.starts.reserve(runs);
    }

    /// Adds the values of `other` after these, as if pushed one by one (a run of the
    /// officer of the last one continues in a run of its own), without copying them.
    pub(super) fn append(&mut self, other: Runs) {
        let shift = self.len();
        let mut runs = other.starts.into_iter().peekable();
        let chunks = other.done.into_iter().chain(std::iter::once(other.values));
        let mut end = 0;
        for chunk in chunks.filter(|c| !c.is_empty()) {
            end += chunk.len();
            let last = std::mem::replace(&mut self.values, chunk);
            if !last.is_empty() {
                self.base += last.len();
                self.done.push(last);
            }
            while let Some((k, from)) = runs.next_if(|&(_, from)| from < end) {
                self.starts.push((k, shift + from));
            }
        }
    }

    /// The number of values.
    pub(super) fn len(&self) -> usize {
        self.base + self.values.len()
    }

    /// Each run's officer and values, in order.
    fn each(&self) -> impl Iterator<Item = (u32, &[u32])> {
        let total = self.len();
        let mut chunks = self.done.iter().chain(std::iter::once(&self.values));
        let (mut chunk, mut at): (&[u32], usize) = (&[], 0);
        self.starts.iter().enumerate().map(move |(r, &(k, from))| {
            let end = self.starts.get(r + 1).map_or(total, |&(_, s)| s);
            while from >= at + chunk.len() {
                at += chunk.len();
                chunk = chunks.next().map_or(&[], Vec::as_slice);
            }
            (k, &chunk[from - at..end - at])
        })
    }
}

/// The values of `runs` as one list per list number `at(officer)` (0 to n − 1), in input
/// order within a list: what [`group`] gives for the same values as pairs, one run copied
/// at a time, over `threads` workers (the same lists on any number).
pub(super) fn group_runs(
    n: usize,
    runs: Runs,
    at: impl Fn(u32) -> u32 + Sync,
    threads: usize,
) -> Lists {
    let parts = workers(threads, runs.len() >> 16);
    let lists = group_runs_in_parts(n, &runs, at, parts);
    // The chunks are freed before the caller goes on.
    drop(runs);
    lists
}

/// [`group_runs`] in `parts` parts (at least one): each part a range of lists of about
/// equal size, into which it copies the runs it finds there, scanning all runs.
fn group_runs_in_parts(
    n: usize,
    runs: &Runs,
    at: impl Fn(u32) -> u32 + Sync,
    parts: usize,
) -> Lists {
    let total = runs.len();
    let mut start = vec![0u32; n + 1];
    for (k, run) in runs.each() {
        start[at(k) as usize + 1] += run.len() as u32;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let parts = parts.max(1);
    let bounds = part_bounds(&start, total, parts);
    let mut next = start.clone();
    let mut out = vec![0u32; total];
    let mut rest_out: &mut [u32] = &mut out;
    let mut rest_next: &mut [u32] = &mut next[..n];
    let mut pieces = Vec::with_capacity(parts);
    let mut taken = 0;
    for w in bounds.windows(2) {
        let stop = start[w[1]] as usize;
        let (piece, tail) = std::mem::take(&mut rest_out).split_at_mut(stop - taken);
        rest_out = tail;
        taken = stop;
        let (own, tail) = std::mem::take(&mut rest_next).split_at_mut(w[1] - w[0]);
        rest_next = tail;
        pieces.push((w[0]..w[1], piece, own));
    }
    map_parts(pieces, |(lists, piece, next)| {
        let base = start[lists.start] as usize;
        for (k, run) in runs.each() {
            let s = at(k) as usize;
            if lists.contains(&s) {
                let at = &mut next[s - lists.start];
                let to = *at as usize - base;
                piece[to..to + run.len()].copy_from_slice(run);
                *at += run.len() as u32;
            }
        }
    });
    Lists { start, values: out }
}

/// Where `parts` parts (at least one) of the lists starting at `start` (n + 1 offsets into
/// `total` values) begin and end: lists `bounds[p]..bounds[p + 1]` make part `p`, of about
/// `total / parts` values.
fn part_bounds(start: &[u32], total: usize, parts: usize) -> Vec<usize> {
    let n = start.len() - 1;
    let mut bounds = vec![0];
    for p in 1..parts {
        let cut = start.partition_point(|&x| (x as usize) < total * p / parts);
        bounds.push(cut.min(n).max(bounds[p - 1]));
    }
    bounds.push(n);
    bounds
}

/// `(officer, value)` pairs as one list per list number `at(officer)` (0 to n − 1), values
/// in input order within a list: a stable counting sort.
pub(super) fn group(n: usize, pairs: Vec<(u32, u32)>, at: impl Fn(u32) -> u32) -> Lists {
    let mut start = vec![0u32; n + 1];
    for &(k, _) in &pairs {
        start[at(k) as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut values = vec![0u32; pairs.len()];
    for (k, v) in pairs {
        let s = &mut next[at(k) as usize];
        values[*s as usize] = v;
        *s += 1;
    }
    Lists { start, values }
}

/// Each list of counted levels reduced to the levels held, as [`Cohort::new`] derives them.
/// Without group rules to infer, in place, the lists in parts of about equal size over the
/// options' threads, then moved together: no second buffer.
pub(super) fn settle(
    fw: &Framework,
    options: &OfficersCsvOptions,
    lists: Lists,
    errors: &mut Vec<Error>,
) -> Lists {
    if settles_in_place(fw, &options.policy) {
        return highest_in_place(lists, options.threads);
    }
    let mut out = Lists::new();
    out.values.reserve(lists.values.len());
    let mut own: Vec<(u32, u8)> = Vec::new();
    for s in 0..lists.start.len() - 1 {
        settle_packed(fw, &options.policy, lists.get(s), &mut own, &mut out.values);
        if out.values.len() > u32::MAX as usize {
            errors.push(capacity());
            break;
        }
        out.close();
    }
    out
}

/// Each list reduced in place to the highest level of each competency
/// ([`highest_packed`]), in parts over `threads` workers; the same lists on any number.
pub(super) fn highest_in_place(lists: Lists, threads: usize) -> Lists {
    let parts = workers(threads, lists.values.len() >> 16);
    highest_in_parts(lists, parts)
}

/// [`highest_in_place`] in `parts` parts (at least one).
fn highest_in_parts(mut lists: Lists, parts: usize) -> Lists {
    let n = lists.start.len() - 1;
    let total = lists.values.len();
    let parts = parts.max(1);
    let bounds = part_bounds(&lists.start, total, parts);
    let start = &lists.start;
    let mut rest: &mut [u32] = &mut lists.values;
    let mut pieces = Vec::with_capacity(parts);
    let mut taken = 0;
    for w in bounds.windows(2) {
        let end = start[w[1]] as usize;
        let (piece, tail) = std::mem::take(&mut rest).split_at_mut(end - taken);
        rest = tail;
        taken = end;
        pieces.push((w[0]..w[1], piece));
    }
    // Each part reduces its lists and moves them together within its piece; the parts'
    // pieces are then moved together, one block each.
    let kept = map_parts(pieces, |(range, piece)| {
        let base = start[range.start] as usize;
        let mut own = Vec::with_capacity(range.len());
        let mut w = 0;
        for s in range {
            let from = start[s] as usize - base;
            let k = highest_packed(&mut piece[from..start[s + 1] as usize - base]);
            piece.copy_within(from..from + k, w);
            own.push(w as u32);
            w += k;
        }
        (own, w)
    });
    let mut w = 0;
    let mut s = 0;
    for (p, (own, len)) in kept.into_iter().enumerate() {
        let from = lists.start[bounds[p]] as usize;
        lists.values.copy_within(from..from + len, w);
        for local in own {
            lists.start[s] = w as u32 + local;
            s += 1;
        }
        w += len;
    }
    lists.start[n] = w as u32;
    lists.values.truncate(w);
    lists
}

/// Each list sorted, without repeats.
pub(super) fn distinct(lists: &Lists, errors: &mut Vec<Error>) -> Lists {
    let mut out = Lists::new();
    if lists.values.is_empty() {
        out.start = vec![0; lists.start.len()];
        return out;
    }
    let mut own = Vec::new();
    for s in 0..lists.start.len() - 1 {
        own.clear();
        own.extend_from_slice(lists.get(s));
        order::sort_unstable(&mut own);
        own.dedup();
        if out.values.len() + own.len() > u32::MAX as usize {
            errors.push(capacity());
            break;
        }
        out.values.extend_from_slice(&own);
        out.close();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Runs, group, group_runs_in_parts, highest_in_parts};
    use crate::people::columns::Lists;
    use crate::people::resolve::highest_packed;

    #[test]
    fn runs_group_as_pairs_do() {
        // Officers revisited, runs of one, an officer without values, a reversed order.
        let pairs = [
            (0, 5),
            (0, 6),
            (2, 1),
            (1, 9),
            (2, 2),
            (2, 3),
            (0, 7),
            (1, 8),
        ];
        let mut runs = Runs::default();
        for &(k, v) in &pairs {
            runs.push(k, v);
        }
        assert_eq!(runs.len(), pairs.len());
        assert_eq!(runs.starts.len(), 6);
        for at in [|k: u32| k, |k: u32| 3 - k] {
            let expected = group(4, pairs.to_vec(), at);
            let mut runs = Runs::default();
            for &(k, v) in &pairs {
                runs.push(k, v);
            }
            for parts in 1..=5 {
                let got = group_runs_in_parts(4, &runs, at, parts);
                assert_eq!(
                    (got.start, got.values),
                    (expected.start.clone(), expected.values.clone()),
                    "{parts} parts"
                );
            }
        }
    }

    #[test]
    fn appended_runs_are_pushed_runs() {
        let pairs = [
            (0, 5),
            (0, 6),
            (2, 1),
            (1, 9),
            (1, 2),
            (1, 3),
            (0, 7),
            (0, 8),
        ];
        // Cut everywhere, twice, so that runs continue across cuts or start at them; the
        // middle cut appended as a part or pushed one by one after the first part.
        for a in 0..=pairs.len() {
            for b in a..=pairs.len() {
                for pushed in [false, true] {
                    let mut runs = Runs::default();
                    for (i, cut) in [&pairs[..a], &pairs[a..b], &pairs[b..]].iter().enumerate() {
                        let mut part = Runs::default();
                        let to = if pushed && i == 1 {
                            &mut runs
                        } else {
                            &mut part
                        };
                        for &(k, v) in *cut {
                            to.push(k, v);
                        }
                        runs.append(part);
                    }
                    assert_eq!(runs.len(), pairs.len());
                    for at in [|k: u32| k, |k: u32| 2 - k] {
                        let expected = group(3, pairs.to_vec(), at);
                        for parts in 1..=3 {
                            let got = group_runs_in_parts(3, &runs, at, parts);
                            assert_eq!(
                                (got.start, got.values),
                                (expected.start.clone(), expected.values.clone()),
                                "{a} {b} {pushed} {parts}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// Values pushed a run at a time make the runs that pushing them one by one makes:
    /// runs of no value, an officer's runs one after another, and after values appended.
    #[test]
    fn runs_pushed_together_are_runs_pushed_one_by_one() {
        let groups: [(u32, &[u32]); 9] = [
            (3, &[]),
            (0, &[5, 6]),
            (0, &[7]),
            (2, &[]),
            (2, &[1]),
            (1, &[9, 2, 3]),
            (4, &[]),
            (1, &[4]),
            (0, &[8]),
        ];
        for cut in 0..=groups.len() {
            let (mut together, mut one_by_one) = (Runs::default(), Runs::default());
            for (i, &(k, values)) in groups.iter().enumerate() {
                if i == cut {
                    // Values appended between: a run of the same officer starts anew.
                    for runs in [&mut together, &mut one_by_one] {
                        let mut part = Runs::default();
                        part.push(0, 1);
                        runs.append(part);
                    }
                }
                let pushed = together.push_run(k, |list| {
                    list.extend_from_slice(values);
                    values.len()
                });
                assert_eq!(pushed, values.len());
                for &v in values {
                    one_by_one.push(k, v);
                }
            }
            assert_eq!(together.starts, one_by_one.starts, "cut at {cut}");
            let runs = |r: &Runs| -> Vec<(u32, Vec<u32>)> {
                r.each().map(|(k, run)| (k, run.to_vec())).collect()
            };
            assert_eq!(runs(&together), runs(&one_by_one), "cut at {cut}");
        }
    }

    #[test]
    fn lists_settle_alike_in_any_number_of_parts() {
        // Lists of 0 to 9 values (competency << 3 | level, competencies repeated), from a
        // fixed sequence, including empty lists at the ends and between.
        let mut x = 0x9e37_79b9_u32;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        let mut lists = Lists::new();
        for i in 0..200 {
            let len = if i % 17 == 0 { 0 } else { next() % 10 };
            for _ in 0..len {
                lists.values.push(((next() % 6) << 3) | (next() % 6));
            }
            lists.close();
        }
        lists.close();
        let n = lists.start.len() - 1;
        let expected: Vec<Vec<u32>> = (0..n)
            .map(|s| {
                let mut own = lists.get(s).to_vec();
                let k = highest_packed(&mut own);
                own.truncate(k);
                own
            })
            .collect();
        assert!(expected.iter().any(|l| l.len() < 9));
        for parts in 1..=7 {
            let got = highest_in_parts(lists.clone(), parts);
            assert_eq!(got.start.len(), n + 1);
            let got: Vec<Vec<u32>> = (0..n).map(|s| got.get(s).to_vec()).collect();
            assert_eq!(got, expected, "{parts} parts");
        }
    }
}
