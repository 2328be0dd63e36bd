//! CASE UUIDs: checking them, and deriving name-based (version 5) ones, with the `uuid`
//! crate.

use uuid::{Uuid, Variant};

use crate::interop::case::package::CaseDocument;

/// Whether `text` has the shape of a UUID, `8-4-4-4-12` hex digits in either case, whatever
/// its version: such identifiers compare without regard to case (RFC 9562).
pub(crate) fn is_uuid_shaped(text: &str) -> bool {
    // Of the forms the `uuid` crate reads, only the hyphenated one is 36 characters long.
    text.len() == 36 && Uuid::try_parse(text).is_ok()
}

/// The canonical (lowercase) form of an identifier given for export when it is a CASE
/// UUID in either case, also when written as a `urn:uuid:` URN, in braces (`{…}`) or with
/// spaces around it.
pub(crate) fn canonical_case_uuid(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text
        .get(..9)
        .filter(|prefix| prefix.eq_ignore_ascii_case("urn:uuid:"))
        .map_or(text, |_| &text[9..]);
    let text = (text.strip_prefix('{').and_then(|t| t.strip_suffix('}'))).unwrap_or(text);
    let lower = text.to_ascii_lowercase();
    parse_case_uuid(&lower).map(|_| lower)
}

/// The 16 bytes of a CASE UUID: lowercase `8-4-4-4-12` hex digits, version 1 to 5,
/// variant `10` (RFC 9562).
pub(crate) fn parse_case_uuid(text: &str) -> Option<[u8; 16]> {
    if !is_uuid_shaped(text) || text.bytes().any(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let uuid = Uuid::try_parse(text).ok()?;
    ((1..=5).contains(&uuid.get_version_num()) && uuid.get_variant() == Variant::RFC4122)
        .then(|| uuid.into_bytes())
}

/// The URL namespace of RFC 9562 (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
const URL_NAMESPACE: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

/// The identifier export writes for a `CFDocument` identifier: a CASE UUID in its
/// canonical form ([`canonical_case_uuid`]); any other identifier, trimmed (in lowercase
/// when it has a UUID's shape, as UUIDs compare without regard to case), gives the
/// version-5 UUID of it in the RFC 9562 URL namespace. `None` when it is blank or holds a
/// control or invisible character (deriving from one would hide it).
pub(crate) fn document_case_uuid(text: &str) -> Option<String> {
    if let Some(uuid) = canonical_case_uuid(text) {
        return Some(uuid);
    }
    let text = text.trim();
    if text.is_empty() || crate::model::quote::has_hidden(text) {
        return None;
    }
    let name = if is_uuid_shaped(text) {
        text.to_ascii_lowercase()
    } else {
        text.to_owned()
    };
    Some(uuid_v5(&URL_NAMESPACE, &name))
}

/// The name-based (version 5, SHA-1) UUID of `name` in `namespace`, as RFC 9562 defines it,
/// in lowercase hyphenated form.
pub(crate) fn uuid_v5(namespace: &[u8; 16], name: &str) -> String {
    Uuid::new_v5(&Uuid::from_bytes(*namespace), name.as_bytes()).to_string()
}

impl CaseDocument {
    /// A document with the fields export requires: an identifier (a CASE UUID, else one is
    /// derived from it, see [`CaseDocument::case_identifier`]), a title, a creator and the
    /// ISO 8601 date-time to stamp on every element.
    pub fn new(
        identifier: impl Into<String>,
        title: impl Into<String>,
        creator: impl Into<String>,
        last_change_date_time: impl Into<String>,
    ) -> Self {
        CaseDocument {
            identifier: identifier.into(),
            title: title.into(),
            creator: creator.into(),
            last_change_date_time: last_change_date_time.into(),
            ..CaseDocument::default()
        }
    }

    /// The `CFDocument` identifier export writes for this document.
    ///
    /// CASE requires a UUID (`8-4-4-4-12` lowercase hex digits, version 1 to 5), but real
    /// documents carry other identifiers: codes such as `MATH-2024`, URLs, version-7
    /// UUIDs. A CASE UUID, also in uppercase, as a `urn:uuid:` URN, in braces or with
    /// spaces around it, is written in its canonical lowercase form. Any other identifier, trimmed (and in
    /// lowercase when it has a UUID's shape, since UUIDs compare without regard to case),
    /// gives the version-5 UUID of it in the URL namespace of RFC 9562
    /// (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`): the same identifier always gives the
    /// same UUID, which any RFC 9562 library computes alike. Compare it with
    /// [`identifier`](Self::identifier) to know whether export replaced it.
    ///
    /// `None` when the identifier is blank or holds a control or invisible character
    /// (export then fails with [`Error::CaseInvalidIdentifier`](crate::Error::CaseInvalidIdentifier)).
    ///
    /// # Example
    /// ```
    /// use karmayogi::CaseDocument;
    ///
    /// let stamp = "2025-01-15T10:00:00Z";
    /// let given = CaseDocument::new("URN:UUID:0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01", "t", "c", stamp);
    /// assert_eq!(given.case_identifier().as_deref(), Some("0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01"));
    /// let code = CaseDocument::new("MATH-2024", "Mathematics", "Board", stamp);
    /// assert_eq!(code.case_identifier().as_deref(), Some("a3b1f38f-5a1c-5df7-aba3-2e62bab61bdd"));
    /// assert_eq!(CaseDocument::new(" ", "t", "c", stamp).case_identifier(), None);
    /// ```
    pub fn case_identifier(&self) -> Option<String> {
        document_case_uuid(&self.identifier)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_v5_matches_rfc_9562() {
        // The DNS namespace, and the name-based UUID of "www.example.com" in it.
        let dns = parse_case_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8").unwrap();
        assert_eq!(
            uuid_v5(&dns, "www.example.com"),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2"
        );
        let derived = uuid_v5(&dns, "competency/noting");
        assert!(parse_case_uuid(&derived).is_some(), "{derived}");
    }

    #[test]
    fn document_identifiers_that_are_not_case_uuids_give_a_derived_one() {
        // Python's `uuid.uuid5(uuid.NAMESPACE_URL, "MATH-2024")`, an independent reference.
        let url = "a3b1f38f-5a1c-5df7-aba3-2e62bab61bdd".to_owned();
        assert_eq!(uuid_v5(&URL_NAMESPACE, "MATH-2024"), url);
        assert_eq!(document_case_uuid(" MATH-2024 "), Some(url));
        assert_eq!(
            document_case_uuid("URN:UUID:0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01"),
            Some("0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01".to_owned())
        );
        // A version-7 UUID is not a CASE UUID; its case does not matter.
        let v7 = "0190a6b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b";
        assert_eq!(
            document_case_uuid(v7),
            document_case_uuid(&v7.to_ascii_uppercase())
        );
        assert_eq!(
            document_case_uuid(v7).as_deref(),
            Some("646a2a89-dfcf-5482-a42e-afd7b09853f4")
        );
        assert_eq!(document_case_uuid("  "), None);
        assert_eq!(document_case_uuid("math\u{200b}"), None);
    }

    #[test]
    fn uuid_shapes_ignore_case_and_version() {
        assert!(is_uuid_shaped("d0000000-0000-0000-0000-000000000000"));
        assert!(is_uuid_shaped("0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01"));
        assert!(!is_uuid_shaped("0b3c9f4e6a434c1e9d0c2f1a7e5b8c01"));
        assert!(!is_uuid_shaped("0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c0g"));
        assert_eq!(
            canonical_case_uuid("0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01").as_deref(),
            Some("0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01")
        );
        assert_eq!(
            canonical_case_uuid(" urn:uuid:0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01\n").as_deref(),
            Some("0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01")
        );
        assert_eq!(
            canonical_case_uuid("{0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01}").as_deref(),
            Some("0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01")
        );
        assert_eq!(
            canonical_case_uuid("d0000000-0000-0000-0000-000000000000"),
            None
        );
    }

    #[test]
    fn case_uuids_are_lowercase_with_version_and_variant() {
        assert!(parse_case_uuid("0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01").is_some());
        assert!(parse_case_uuid("0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01").is_none());
        assert!(parse_case_uuid("0b3c9f4e-6a43-7c1e-9d0c-2f1a7e5b8c01").is_none());
        assert!(parse_case_uuid("0b3c9f4e-6a43-4c1e-cd0c-2f1a7e5b8c01").is_none());
        assert!(parse_case_uuid("0b3c9f4e6a434c1e9d0c2f1a7e5b8c01").is_none());
        assert!(parse_case_uuid("0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c0é").is_none());
    }
}
