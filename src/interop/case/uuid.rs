//! CASE UUIDs: checking them, and deriving name-based (version 5) ones, with the `uuid`
//! crate.

use uuid::{Uuid, Variant};

/// Whether `text` has the shape of a UUID, `8-4-4-4-12` hex digits in either case, whatever
/// its version: such identifiers compare without regard to case (RFC 9562).
pub(crate) fn is_uuid_shaped(text: &str) -> bool {
    // Of the forms the `uuid` crate reads, only the hyphenated one is 36 characters long.
    text.len() == 36 && Uuid::try_parse(text).is_ok()
}

/// The canonical (lowercase) form of an identifier given for export when it is a CASE
/// UUID in either case, also when written as a `urn:uuid:` URN or with spaces around it.
pub(crate) fn canonical_case_uuid(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text
        .get(..9)
        .filter(|prefix| prefix.eq_ignore_ascii_case("urn:uuid:"))
        .map_or(text, |_| &text[9..]);
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

/// The name-based (version 5, SHA-1) UUID of `name` in `namespace`, as RFC 9562 defines it,
/// in lowercase hyphenated form.
pub(crate) fn uuid_v5(namespace: &[u8; 16], name: &str) -> String {
    Uuid::new_v5(&Uuid::from_bytes(*namespace), name.as_bytes()).to_string()
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
