//! CASE UUIDs: checking them, and deriving name-based (version 5) ones with SHA-1.

/// Whether `text` has the shape of a UUID, `8-4-4-4-12` hex digits in either case, whatever
/// its version: such identifiers compare without regard to case (RFC 9562).
pub(crate) fn is_uuid_shaped(text: &str) -> bool {
    text.len() == 36
        && text.bytes().enumerate().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// The canonical (lowercase) form of an identifier given for export when it is a CASE
/// UUID in either case.
pub(crate) fn canonical_case_uuid(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    parse_case_uuid(&lower).map(|_| lower)
}

/// The 16 bytes of a CASE UUID: lowercase `8-4-4-4-12` hex digits, version 1 to 5,
/// variant `10`.
pub(crate) fn parse_case_uuid(text: &str) -> Option<[u8; 16]> {
    let bytes = text.as_bytes();
    if bytes.len() != 36 {
        return None;
    }
    let mut out = [0u8; 16];
    let mut nibbles = 0usize;
    for (i, &c) in bytes.iter().enumerate() {
        if matches!(i, 8 | 13 | 18 | 23) {
            if c != b'-' {
                return None;
            }
            continue;
        }
        let value = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => return None,
        };
        let byte = out.get_mut(nibbles / 2)?;
        *byte = (*byte << 4) | value;
        nibbles += 1;
    }
    let version = out[6] >> 4;
    let variant = out[8] >> 6;
    ((1..=5).contains(&version) && variant == 0b10).then_some(out)
}

/// The name-based (version 5, SHA-1) UUID of `name` in `namespace`, as RFC 9562 defines it.
pub(crate) fn uuid_v5(namespace: &[u8; 16], name: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut data = namespace.to_vec();
    data.extend_from_slice(name.as_bytes());
    let hash = sha1(&data);
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, byte) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    out
}

/// SHA-1 (FIPS 180-4). Used only to derive name-based UUIDs, not for security.
#[allow(clippy::many_single_char_names)] // the standard's names for its working variables
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&(data.len() as u64).wrapping_mul(8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (slot, word) in w.iter_mut().zip(block.chunks_exact(4)) {
            *slot = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for t in 16..80 {
            w[t] = (w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (t, &word) in w.iter().enumerate() {
            let (f, k) = match t {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let next = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(word);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = next;
        }
        for (slot, v) in h.iter_mut().zip([a, b, c, d, e]) {
            *slot = slot.wrapping_add(v);
        }
    }
    let mut out = [0u8; 20];
    for (chunk, v) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&v.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        use std::fmt::Write;
        bytes.iter().fold(String::new(), |mut out, b| {
            write!(out, "{b:02x}").expect("writing to a string cannot fail");
            out
        })
    }

    #[test]
    fn sha1_matches_the_standard_vectors() {
        assert_eq!(
            hex(&sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        let long = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(hex(&sha1(long)), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    }

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
