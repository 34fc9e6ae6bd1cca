//! A GeoReport v2 client for any Open311 server (our portal, FixMyStreet,
//! Mark-a-Spot, …): the endpoint comes from a discovery document. Only the
//! spec and its common extensions are used; where a server ignores an
//! extension (a radius filter), the client does the work itself.

use muc_wire::geo::LonLat;
use muc_wire::open311::{
    acceptable_url, same_origin, CreatedRequest, Discovery, Endpoint, Open311Error, Service, ServiceDefinition,
    ServiceRequest,
};

use crate::{ClientError, PortalClient};

#[derive(Debug, Clone)]
pub struct Open311Client {
    endpoint: Endpoint,
    /// The configured portal's address: the only origin a citizen's
    /// access token is ever sent to.
    portal_base: String,
    http: reqwest::Client,
    upload: crate::UploadTiming,
    /// The person's language (a BCP 47 tag), asked for by Accept-Language:
    /// the server's refusals are then in words they read.
    language: Option<String>,
}

/// Why a discovery URL cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum DiscoveryError {
    #[error("not https (http only on this machine): {0}")]
    Insecure(String),
    #[error("no GeoReport v2 JSON endpoint: {0}")]
    NotOpen311(String),
    #[error(transparent)]
    Client(#[from] ClientError),
}

impl Open311Client {
    pub fn new(portal: &PortalClient, endpoint: Endpoint) -> Self {
        Self {
            endpoint,
            portal_base: portal.base().to_string(),
            http: portal.http.clone(),
            upload: portal.upload,
            language: None,
        }
    }

    /// Asks the server to answer in this language (Accept-Language, which
    /// any HTTP server may ignore; no GeoReport field is added).
    pub fn speaking(mut self, language: &str) -> Self {
        self.language = Some(language.to_string());
        self
    }

    fn in_language(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.language {
            Some(l) => req.header(reqwest::header::ACCEPT_LANGUAGE, l.as_str()),
            None => req,
        }
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Reads a discovery document and picks its GeoReport v2 JSON endpoint,
    /// then checks that the endpoint answers `services.json`.
    pub async fn discover(
        portal: &PortalClient,
        discovery_url: &str,
        api_key: &str,
        jurisdiction_id: Option<String>,
    ) -> Result<Open311Client, DiscoveryError> {
        let discovery_url = discovery_url.trim();
        if !acceptable_url(discovery_url) {
            return Err(DiscoveryError::Insecure(discovery_url.into()));
        }
        let resp = portal
            .http
            .get(discovery_url)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(ClientError::from)?;
        let status = resp.status();
        let body = resp.bytes().await.map_err(ClientError::from)?;
        if !status.is_success() {
            return Err(DiscoveryError::NotOpen311(format!("discovery answered {status}")));
        }
        let doc: Discovery = serde_json::from_slice(&body)
            .map_err(|e| DiscoveryError::NotOpen311(format!("not a discovery document: {e}")))?;
        let found =
            doc.georeport_v2().ok_or_else(|| DiscoveryError::NotOpen311("no GeoReport_v2 JSON endpoint".into()))?;
        let url = found.url.trim_end_matches('/').to_string();
        if !acceptable_url(&url) {
            return Err(DiscoveryError::Insecure(url));
        }
        let client = Open311Client {
            endpoint: Endpoint {
                url,
                jurisdiction_id,
                api_key: api_key.into(),
                discovery_url: Some(discovery_url.into()),
                contact: doc.contact.clone(),
            },
            portal_base: portal.base().to_string(),
            http: portal.http.clone(),
            upload: portal.upload,
            language: None,
        };
        // A server that lists an endpoint it does not serve is no use either.
        client
            .get_json::<Vec<Service>>(&client.url("services.json", &[]))
            .await
            .map_err(|e| DiscoveryError::NotOpen311(format!("services.json: {e}")))?;
        Ok(client)
    }

    /// `{endpoint}/{resource}?jurisdiction_id=…&…`
    fn url(&self, resource: &str, params: &[(&str, String)]) -> String {
        let mut url = format!("{}/{resource}", self.endpoint.url);
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if let Some(j) = &self.endpoint.jurisdiction_id {
            query.append_pair("jurisdiction_id", j);
        }
        for (k, v) in params {
            query.append_pair(k, v);
        }
        let q = query.finish();
        if !q.is_empty() {
            url.push('?');
            url.push_str(&q);
        }
        url
    }

    /// Report categories, with the form fields of each.
    pub async fn report_categories(&self) -> Result<Vec<(Service, ServiceDefinition)>, ClientError> {
        let services: Vec<Service> = self.get_json(&self.url("services.json", &[])).await?;
        let mut out = Vec::with_capacity(services.len());
        for s in services {
            let def = if s.metadata {
                self.get_json(&self.url(&format!("services/{}.json", s.service_code), &[])).await?
            } else {
                ServiceDefinition { service_code: s.service_code.clone(), attributes: Vec::new() }
            };
            out.push((s, def));
        }
        Ok(out)
    }

    /// The current state of reports by id (GeoReport `service_request_id` list).
    /// Asked with `Cache-Control: no-cache`: a person looking at their own
    /// reports wants the state of now, not an answer a cache kept (our portal
    /// keeps lists for up to two seconds; the city may just have changed one).
    pub async fn reports(&self, ids: &[String]) -> Result<Vec<ServiceRequest>, ClientError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let url = self.url("requests.json", &[("service_request_id", ids.join(","))]);
        read(
            self.http
                .get(url)
                .header(reqwest::header::ACCEPT, "application/json")
                .header(reqwest::header::CACHE_CONTROL, "no-cache")
                .send()
                .await?,
        )
        .await
    }

