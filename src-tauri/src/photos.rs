//! Photos are cleaned on the device before they are stored (drafts, outbox)
//! or sent: turned upright, scaled to a long edge of 2560 px, re-encoded
//! without EXIF, XMP or GPS (`muc-photo`, the same code the portal runs). So
//! a person's position never sits in the app's files, and a third-party
//! GeoReport server gets no more than the picture.
//!
//! A photo that was cleaned already (a draft's, a refused report's) is
//! cleaned again when it comes back: JPEG at the same quality and size
//! changes little on a second pass, and one path is simpler to trust.

use muc_wire::ipc::{AppError, ErrorKind};

/// Every photo cleaned, in order; the first that cannot be is named.
pub fn clean_all(photos: &[Vec<u8>]) -> Result<Vec<Vec<u8>>, AppError> {
    photos
        .iter()
        .enumerate()
        .map(|(n, bytes)| {
            muc_photo::clean(bytes, muc_photo::APP).map_err(|e| {
                AppError::new(
                    ErrorKind::Photo,
                    format!("Foto {}: {} / photo {}: {}", n + 1, e.describe(false), n + 1, e),
                )
            })
        })
        .collect()
}

/// The same, off the async runtime's threads (decoding takes a while).
pub async fn clean_all_blocking(photos: Vec<Vec<u8>>) -> Result<Vec<Vec<u8>>, AppError> {
    tokio::task::spawn_blocking(move || clean_all(&photos))
        .await
        .map_err(|e| AppError::new(ErrorKind::Photo, e.to_string()))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bad_photo_is_named() {
        let good = include_bytes!("../../portal/tests/fixtures/street-light.jpg").to_vec();
        let e = clean_all(&[good, b"%PDF-1.4".to_vec()]).expect_err("refused");
        assert_eq!(e.kind, ErrorKind::Photo);
        assert!(e.detail.starts_with("Foto 2: Die Datei ist kein Foto."), "{}", e.detail);
    }
}
