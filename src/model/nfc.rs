//! Unicode's canonical forms, as far as the crate needs them: a text's canonical
//! decomposition (NFD), to tell texts that are one text in different forms
//! (`equivalent.rs`, "did you mean"), and which characters of a text its composed form
//! (NFC) would change, so that messages show them escaped (`quote.rs`).
//!
//! Natively the data is `unicode-normalization`'s; in WebAssembly it is the crate's own
//! sorted tables (`nfc/unicode.rs`), a third of the size once compressed: the canonical
//! decomposition and combining class of each character, and which characters with a
//! decomposition are their own composed form (primary composites), from which the pairs
//! that compose are derived. `unicode-normalization`'s `nfc()` and `nfd()` iterators are not
//! used: they would bring its compatibility tables into the JavaScript package too.
//! The tests compare both sources on every code point and every pair that composes, and
//! the functions here with `nfc()`, `nfd()` and `is_nfc` on many generated texts.

use crate::model::order;

// In WebAssembly the crate's own sorted tables, which compress to a third of
// `unicode-normalization`'s hash tables; natively that crate's, one hash per lookup
// instead of a bisection. The same data: the tests compare them on every code point.
#[cfg(any(target_arch = "wasm32", test))]
mod unicode;

#[cfg(target_arch = "wasm32")]
pub(crate) use unicode::{canonical_combining_class, compose, decompose_canonical, starts_run};
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical,
};

/// Whether NFC never changes `c` or joins it to what precedes it: its combining class is 0
/// and its `NFC_Quick_Check` is Yes (Unicode's UAX #15). Normalising a text to NFC can start
/// afresh before such a character, so a text is in NFC exactly when each run from one to
/// the next is.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn starts_run(c: char) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    c.is_ascii()
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// Whether `a` and `b` are one text in different forms, or the same text: their
/// canonical decompositions are equal. O(length × log of the longest run of marks).
pub(crate) fn canonically_equivalent(a: &str, b: &str) -> bool {
    a == b || (!(a.is_ascii() && b.is_ascii()) && decomposed(a) == decomposed(b))
}

/// The byte offsets, increasing, of the characters of `value` that messages show escaped
/// because of its form: none when `value` is in NFC (every ASCII text is); otherwise, in
/// each run that NFC would change (the runs begin before each character that
/// [`starts_run`]), every character but a first that starts the run. So `Jose\u{301}`
/// gives the accent's offset, `\u{212b}land` (an Angstrom sign) the sign's, and a run
/// whose marks are out of canonical order all its marks, while `José` (`é` precomposed)
/// and Devanagari in NFC (`ज़िला`, ज followed by a nukta, as NFC writes it) give none.
///
/// # Properties
/// Printed in place of the characters they name, the escapes make the text itself in
/// NFC, and quoting is one to one: two distinct texts that are one text in different
/// forms never print as one (`nfc/tests.rs` checks both against `unicode-normalization`).
///
/// # Complexity
/// O(n) lookups for n characters, plus O(m log r) for the runs of m characters with marks
/// (r the longest run of marks); nothing allocated for an ASCII text or a text in NFC
/// without marks.
pub(crate) fn uncomposed(value: &str) -> Vec<usize> {
    let mut escaped = Vec::new();
    if value.is_ascii() {
        return escaped;
    }
    let mut start = 0;
    for (at, c) in value.char_indices() {
        if at > start && starts_run(c) {
            check_run(&value[start..at], start, &mut escaped);
            start = at;
        }
    }
    check_run(&value[start..], start, &mut escaped);
    escaped
}

/// Adds to `escaped` the offsets (from `at`, the run's place in its text) of the
/// characters of `run` that [`uncomposed`] escapes: none when the run is in NFC.
fn check_run(run: &str, at: usize, escaped: &mut Vec<usize>) {
    let mut chars = run.char_indices();
    let Some((_, first)) = chars.next() else {
        return;
    };
    // One character that starts a run is its own composed form.
    if chars.next().is_none() && starts_run(first) || is_composed(run) {
        return;
    }
    let keep_first = starts_run(first);
    escaped.extend(
        run.char_indices()
            .filter(|&(i, _)| i > 0 || !keep_first)
            .map(|(i, _)| at + i),
    );
}

/// Whether `run` is its own NFC form: its canonical decomposition composed again
/// (Unicode's canonical composition algorithm, §3.11) gives it back.
fn is_composed(run: &str) -> bool {
    let mut nfd = String::with_capacity(run.len());
    decompose_into(run.chars(), &mut nfd);
    let mut out: Vec<char> = Vec::with_capacity(nfd.len());
    // The place of the last starter in `out`, and the class of the last character after
    // it that did not compose (`None` when there is none: nothing blocks).
    let mut starter: Option<usize> = None;
    let mut last: Option<u8> = None;
    for c in nfd.chars() {
        let class = canonical_combining_class(c);
        if let Some(s) = starter {
            let blocked = last.is_some_and(|l| l == 0 || l >= class);
            if !blocked && let Some(composite) = compose(out[s], c) {
                out[s] = composite;
                continue;
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last = None;
        } else {
            last = Some(class);
        }
        out.push(c);
    }
    out.into_iter().eq(run.chars())
}

/// Appends to `out` the canonical decomposition (NFD) of `chars`: each character replaced
/// by its full canonical decomposition (Hangul syllables by their jamo), then each run of
/// combining marks (characters of a nonzero combining class) stably sorted by class.
/// Two texts are canonically equivalent exactly when these are equal. O(n log r) for n
/// characters out and runs of at most r marks.
pub(crate) fn decompose_into(chars: impl IntoIterator<Item = char>, out: &mut String) {
    // The current run of marks: class, place in the run (so the sort is stable), mark.
    let mut marks: Vec<(u8, u32, char)> = Vec::new();
    let mut push = |c: char| {
        let class = if c.is_ascii() {
            0
        } else {
            canonical_combining_class(c)
        };
        if class == 0 {
            put_in_order(&mut marks, out);
            out.push(c);
        } else {
            marks.push((class, marks.len() as u32, c));
        }
    };
    for c in chars {
        decompose_canonical(c, &mut push);
    }
    put_in_order(&mut marks, out);
}

/// Appends the run of `marks` to `out` in canonical order (by class, then by place) and
/// empties it.
fn put_in_order(marks: &mut Vec<(u8, u32, char)>, out: &mut String) {
    if marks.len() > 1 {
        order::sort_unstable(marks);
    }
    out.extend(marks.drain(..).map(|(_, _, mark)| mark));
}

/// The canonical decomposition of `text`, as [`decompose_into`] writes it.
pub(crate) fn decomposed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    decompose_into(text.chars(), &mut out);
    out
}

/// Whether `text` is its own canonical decomposition: no character decomposes and every
/// run of marks is in canonical order. Every ASCII text is.
pub(crate) fn is_decomposed(text: &str) -> bool {
    if text.is_ascii() {
        return true;
    }
    let mut last = 0;
    text.chars().all(|c| {
        let mut own = true;
        decompose_canonical(c, |d| own &= d == c);
        let class = canonical_combining_class(c);
        let ordered = class == 0 || last <= class;
        last = class;
        own && ordered
    })
}

#[cfg(test)]
mod tests;
