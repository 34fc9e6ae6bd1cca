//! Photos for reports, cleaned the same way on the device and on the portal:
//! recognised by their first bytes (never by name or declared type), refused
//! over the byte and pixel limits (read from the header, before decoding),
//! turned upright from their EXIF orientation, downscaled to a longest edge,
//! and re-encoded as a JPEG, so no EXIF, XMP or GPS data survives.
//!
//! The app cleans before a photo is stored in a draft or the outbox, so a
//! person's position never sits on the device or goes to a third-party
//! GeoReport server; the portal cleans again, because it cannot trust clients.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

// The limits are shared with the frontend (muc_wire::photo), which checks first.
pub use muc_wire::photo::{MAX_BYTES, MAX_PER_REPORT, MAX_PIXELS};

/// How far a photo may go: its pixel count (checked from the header before
/// anything is decoded, which also bounds the decoder's memory) and the
/// longest edge it is scaled down to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_pixels: u64,
    pub max_edge: u32,
}

/// The app, on the person's own photos (up to 40 MP, as phones take them):
/// enough to see a pothole on a big screen, small enough that five fit a
/// slow mobile upload.
pub const APP: Limits = Limits { max_pixels: MAX_PIXELS, max_edge: 2560 };
/// The portal, on what any client sends: the app sends at most 2560 px, so
/// 25 MP leaves room for other GeoReport clients while a decompression bomb
/// (a small file that decodes to a huge image) is refused from its header.
pub const PORTAL: Limits = Limits { max_pixels: 25_000_000, max_edge: 2048 };
/// Kept for callers that name the edge.
pub const APP_MAX_EDGE: u32 = APP.max_edge;
/// JPEG quality of a cleaned photo.
const QUALITY: u8 = 88;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoError {
    TooLarge,
    NotAPhoto,
    TooManyPixels { width: u32, height: u32, max: u64 },
    Unreadable,
}

impl PhotoError {
    /// A sentence for the person, German or English.
    pub fn describe(&self, english: bool) -> String {
        let mb = MAX_BYTES / 1024 / 1024;
        match (self, english) {
            (PhotoError::TooLarge, false) => format!("Das Foto ist größer als {mb} MB."),
            (PhotoError::TooLarge, true) => format!("The photo is larger than {mb} MB."),
            (PhotoError::NotAPhoto, false) => {
                "Die Datei ist kein Foto. Bitte ein JPEG-, PNG- oder WebP-Bild senden.".into()
            }
            (PhotoError::NotAPhoto, true) => "The file is not a photo. Send a JPEG, PNG or WebP image.".into(),
            (PhotoError::TooManyPixels { width, height, max }, false) => {
                let mp = max / 1_000_000;
                format!("Das Foto hat {width} × {height} Bildpunkte; angenommen werden höchstens {mp} Megapixel.")
            }
            (PhotoError::TooManyPixels { width, height, max }, true) => {
                let mp = max / 1_000_000;
                format!("The photo has {width} × {height} pixels; at most {mp} megapixels are accepted.")
            }
            (PhotoError::Unreadable, false) => "Das Foto ist unlesbar, vielleicht beschädigt.".into(),
            (PhotoError::Unreadable, true) => "The photo could not be read. It may be damaged.".into(),
        }
    }
}

impl std::fmt::Display for PhotoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(true))
    }
}

impl std::error::Error for PhotoError {}

/// What the bytes are, by their first bytes.
pub fn sniff(b: &[u8]) -> Option<ImageFormat> {
    use muc_wire::photo::Kind;
    Some(match muc_wire::photo::kind(b)? {
        Kind::Jpeg => ImageFormat::Jpeg,
        Kind::Png => ImageFormat::Png,
        Kind::Webp => ImageFormat::WebP,
    })
}

/// Checks a photo and re-encodes it as a clean, upright JPEG within `limits`.
pub fn clean(bytes: &[u8], limits: Limits) -> Result<Vec<u8>, PhotoError> {
    let Limits { max_pixels, max_edge } = limits;
    if bytes.len() > MAX_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let format = sniff(bytes).ok_or(PhotoError::NotAPhoto)?;
    let reader = || {
        let mut r = ImageReader::with_format(Cursor::new(bytes), format);
        // The pixel cap below bounds the decoded image (pixels × 4 bytes);
        // this bounds whatever else a decoder might try to allocate.
        let mut l = image::Limits::default();
        l.max_alloc = Some(max_pixels * 4 + 16 * 1024 * 1024);
        r.limits(l);
        r
    };
    // Dimensions come from the header alone: refuse before decoding anything.
    let (width, height) = reader().into_dimensions().map_err(|_| PhotoError::Unreadable)?;
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(PhotoError::TooManyPixels { width, height, max: max_pixels });
    }
    let mut decoder = reader().into_decoder().map_err(|_| PhotoError::Unreadable)?;
    let orientation = decoder.orientation().map_err(|_| PhotoError::Unreadable)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| PhotoError::Unreadable)?;
    img.apply_orientation(orientation);
    if img.width().max(img.height()) > max_edge {
        img = img.resize(max_edge, max_edge, image::imageops::FilterType::Lanczos3);
    }
    let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, QUALITY)
        .encode_image(&rgb)
        .map_err(|_| PhotoError::Unreadable)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &[u8] = include_bytes!("../../../portal/tests/fixtures/street-light.jpg");

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(ImageFormat::Jpeg));
        assert_eq!(sniff(b"%PDF-1.4"), None);
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(ImageFormat::WebP));
    }

    #[test]
    fn metadata_goes_and_the_photo_stands_upright() {
        assert!(FIXTURE.windows(4).any(|w| w == b"Exif"), "the fixture carries EXIF with GPS");
        let clean = clean(FIXTURE, APP).expect("cleaned");
        assert!(!clean.windows(4).any(|w| w == b"Exif"), "no EXIF");
        assert!(!clean.windows(4).any(|w| w == b"http"), "no XMP");
        let img = image::load_from_memory(&clean).expect("a JPEG");
        assert_eq!((img.width(), img.height()), (480, 640), "orientation 6 applied");
    }

    #[test]
    fn long_edges_are_scaled_down() {
        let big = DynamicImage::new_rgb8(4000, 1000);
        let mut png = Vec::new();
        big.write_to(&mut Cursor::new(&mut png), ImageFormat::Png).expect("png");
        let out = image::load_from_memory(&clean(&png, APP).expect("cleaned")).expect("jpeg");
        assert_eq!((out.width(), out.height()), (2560, 640));
    }

    #[test]
    fn bad_photos_are_named() {
        assert_eq!(clean(b"%PDF-1.4 not a photo", APP), Err(PhotoError::NotAPhoto));
        assert_eq!(clean(&FIXTURE[..200], APP), Err(PhotoError::Unreadable));
        let mut huge = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        huge.extend(20_000u32.to_be_bytes());
        huge.extend(20_000u32.to_be_bytes());
        // Bit depth, colour type etc., then the chunk's CRC-32.
        huge.extend([8, 2, 0, 0, 0, 108, 18, 209, 110]);
        // The start of an image-data chunk (the pixels never come), the end.
        huge.extend([0, 0, 0, 4, 73, 68, 65, 84, 120, 156, 0, 0, 176, 161, 46, 224]);
        huge.extend([0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130]);
        assert_eq!(
            clean(&huge, APP),
            Err(PhotoError::TooManyPixels { width: 20_000, height: 20_000, max: MAX_PIXELS })
        );
    }
}