    /// Open reports of one category within `radius_m` of a point, nearest
    /// first. The radius is asked for (an extension) and checked here too, for
    /// servers that ignore it.
    pub async fn nearby_reports(
        &self,
        service_code: &str,
        lat: f64,
        lon: f64,
        radius_m: u32,
    ) -> Result<Vec<ServiceRequest>, ClientError> {
        let list: Vec<ServiceRequest> = self
            .get_json(&self.url(
                "requests.json",
                &[
                    ("service_code", service_code.into()),
                    ("status", "open".into()),
                    ("lat", lat.to_string()),
                    ("long", lon.to_string()),
                    ("radius", radius_m.to_string()),
                    ("page_size", "10".into()),
                ],
            ))
            .await?;
        Ok(nearest_open(list, service_code, LonLat::new(lon, lat), radius_m))
    }

    /// The signed-in citizen's reports, from any device (our portal's
    /// `account=me` extension, with their access token).
    pub async fn account_reports(&self, bearer: &str) -> Result<Vec<ServiceRequest>, ClientError> {
        let bearer = self
            .bearer_for(Some(bearer))
            .ok_or_else(|| ClientError::Invalid("the sign-in token goes only to the city's portal".into()))?;
        let url = self.url("requests.json", &[("account", "me".into()), ("page_size", "200".into())]);
        read(self.http.get(url).bearer_auth(bearer).header(reqwest::header::ACCEPT, "application/json").send().await?)
            .await
    }

    /// "I am affected too" on an open report (our portal's extension); the
    /// supporter id (one per device) makes a second call count once.
    pub async fn support(&self, id: &str, supporter: &str) -> Result<ServiceRequest, ClientError> {
        let mut form = vec![("api_key", self.endpoint.api_key.clone())];
        if let Some(j) = &self.endpoint.jurisdiction_id {
            form.push(("jurisdiction_id", j.clone()));
        }
        let resp = self
            .in_language(self.http.post(format!("{}/requests/{id}/support.json", self.endpoint.url)))
            .header("Idempotency-Key", supporter)
            .form(&form)
            .send()
            .await?;
        let mut list: Vec<ServiceRequest> = read(resp).await?;
        list.pop().ok_or_else(|| ClientError::Invalid("empty answer to support".into()))
    }

    /// Posts a report (multipart, its photos as `media` parts). The
    /// idempotency key makes a retry of the same report return the first answer.
    pub async fn post_report(
        &self,
        fields: &[(String, String)],
        photos: Vec<Vec<u8>>,
        idempotency_key: &str,
        bearer: Option<&str>,
    ) -> Result<CreatedRequest, ClientError> {
        // Its time grows with its size: a slow link must not cut off a big report.
        let size: usize = photos.iter().map(Vec::len).sum::<usize>()
            + fields.iter().map(|(k, v)| k.len() + v.len() + 100).sum::<usize>();
        let mut form = reqwest::multipart::Form::new().text("api_key", self.endpoint.api_key.clone());
        if let Some(j) = &self.endpoint.jurisdiction_id {
            form = form.text("jurisdiction_id", j.clone());
        }
        for (k, v) in fields {
            form = form.text(k.clone(), v.clone());
        }
        for bytes in photos {
            form = form.part("media", reqwest::multipart::Part::bytes(bytes).file_name("photo.jpg"));
        }
        let mut req = self
            .in_language(self.http.post(format!("{}/requests.json", self.endpoint.url)))
            .header("Idempotency-Key", idempotency_key);
        match self.bearer_for(bearer) {
            Some(t) => req = req.bearer_auth(t),
            // Anonymous: the proof of work, where the server asks for one.
            None => {
                if let Some(solution) = self.proof_of_work().await? {
                    form = form.text("altcha", solution);
                }
            }
        }
        let resp = req.timeout(self.upload.for_bytes(size as u64)).multipart(form).send().await?;
        let mut created: Vec<CreatedRequest> = read(resp).await?;
        created.pop().ok_or_else(|| ClientError::Invalid("empty answer to a report".into()))
    }

