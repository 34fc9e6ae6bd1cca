//! RFC 3339 times as GeoReport writes them, through the `time` crate: these
//! strings come from servers and people, so no hand-written slicing.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// "2026-11-28T09:00:00Z", "…+01:00" or "…T09:00:00.123Z" → Unix seconds.
/// Anything else (also non-ASCII, out-of-range or truncated input) is None.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    OffsetDateTime::parse(s.trim(), &Rfc3339).ok().map(OffsetDateTime::unix_timestamp)
}

/// Unix seconds → "YYYY-MM-DDTHH:MM:SSZ" (UTC). Seconds outside the years
/// 0000–9999 (which RFC 3339 cannot write) are clamped to its ends.
pub fn rfc3339(secs: i64) -> String {
    // 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    let secs = secs.clamp(-62_167_219_200, 253_402_300_799);
    let t = OffsetDateTime::from_unix_timestamp(secs).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    t.format(&Rfc3339).unwrap_or_else(|_| "1970-01-01T00:00:00Z".into())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    #[test]
    fn formats_rfc3339() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(1_795_000_000), "2026-11-18T11:06:40Z");
        assert_eq!(super::rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(super::rfc3339(i64::MAX), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn parses_rfc3339_both_ways() {
        for t in [0, 951_782_400, 1_795_000_000, 4_102_444_800] {
            assert_eq!(super::parse_rfc3339(&super::rfc3339(t)), Some(t));
        }
        assert_eq!(super::parse_rfc3339("2026-11-18T12:06:40+01:00"), Some(1_795_000_000));
        assert_eq!(super::parse_rfc3339("2026-11-18T11:06:40.250Z"), Some(1_795_000_000));
        for bad in ["", "yesterday", "2026-13-01T00:00:00Z", "2026-11-18T11:06:40", "2026-11-18T11:06:40+0100"] {
            assert_eq!(super::parse_rfc3339(bad), None, "{bad}");
        }
    }

    /// Found in review: the hand-written parser sliced by byte index and
    /// panicked on a multi-byte character where a digit was expected.
    #[test]
    fn non_ascii_timestamps_are_refused_not_a_panic() {
        for bad in [
            "2026-11-18T11:06:4ä+01:00",
            "2026-11-18T11:06:40.5€",
            "2026-11-18T11:06:40+0ü:00",
            "２０２６-11-18T11:06:40Z",
        ] {
            assert_eq!(super::parse_rfc3339(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn any_string_parses_without_panic(s in "\\PC{0,40}") {
            let _ = super::parse_rfc3339(&s);
        }

        #[test]
        fn timestamp_like_strings_parse_without_panic(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,9})?(Z|[+-][0-9]{2}:[0-9]{2}|\\PC{0,3})") {
            let _ = super::parse_rfc3339(&s);
        }

        #[test]
        fn round_trips(t in -62_167_219_200i64..253_402_300_799) {
            prop_assert_eq!(super::parse_rfc3339(&super::rfc3339(t)), Some(t));
        }
    }
}
