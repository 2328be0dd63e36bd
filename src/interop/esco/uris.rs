//! URIs that differ only in a trailing slash or in the scheme `http`/`https`
//! (`http://data.europa.eu/esco/skill/s`, `…/skill/s/`, `https://…/skill/s`): one name
//! written two ways, as a hand edit or another tool's export gives it. URIs are compared
//! as written, so each is its own concept and nothing is merged; the load notes the
//! concepts whose URIs look alike so ([`Error::LookalikeUris`]), and a relation naming a
//! URI its file does not hold names the concept it matches apart from the slash or the
//! scheme.

use std::collections::HashMap;

use crate::Error;
use crate::interop::csv::Row;
use crate::model::order;

/// The part of a URI that names the concept: without a leading `http://` or `https://`
/// and without trailing slashes.
fn key(uri: &str) -> &str {
    let rest = uri
        .strip_prefix("https://")
        .or_else(|| uri.strip_prefix("http://"))
        .unwrap_or(uri);
    rest.trim_end_matches('/')
}

/// The URIs of one file, by [`key`]: the least URI (byte order) of each key.
#[derive(Default)]
pub(super) struct Near {
    by_key: HashMap<String, String>,
}

impl Near {
    /// The URIs read from `file` with the line of each; notes each set of two or more that
    /// share a key in `notes`, the sets ordered by their least URI.
    pub(super) fn new(
        file: &'static str,
        mut read: Vec<(String, usize)>,
        notes: &mut Vec<Error>,
    ) -> Near {
        // By key, then URI: each set of lookalikes is one run, in byte order.
        order::sort_unstable_by(&mut read, |a, b| (key(&a.0), &a.0).cmp(&(key(&b.0), &b.0)));
        let mut by_key = HashMap::with_capacity(read.len());
        let mut sets: Vec<&[(String, usize)]> = Vec::new();
        for run in read.chunk_by(|a, b| key(&a.0) == key(&b.0)) {
            if run.len() > 1 {
                sets.push(run);
            }
            by_key.insert(key(&run[0].0).to_owned(), run[0].0.clone());
        }
        // Each run starts with its least URI.
        order::sort_unstable_by(&mut sets, |a, b| a[0].0.cmp(&b[0].0));
        notes.extend(sets.into_iter().map(|run| Error::LookalikeUris {
            file,
            uris: run.iter().map(|(uri, _)| uri.clone()).collect(),
            lines: run.iter().map(|&(_, line)| line).collect(),
        }));
        Near { by_key }
    }

    /// The URI of the file that `uri` matches apart from a trailing slash or the scheme,
    /// if any.
    pub(super) fn of(&self, uri: &str) -> Option<String> {
        self.by_key
            .get(key(uri))
            .filter(|near| *near != uri)
            .cloned()
    }

    /// The error of `row`'s `column` naming no URI of the file `target`: the row not read
    /// whose key it is (`refused`), or unknown, with the URI it matches apart from a slash
    /// or the scheme.
    pub(super) fn missing(
        &self,
        row: &Row<'_>,
        column: &'static str,
        target: &'static str,
        refused: &HashMap<String, usize>,
    ) -> Error {
        match refused.get(row.text(column)) {
            Some(_) => row.not_in(column, target, refused),
            None => row.unknown_near(column, target, self.of(row.text(column))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_drop_the_scheme_and_trailing_slashes() {
        let uri = "data.europa.eu/esco/skill/s";
        for written in [
            "http://data.europa.eu/esco/skill/s",
            "https://data.europa.eu/esco/skill/s",
            "http://data.europa.eu/esco/skill/s/",
            "https://data.europa.eu/esco/skill/s//",
        ] {
            assert_eq!(key(written), uri, "{written}");
        }
        // Letter case and other schemes are part of the name.
        assert_ne!(key("http://data.europa.eu/esco/skill/S"), uri);
        assert_ne!(key("ftp://data.europa.eu/esco/skill/s"), uri);
    }
}
