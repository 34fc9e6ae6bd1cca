//! A typed client for the portal: OGC API – Features for hotspots, the
//! portal's JSON API for the capacity finders, and (in `open311`) GeoReport v2
//! for reports, against our portal or any other Open311 server.

use std::time::Duration;

use muc_wire::finders::FinderCatalogue;
use muc_wire::hotspots::{HotspotCollection, Site, COLLECTION_ID};
use muc_wire::ipc::ReportCategory;
use muc_wire::open311::Endpoint;
use muc_wire::open_data::OpenData;
use muc_wire::personal::{LevelNeeded, Me, TrustLevel};
use muc_wire::ApiError;

pub mod notifications;
pub mod oidc;
pub mod open311;
pub use open311::{DiscoveryError, Open311Client};

/// Page size used when fetching a whole collection.
const PAGE_SIZE: u32 = 500;
/// Guards against a server whose `next` links never end.
const MAX_PAGES: usize = 1000;

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// No answer: connection refused, DNS, connection dropped mid-body.
    #[error("portal unreachable: {0}")]
    Unreachable(String),
    /// The request did not finish in its time (a slow link, a large upload).
    #[error("timed out: {0}")]
    TimedOut(String),
    /// The portal answered with an error status.
    #[error("portal answered {status}: {code}: {description}")]
    Status { status: u16, code: String, description: String },
    /// The portal answered 2xx but the body is not what the API promises.
    #[error("unexpected answer from portal: {0}")]
    Invalid(String),
    /// Signed in, but below the trust level the route needs: a new sign-in
    /// at `needed` helps (the portal's 403 `insufficient_user_authentication`).
    #[error("needs a sign-in at {}, signed in at {}", .needed.code(), .reached.code())]
    LevelNeeded { needed: TrustLevel, reached: TrustLevel },
}

impl From<reqwest::Error> for ClientError {
    fn from(e: reqwest::Error) -> Self {
        // We parse bodies ourselves (serde_json), so every reqwest error is
        // about transport: connect, timeout, or a body cut off because the
        // portal went away mid-answer (which reqwest calls "decoding").
        if e.is_timeout() {
            ClientError::TimedOut(e.to_string())
        } else {
            ClientError::Unreachable(e.to_string())
        }
    }
}

/// The answer to a conditional catalogue request.
#[derive(Debug, Clone, PartialEq)]
pub enum Catalogue {
    /// The copy the client has (its ETag matched) is still current.
    NotModified,
    Fresh {
        catalogue: FinderCatalogue,
        etag: String,
    },
}

#[derive(Debug, Clone)]
pub struct PortalClient {
    base: String,
    pub(crate) http: reqwest::Client,
    pub(crate) upload: UploadTiming,
}

/// How long a report upload may take: a base, plus its size at a slow
/// mobile rate, at most a cap. The portal's upload timeout is the same cap
/// (`muc_wire::open311::UPLOAD_TIMEOUT_SECS`), so the two agree.
#[derive(Debug, Clone, Copy)]
pub struct UploadTiming {
    pub base: Duration,
    /// Bytes per second the slowest link we plan for carries (256 kbit/s).
    pub bytes_per_sec: u64,
}

impl Default for UploadTiming {
    fn default() -> Self {
        Self { base: Duration::from_secs(30), bytes_per_sec: 32 * 1024 }
    }
}

impl UploadTiming {
    pub fn for_bytes(&self, bytes: u64) -> Duration {
        let cap = Duration::from_secs(muc_wire::open311::UPLOAD_TIMEOUT_SECS);
        (self.base + Duration::from_secs(bytes / self.bytes_per_sec.max(1))).min(cap)
    }
}

