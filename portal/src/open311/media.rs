//! Photos: checked by content, limited in bytes and pixels, turned upright,
//! downscaled and re-encoded so that no EXIF, XMP or GPS data survives, and
//! stored under generated names.

use std::path::Path;

use axum::extract::{Path as UrlPath, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use object_store::ObjectStoreExt as _;

use crate::config::PhotoStore;
use crate::AppState;

// Checking and cleaning live in muc-photo, shared with the app.
pub use muc_photo::{PhotoError as MediaError, MAX_BYTES as MAX_PHOTO_BYTES, MAX_PER_REPORT as MAX_PHOTOS};
/// A whole POST: every photo plus the form.
pub const MAX_BODY: usize = MAX_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024;
/// Pixels and longest edge the portal takes (a bomb is refused from its header).
pub const LIMITS: muc_photo::Limits = muc_photo::PORTAL;

/// Checks and re-encodes a photo as a clean JPEG.
pub fn process(bytes: &[u8]) -> Result<Vec<u8>, MediaError> {
    muc_photo::clean(bytes, LIMITS)
}

/// How many photos are decoded at once: one per core. Each may hold up to
/// 25 MP × 4 bytes (100 MB) plus its input while it is decoded, so photo work
/// stays under about cores × 130 MB however many reports arrive; the rest
/// wait their turn.
pub fn slots() -> std::sync::Arc<tokio::sync::Semaphore> {
    let n = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    std::sync::Arc::new(tokio::sync::Semaphore::new(n))
}

/// The S3-compatible store of `--photo-store s3`, from the `--s3-…` settings
/// (checked by `Config::check`). Path-style addresses, as every S3-compatible
/// server answers them; plain http only where the check allowed it (loopback).
pub fn object_store(config: &crate::config::Config) -> Result<Objects, crate::BoxError> {
    use object_store::aws::AmazonS3Builder;
    let mut b = AmazonS3Builder::new()
        .with_bucket_name(config.s3_bucket.as_deref().ok_or("no S3 bucket")?)
        .with_region(&config.s3_region);
    if let Some(e) = &config.s3_endpoint {
        b = b.with_endpoint(e).with_allow_http(e.starts_with("http:"));
    }
    if let (Some(id), Some(secret)) = (&config.s3_access_key_id, &config.s3_secret_access_key) {
        b = b.with_access_key_id(id).with_secret_access_key(secret);
    }
    Ok(std::sync::Arc::new(b.build()?))
}

/// Where `--photo-store s3` keeps photos.
pub type Objects = std::sync::Arc<dyn object_store::ObjectStore>;

fn objects(st: &crate::Shared) -> Result<&Objects, crate::BoxError> {
    st.objects.as_ref().ok_or_else(|| "--photo-store s3 without an object store".into())
}

/// Stores a cleaned photo where the portal keeps photos (`--photo-store`);
/// returns its generated name.
pub async fn store(st: &crate::Shared, jpeg: Vec<u8>) -> Result<String, crate::BoxError> {
    let name = new_name()?;
    match st.photo_store {
        PhotoStore::Folder => {
            let (dir, n) = (st.media_dir.clone(), name.clone());
            tokio::task::spawn_blocking(move || write_file(&dir, &n, &jpeg)).await??;
        }
        PhotoStore::Database => {
            sqlx::query("INSERT INTO photos (name, jpeg, stored_at) VALUES ($1, $2, $3)")
                .bind(&name)
                .bind(jpeg)
                .bind(crate::now())
                .execute(&st.db)
                .await?;
        }
        PhotoStore::S3 => {
            objects(st)?.put(&object_store::path::Path::from(name.as_str()), jpeg.into()).await?;
        }
    }
    Ok(name)
}

/// Removes stored photos again (their report could not be stored).
pub async fn remove(st: &crate::Shared, names: &[String]) {
    for n in names.iter().filter(|n| valid_name(n)) {
        let gone = match st.photo_store {
            PhotoStore::Folder => tokio::fs::remove_file(st.media_dir.join(n)).await.map_err(crate::BoxError::from),
            PhotoStore::Database => sqlx::query("DELETE FROM photos WHERE name = $1")
                .bind(n)
                .execute(&st.db)
                .await
                .map(drop)
                .map_err(Into::into),
            PhotoStore::S3 => match objects(st) {
                Ok(o) => o.delete(&object_store::path::Path::from(n.as_str())).await.map_err(Into::into),
                Err(e) => Err(e),
            },
        };
        if let Err(e) = gone {
            tracing::warn!(error = %e, "photo of a report not stored could not be removed");
        }
    }
}

/// A stored photo's bytes, if there is one of that name.
async fn load(st: &crate::Shared, name: &str) -> Result<Option<Vec<u8>>, crate::BoxError> {
    match st.photo_store {
        PhotoStore::Folder => match tokio::fs::read(st.media_dir.join(name)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        },
        PhotoStore::Database => {
            Ok(sqlx::query_scalar("SELECT jpeg FROM photos WHERE name = $1").bind(name).fetch_optional(&st.db).await?)
        }
        PhotoStore::S3 => match objects(st)?.get(&object_store::path::Path::from(name)).await {
            Ok(got) => Ok(Some(got.bytes().await?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        },
    }
}

/// 128 random bits: a name nobody can guess.
fn new_name() -> std::io::Result<String> {
    let mut id = [0u8; 16];
    getrandom::getrandom(&mut id).map_err(std::io::Error::other)?;
    Ok(id.iter().map(|b| format!("{b:02x}")).collect::<String>() + ".jpg")
}

/// Written under a temporary name, synced, then renamed: a photo is whole
/// or absent, whatever happens to the portal meanwhile.
fn write_file(dir: &Path, name: &str, jpeg: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, jpeg)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, dir.join(name))
}

fn valid_name(name: &str) -> bool {
    name.len() == 36 && name.ends_with(".jpg") && name[..32].bytes().all(|b| b.is_ascii_hexdigit())
}

/// `GET /media/{name}`: only names this portal generated.
pub async fn serve(State(st): State<AppState>, UrlPath(name): UrlPath<String>) -> Response {
    if !valid_name(&name) {
        return crate::error::Error::NotFound("No such photo.".into()).into_response();
    }
    match load(&st, &name).await {
        Ok(Some(bytes)) => (
            [(header::CONTENT_TYPE, "image/jpeg"), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")],
            bytes,
        )
            .into_response(),
        Ok(None) => crate::error::Error::NotFound("No such photo.".into()).into_response(),
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
    fn names_are_ours_only() {
        assert!(valid_name("0123456789abcdef0123456789abcdef.jpg"));
        assert!(!valid_name("../../etc/passwd"));
        assert!(!valid_name("0123456789abcdef0123456789abcdeX.jpg"));
    }
}
