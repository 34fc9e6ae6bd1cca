//! What a photo is and how big, read from its first bytes only, so the app
//! can refuse a PDF renamed .jpg or a 20,000 × 20,000 image before it is
//! kept or sent. The portal checks again (and decodes) on its side.

/// The largest photo the portal accepts, in bytes.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels the portal decodes.
pub const MAX_PIXELS: u64 = 40_000_000;
/// Photos one report may carry.
pub const MAX_PER_REPORT: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    Webp,
}

pub fn kind(b: &[u8]) -> Option<Kind> {
    if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if b.len() > 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        Some(Kind::Webp)
    } else {
        None
    }
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?])))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?])))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([*b.get(at)?, *b.get(at + 1)?, *b.get(at + 2)?, 0]))
}

/// (width, height) from the header; None if it cannot be read.
pub fn dimensions(b: &[u8]) -> Option<(u32, u32)> {
    match kind(b)? {
        Kind::Png => {
            let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
            let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
            Some((w, h))
        }
        Kind::Jpeg => {
            // Walk the segments to the first start-of-frame marker.
            let mut i = 2;
            while i + 4 <= b.len() {
                if b[i] != 0xFF {
                    return None;
                }
                let marker = b[i + 1];
                if marker == 0xFF {
                    i += 1; // fill byte
                    continue;
                }
                let len = be16(b, i + 2)? as usize;
                let is_sof = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
                if is_sof {
                    return Some((be16(b, i + 7)?, be16(b, i + 5)?));
                }
                i += 2 + len;
            }
            None
        }
        Kind::Webp => match b.get(12..16)? {
            b"VP8 " => Some((le16(b, 26)? & 0x3FFF, le16(b, 28)? & 0x3FFF)),
            b"VP8L" => {
                let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
                Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
            }
            b"VP8X" => Some((le24(b, 24)? + 1, le24(b, 27)? + 1)),
            _ => None,
        },
    }
}

/// Why a photo cannot be taken, if it cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    TooLarge,
    NotAPhoto,
    TooManyPixels { width: u32, height: u32 },
}

pub fn problem(b: &[u8]) -> Option<Problem> {
    if b.len() > MAX_BYTES {
        return Some(Problem::TooLarge);
    }
    if kind(b).is_none() {
        return Some(Problem::NotAPhoto);
    }
    match dimensions(b) {
        Some((width, height)) if u64::from(width) * u64::from(height) > MAX_PIXELS => {
            Some(Problem::TooManyPixels { width, height })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut v = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        v.extend(w.to_be_bytes());
        v.extend(h.to_be_bytes());
        v
    }

    #[test]
    fn reads_sizes_from_headers() {
        assert_eq!(dimensions(&png(640, 480)), Some((640, 480)));
        // A JPEG with an APP0 segment, then SOF0 for 3000 × 2000.
        let jpeg =
            [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x07, 0xD0, 0x0B, 0xB8];
        assert_eq!(dimensions(&jpeg), Some((3000, 2000)));
        let mut vp8x = b"RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0".to_vec();
        vp8x.extend([0x1F, 0x4E, 0x00, 0x1F, 0x4E, 0x00]); // 19999 + 1 each way
        assert_eq!(dimensions(&vp8x), Some((20_000, 20_000)));
    }

    #[test]
    fn problems_are_named() {
        assert_eq!(problem(b"%PDF-1.4"), Some(Problem::NotAPhoto));
        assert_eq!(problem(&png(20_000, 20_000)), Some(Problem::TooManyPixels { width: 20_000, height: 20_000 }));
        assert_eq!(problem(&png(4000, 3000)), None);
        let mut big = png(10, 10);
        big.resize(MAX_BYTES + 1, 0);
        assert_eq!(problem(&big), Some(Problem::TooLarge));
        // The real fixture with GPS EXIF: a JPEG the portal accepts.
        let fixture = include_bytes!("../../../portal/tests/fixtures/street-light.jpg");
        assert!(dimensions(fixture).is_some_and(|(w, h)| w * h > 0));
        assert_eq!(problem(fixture), None);
    }

    proptest::proptest! {
        /// Any bytes: no panic, and what is reported stays within reason.
        #[test]
        fn any_bytes_are_judged_without_panic(b in proptest::collection::vec(proptest::num::u8::ANY, 0..256)) {
            let _ = kind(&b);
            let _ = dimensions(&b);
            let _ = problem(&b);
        }

        /// Headers that start right and then go wrong (truncated or garbled
        /// segments) are the likely attack: still no panic.
        #[test]
        fn garbled_headers_after_a_real_start(
            start in proptest::sample::select(vec![
                vec![0xFFu8, 0xD8, 0xFF],
                b"\x89PNG\r\n\x1a\n".to_vec(),
                b"RIFF\0\0\0\0WEBPVP8X".to_vec(),
                b"RIFF\0\0\0\0WEBPVP8 ".to_vec(),
                b"RIFF\0\0\0\0WEBPVP8L".to_vec(),
            ]),
            rest in proptest::collection::vec(proptest::num::u8::ANY, 0..64),
        ) {
            let mut b = start;
            b.extend(rest);
            let _ = problem(&b);
        }

        /// A PNG's size is read back exactly.
        #[test]
        fn png_sizes_round_trip(w in 1u32..100_000, h in 1u32..100_000) {
            proptest::prop_assert_eq!(dimensions(&png(w, h)), Some((w, h)));
        }
    }
}