impl PortalClient {
    /// `base` is the portal's root URL, e.g. `http://127.0.0.1:8080`.
    pub fn new(base: &str) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(20))
            // Idle connections are let go before a server lets them go (the
            // portal closes a connection whose next request does not come
            // within 10 s), so a request never goes out on a closing one.
            .pool_idle_timeout(Duration::from_secs(5))
            .user_agent(concat!("muenchen-app/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ClientError::Invalid(e.to_string()))?;
        Ok(Self { base: base.trim_end_matches('/').to_string(), http, upload: UploadTiming::default() })
    }

    /// The same client with other upload timing (tests use a short one).
    pub fn with_upload_timing(mut self, upload: UploadTiming) -> Self {
        self.upload = upload;
        self
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// Every hotspot site, following `next` links page by page.
    pub async fn all_hotspots(&self) -> Result<Vec<Site>, ClientError> {
        let mut url = format!("{}/collections/{COLLECTION_ID}/items?limit={PAGE_SIZE}", self.base);
        let mut sites = Vec::new();
        for _ in 0..MAX_PAGES {
            let page: HotspotCollection = self.get_json(&url).await?;
            let expected = page.number_matched as usize;
            let next = page.next_link().map(str::to_string);
            sites.extend(page.features.into_iter().map(Site::from));
            match next {
                Some(n) => url = n,
                None if sites.len() == expected => return Ok(sites),
                None => {
                    return Err(ClientError::Invalid(format!("got {} sites, portal announced {expected}", sites.len())))
                }
            }
        }
        Err(ClientError::Invalid("too many pages".into()))
    }

    /// The `limit` sites nearest to a point, each with its distance.
    pub async fn nearest_hotspots(&self, lon: f64, lat: f64, limit: u32) -> Result<HotspotCollection, ClientError> {
        let url = format!("{}/collections/{COLLECTION_ID}/items?near={lon},{lat}&limit={limit}", self.base);
        self.get_json(&url).await
    }

    /// The capacity-finder catalogue; with the ETag of a stored copy, only if it changed.
    pub async fn finders(&self, etag: Option<&str>) -> Result<Catalogue, ClientError> {
        let mut req =
            self.http.get(format!("{}/finders", self.base)).header(reqwest::header::ACCEPT, "application/json");
        if let Some(e) = etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, e);
        }
        let resp = req.send().await?;
        if resp.status() == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Catalogue::NotModified);
        }
        let etag =
            resp.headers().get(reqwest::header::ETAG).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
        let catalogue = Self::read_json(resp).await?;
        Ok(Catalogue::Fresh { catalogue, etag })
    }

    /// Everything the app shows from open data, in one dated copy (for the
    /// app's package): sites, finder catalogue, report categories.
    pub async fn open_data(&self, api_key: &str, now: i64) -> Result<OpenData, ClientError> {
        let sites = self.all_hotspots().await?;
        let Catalogue::Fresh { catalogue, etag } = self.finders(None).await? else {
            return Err(ClientError::Invalid("304 to a request without an ETag".into()));
        };
        let categories = crate::open311::Open311Client::new(self, self.default_endpoint(api_key))
            .report_categories()
            .await?
            .into_iter()
            .map(|(service, definition)| ReportCategory { service, definition })
            .collect();
        Ok(OpenData { made_at: now, sites, finders: catalogue.finders, finders_etag: etag, categories })
    }

    /// Our portal's own GeoReport v2 endpoint, the app's default.
    pub fn default_endpoint(&self, api_key: &str) -> Endpoint {
        Endpoint {
            url: format!("{}/open311/v2", self.base),
            jurisdiction_id: None,
            api_key: api_key.into(),
            discovery_url: None,
            contact: None,
        }
    }

    /// The portal's description of sign-in (RFC 9728): its providers by
    /// name with their trust levels, and the level each personal route needs.
    pub async fn resource_metadata(&self) -> Result<muc_wire::personal::ResourceMetadata, ClientError> {
        self.get_json(&format!("{}/.well-known/oauth-protected-resource", self.base)).await
    }

    /// `GET /me`: whom `bearer` signs in, and at which trust level.
    pub async fn me(&self, bearer: &str) -> Result<Me, ClientError> {
        let resp = self.http.get(format!("{}/me", self.base)).bearer_auth(bearer).send().await?;
        Self::read_json(resp).await
    }

    /// `GET /me/export`: everything the portal holds about the person, as
    /// the portal wrote it (a JSON file, kept as it came), after a check
    /// that it is one.
    pub async fn my_data(&self, bearer: &str) -> Result<Vec<u8>, ClientError> {
        let resp = self.http.get(format!("{}/me/export", self.base)).bearer_auth(bearer).send().await?;
        let status = resp.status();
        let body = resp.bytes().await?;
        if !status.is_success() {
            return Err(Self::error_of(status.as_u16(), &body));
        }
        serde_json::from_slice::<muc_wire::personal::MyData>(&body).map_err(|e| ClientError::Invalid(e.to_string()))?;
        Ok(body.to_vec())
    }

    /// `DELETE /me`: deletes the account; its reports stay without the person.
    pub async fn delete_account(&self, bearer: &str) -> Result<muc_wire::personal::AccountDeleted, ClientError> {
        let resp = self.http.delete(format!("{}/me", self.base)).bearer_auth(bearer).send().await?;
        Self::read_json(resp).await
    }

    /// `GET /me/favourites`: the account's favourites.
    pub async fn favourites(&self, bearer: &str) -> Result<muc_wire::personal::FavouriteList, ClientError> {
        let resp = self.http.get(format!("{}/me/favourites", self.base)).bearer_auth(bearer).send().await?;
        Self::read_json(resp).await
    }

    /// `POST /me/favourites/changes`: a device's changes, in order; the
    /// account's favourites afterwards.
    pub async fn change_favourites(
        &self,
        bearer: &str,
        changes: &muc_wire::personal::FavouriteChanges,
    ) -> Result<muc_wire::personal::FavouriteList, ClientError> {
        let resp = self
            .http
            .post(format!("{}/me/favourites/changes", self.base))
            .bearer_auth(bearer)
            .json(changes)
            .send()
            .await?;
        Self::read_json(resp).await
    }

    /// `GET /me/profile`: the profile, its consent, the text to consent to.
    pub async fn profile(&self, bearer: &str) -> Result<muc_wire::personal::MyProfile, ClientError> {
        let resp = self.http.get(format!("{}/me/profile", self.base)).bearer_auth(bearer).send().await?;
        Self::read_json(resp).await
    }

    /// `PUT /me/profile`: kept only with the profile consent in force.
    pub async fn put_profile(
        &self,
        bearer: &str,
        profile: &muc_wire::personal::Profile,
    ) -> Result<muc_wire::personal::MyProfile, ClientError> {
        let resp = self.http.put(format!("{}/me/profile", self.base)).bearer_auth(bearer).json(profile).send().await?;
        Self::read_json(resp).await
    }

    /// `POST /me/consents`: give or revoke a consent.
    pub async fn change_consent(
        &self,
        bearer: &str,
        change: &muc_wire::personal::ConsentChange,
    ) -> Result<muc_wire::personal::Consents, ClientError> {
        let resp = self.http.post(format!("{}/me/consents", self.base)).bearer_auth(bearer).json(change).send().await?;
        Self::read_json(resp).await
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, ClientError> {
        let resp =
            self.http.get(url).header(reqwest::header::ACCEPT, "application/geo+json, application/json").send().await?;
        Self::read_json(resp).await
    }

    pub(crate) async fn read_json<T: serde::de::DeserializeOwned>(resp: reqwest::Response) -> Result<T, ClientError> {
        let status = resp.status();
        // Read the whole body first: a portal that dies mid-body is
        // "unreachable", not "invalid".
        let body = resp.bytes().await?;
        if !status.is_success() {
            return Err(Self::error_of(status.as_u16(), &body));
        }
        serde_json::from_slice(&body).map_err(|e| ClientError::Invalid(e.to_string()))
    }

    /// The portal's error answer: a trust level too low, or its `ApiError`.
    pub(crate) fn error_of(status: u16, body: &[u8]) -> ClientError {
        if status == 403 {
            if let Ok(l) = serde_json::from_slice::<LevelNeeded>(body) {
                return ClientError::LevelNeeded { needed: l.needed, reached: l.reached };
            }
        }
        let err: ApiError = serde_json::from_slice(body).unwrap_or(ApiError {
            code: "unknown".into(),
            description: String::from_utf8_lossy(body).chars().take(200).collect(),
        });
        ClientError::Status { status, code: err.code, description: err.description }
    }
}