    /// Fetches and solves the server's ALTCHA challenge (our portal's
    /// extension, `challenge.json`); None where the server asks for none.
    /// The counting runs off the async threads. A challenge is used once, so
    /// each attempt to send solves a fresh one.
    async fn proof_of_work(&self) -> Result<Option<String>, ClientError> {
        let resp = self
            .http
            .get(self.url("challenge.json", &[]))
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await?;
        if resp.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        let challenge: altcha_lib_rs::Challenge = read(resp).await?;
        let started = std::time::Instant::now();
        let c = challenge.clone();
        let number = tokio::task::spawn_blocking(move || {
            altcha_lib_rs::solve_challenge(&c.challenge, &c.salt, Some(c.algorithm), Some(c.maxnumber), 0)
        })
        .await
        .map_err(|e| ClientError::Invalid(e.to_string()))?
        .map_err(|e| ClientError::Invalid(format!("proof of work not solved: {e}")))?;
        let payload = altcha_lib_rs::Payload {
            algorithm: challenge.algorithm,
            challenge: challenge.challenge,
            number,
            salt: challenge.salt,
            signature: challenge.signature,
            took: Some(started.elapsed().as_millis().min(u128::from(u32::MAX)) as u32),
        };
        let json = serde_json::to_vec(&payload).map_err(|e| ClientError::Invalid(e.to_string()))?;
        use base64::Engine;
        Ok(Some(base64::engine::general_purpose::STANDARD.encode(json)))
    }

    /// The token, if this endpoint is on the configured portal's origin
    /// (compared parsed: scheme, host and port); None for any other server.
    fn bearer_for<'t>(&self, bearer: Option<&'t str>) -> Option<&'t str> {
        // Another server (chosen by discovery, or an address that only looks
        // like the portal's): the report goes without the account.
        bearer.filter(|_| same_origin(&self.endpoint.url, &self.portal_base))
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, ClientError> {
        read(self.http.get(url).header(reqwest::header::ACCEPT, "application/json").send().await?).await
    }
}

/// Open reports of one category within `radius_m`, nearest first, at most
/// ten, whatever the server sent (servers may ignore the radius extension).
pub fn nearest_open(list: Vec<ServiceRequest>, service_code: &str, here: LonLat, radius_m: u32) -> Vec<ServiceRequest> {
    let mut near: Vec<(f64, ServiceRequest)> = list
        .into_iter()
        .filter(|r| r.status == "open" && r.service_code == service_code)
        .filter_map(|r| {
            let d = here.distance_m(&LonLat::new(r.long?, r.lat?));
            (d <= f64::from(radius_m)).then_some((d, r))
        })
        .collect();
    near.sort_by(|a, b| a.0.total_cmp(&b.0));
    near.into_iter().map(|(_, r)| r).take(10).collect()
}

/// The body of a GeoReport answer as `T`, or its error.
async fn read<T: serde::de::DeserializeOwned>(resp: reqwest::Response) -> Result<T, ClientError> {
    let status = resp.status();
    let body = resp.bytes().await?;
    if !status.is_success() {
        return Err(open311_error(status.as_u16(), &body));
    }
    serde_json::from_slice(&body).map_err(|e| ClientError::Invalid(e.to_string()))
}

/// GeoReport errors are `[{code, description}]`; anything else is shown cut short.
fn open311_error(status: u16, body: &[u8]) -> ClientError {
    let description = serde_json::from_slice::<Vec<Open311Error>>(body)
        .ok()
        .and_then(|v| v.into_iter().next())
        .map(|e| e.description)
        .unwrap_or_else(|| String::from_utf8_lossy(body).chars().take(200).collect());
    ClientError::Status { status, code: "open311".into(), description }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str, code: &str, status: &str, lat: f64, lon: f64) -> ServiceRequest {
        ServiceRequest {
            lat: Some(lat),
            long: Some(lon),
            ..ServiceRequest::new(id, code, status, "2026-11-28T10:00:00Z")
        }
    }

    #[test]
    fn the_token_goes_to_the_portals_origin_only() {
        let portal = PortalClient::new("http://127.0.0.1:8080").expect("client");
        let ours = Open311Client::new(&portal, portal.default_endpoint("k"));
        assert_eq!(ours.bearer_for(Some("t")), Some("t"));
        for other in [
            "http://127.0.0.1:8081/open311/v2",
            "https://127.0.0.1:8080/open311/v2",
            "http://evil.example\\@127.0.0.1:8080/open311/v2",
            "https://open311.example/v2",
        ] {
            let ep = Endpoint { url: other.into(), ..portal.default_endpoint("k") };
            assert_eq!(Open311Client::new(&portal, ep).bearer_for(Some("t")), None, "{other}");
        }
    }

    #[test]
    fn nearby_is_checked_here_for_servers_that_ignore_the_radius() {
        let marienplatz = LonLat::new(11.5755, 48.1374);
        // What a server without the radius extension sends: everything.
        let all = vec![
            report("far", "graffiti", "open", 48.1427, 11.5775), // Odeonsplatz, ~600 m
            report("near", "graffiti", "open", 48.1378, 11.5757), // ~50 m
            report("nearer", "graffiti", "open", 48.1375, 11.5755), // ~10 m
            report("closed", "graffiti", "closed", 48.1374, 11.5755),
            report("other", "muell", "open", 48.1374, 11.5755),
        ];
        let ids: Vec<String> =
            nearest_open(all, "graffiti", marienplatz, 150).into_iter().map(|r| r.service_request_id).collect();
        assert_eq!(ids, ["nearer", "near"]);
    }
}
