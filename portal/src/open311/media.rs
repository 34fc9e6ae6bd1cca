//! Photos: checked by content, limited in bytes and pixels, turned upright,
//! downscaled and re-encoded so that no EXIF, XMP or GPS data survives, and
//! stored under generated names.

use std::io::Cursor;
use std::path::Path;

use axum::extract::{Path as UrlPath, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::AppState;

// The limits are shared with the app (muc_wire::photo), which checks first.
pub use muc_wire::photo::{MAX_BYTES as MAX_PHOTO_BYTES, MAX_PER_REPORT as MAX_PHOTOS, MAX_PIXELS};
/// A whole POST: every photo plus the form.
pub const MAX_BODY: usize = MAX_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024;
/// Longest edge after downscaling: plenty to see a pothole, small to store.
pub const MAX_EDGE: u32 = 2048;

#[derive(Debug, PartialEq, Eq)]
pub enum MediaError {
    TooLarge,
    NotAPhoto,
    TooManyPixels { width: u32, height: u32 },
    Unreadable,
}

impl MediaError {
    pub fn describe(&self, english: bool) -> String {
        let mb = MAX_PHOTO_BYTES / 1024 / 1024;
        let mp = MAX_PIXELS / 1_000_000;
        match (self, english) {
            (MediaError::TooLarge, false) => format!("Das Foto ist größer als {mb} MB."),
            (MediaError::TooLarge, true) => format!("The photo is larger than {mb} MB."),
            (MediaError::NotAPhoto, false) => {
                "Die Datei ist kein Foto. Bitte ein JPEG-, PNG- oder WebP-Bild senden.".into()
            }
            (MediaError::NotAPhoto, true) => "The file is not a photo. Send a JPEG, PNG or WebP image.".into(),
            (MediaError::TooManyPixels { width, height }, false) => {
                format!("Das Foto hat {width} × {height} Bildpunkte; angenommen werden höchstens {mp} Megapixel.")
            }
            (MediaError::TooManyPixels { width, height }, true) => {
                format!("The photo has {width} × {height} pixels; at most {mp} megapixels are accepted.")
            }
            (MediaError::Unreadable, false) => "Das Foto ist unlesbar, vielleicht beschädigt.".into(),
            (MediaError::Unreadable, true) => "The photo could not be read. It may be damaged.".into(),
        }
    }
}

/// What the bytes are, by their first bytes (the file name and the declared
/// type are not trusted).
pub fn sniff(b: &[u8]) -> Option<ImageFormat> {
    use muc_wire::photo::Kind;
    Some(match muc_wire::photo::kind(b)? {
        Kind::Jpeg => ImageFormat::Jpeg,
        Kind::Png => ImageFormat::Png,
        Kind::Webp => ImageFormat::WebP,
    })
}

/// Checks and re-encodes a photo as a clean JPEG.
pub fn process(bytes: &[u8]) -> Result<Vec<u8>, MediaError> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(MediaError::TooLarge);
    }
    let format = sniff(bytes).ok_or(MediaError::NotAPhoto)?;
    let reader = || {
        let mut r = ImageReader::with_format(Cursor::new(bytes), format);
        let mut limits = Limits::default();
        limits.max_alloc = Some(512 * 1024 * 1024);
        r.limits(limits);
        r
    };
    // Dimensions come from the header alone: refuse before decoding anything.
    let (width, height) = reader().into_dimensions().map_err(|_| MediaError::Unreadable)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(MediaError::TooManyPixels { width, height });
    }
    let mut decoder = reader().into_decoder().map_err(|_| MediaError::Unreadable)?;
    let orientation = decoder.orientation().map_err(|_| MediaError::Unreadable)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| MediaError::Unreadable)?;
    img.apply_orientation(orientation);
    if img.width().max(img.height()) > MAX_EDGE {
        img = img.resize(MAX_EDGE, MAX_EDGE, image::imageops::FilterType::Lanczos3);
    }
    let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&rgb)
        .map_err(|_| MediaError::Unreadable)?;
    Ok(out)
}

/// Stores a processed photo under a random name; returns the name.
pub fn store(dir: &Path, jpeg: &[u8]) -> std::io::Result<String> {
    let mut id = [0u8; 16];
    getrandom::getrandom(&mut id).map_err(std::io::Error::other)?;
    let name: String = id.iter().map(|b| format!("{b:02x}")).collect::<String>() + ".jpg";
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, jpeg)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, dir.join(&name))?;
    Ok(name)
}

fn valid_name(name: &str) -> bool {
    name.len() == 36 && name.ends_with(".jpg") && name[..32].bytes().all(|b| b.is_ascii_hexdigit())
}

/// `GET /media/{name}`: only names this portal generated.
pub async fn serve(State(st): State<AppState>, UrlPath(name): UrlPath<String>) -> Response {
    if !valid_name(&name) {
        return crate::error::Error::NotFound("No such photo.".into()).into_response();
    }
    match tokio::fs::read(st.media_dir.join(&name)).await {
        Ok(bytes) => (
            [(header::CONTENT_TYPE, "image/jpeg"), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")],
            bytes,
        )
            .into_response(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            crate::error::Error::NotFound("No such photo.".into()).into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "reading a photo");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(ImageFormat::Jpeg));
        assert_eq!(sniff(b"%PDF-1.4"), None);
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(ImageFormat::WebP));
    }

    #[test]
    fn names_are_ours_only() {
        assert!(valid_name("0123456789abcdef0123456789abcdef.jpg"));
        assert!(!valid_name("../../etc/passwd"));
        assert!(!valid_name("0123456789abcdef0123456789abcdeX.jpg"));
    }
}
