//! Where reports go: a GeoReport v2 endpoint, by default our portal's, or
//! any Open311 server the person (or a Bürger-Lab's set-up) points the app at
//! by its discovery URL. The choice is kept on disk; a new one is checked
//! (discovery read, endpoint answering) before it replaces the old.

use std::path::Path;
use std::sync::RwLock;

use muc_portal_client::{DiscoveryError, Open311Client, PortalClient};
use muc_wire::ipc::{AppError, EndpointInfo, ErrorKind, SetEndpointArgs};
use muc_wire::open311::Endpoint;

use crate::cache::JsonFile;

/// The stored choice; None: the default (which follows the portal setting).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Chosen {
    endpoint: Option<Endpoint>,
}

pub struct Endpoints {
    portal: PortalClient,
    default: Endpoint,
    file: JsonFile<Chosen>,
    chosen: RwLock<Option<Endpoint>>,
    /// The person's language, asked of the servers reports go to.
    language: RwLock<String>,
}

impl Endpoints {
    pub fn load(portal: &PortalClient, data_dir: &Path, default_api_key: &str) -> Self {
        let default = portal.default_endpoint(default_api_key);
        let file = JsonFile::new(data_dir.join("open311-endpoint.json"), 1);
        let chosen = file.load().and_then(|c: Chosen| c.endpoint);
        Self { portal: portal.clone(), default, file, chosen: RwLock::new(chosen), language: RwLock::new("de".into()) }
    }

    /// Reports (and their refusals) from now on in this language.
    pub fn speak(&self, language: &str) {
        if let Ok(mut l) = self.language.write() {
            *l = language.to_string();
        }
    }

    /// The built-in default endpoint's address (the city's portal).
    pub fn default_url(&self) -> String {
        self.default.url.clone()
    }

    /// The server chosen by discovery; None: the default.
    pub fn chosen(&self) -> Option<Endpoint> {
        self.chosen.read().ok().and_then(|c| c.clone())
    }

    /// The endpoint new reports go to.
    pub fn current(&self) -> Endpoint {
        self.chosen().unwrap_or_else(|| self.default.clone())
    }

    pub fn client(&self) -> Open311Client {
        self.client_for(self.chosen().as_ref())
    }

    /// A client for the endpoint a stored report names (None: the default).
    pub fn client_for(&self, endpoint: Option<&Endpoint>) -> Open311Client {
        let client = Open311Client::new(&self.portal, endpoint.unwrap_or(&self.default).clone());
        match self.language.read() {
            Ok(l) => client.speaking(&l),
            Err(_) => client,
        }
    }

    pub fn info(&self) -> EndpointInfo {
        let chosen = self.chosen();
        let e = self.current();
        EndpointInfo { is_default: chosen.is_none(), url: e.url, discovery_url: e.discovery_url, contact: e.contact }
    }

    /// Back to the default server at once (kiosk session end).
    pub fn reset(&self) -> std::io::Result<()> {
        self.file.remove()?;
        if let Ok(mut cur) = self.chosen.write() {
            *cur = None;
        }
        Ok(())
    }

    /// Points the app at another server (checked first), or back at the default.
    pub async fn set(&self, args: SetEndpointArgs) -> Result<EndpointInfo, AppError> {
        let next = match args.discovery_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            None => None,
            Some(url) => {
                let key = args.api_key.filter(|k| !k.trim().is_empty()).unwrap_or_else(|| self.default.api_key.clone());
                let jurisdiction = args.jurisdiction_id.filter(|j| !j.trim().is_empty());
                let found = Open311Client::discover(&self.portal, url, key.trim(), jurisdiction)
                    .await
                    .map_err(discovery_error)?;
                Some(found.endpoint().clone())
            }
        };
        self.file
            .store(&Chosen { endpoint: next.clone() })
            .map_err(|e| AppError::new(ErrorKind::Storage, e.to_string()))?;
        tracing::info!(url = ?next.as_ref().map(|e| &e.url), "report endpoint set");
        if let Ok(mut cur) = self.chosen.write() {
            *cur = next;
        }
        Ok(self.info())
    }
}

fn discovery_error(e: DiscoveryError) -> AppError {
    match e {
        DiscoveryError::Insecure(u) => AppError::new(ErrorKind::InsecureAddress, u),
        DiscoveryError::NotOpen311(why) => AppError::new(ErrorKind::NotOpen311, why),
        DiscoveryError::Client(c) => crate::errors::from_client(&c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn another_server_by_discovery_then_back() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(tmp.path().join("a")).expect("a");
        std::fs::create_dir_all(tmp.path().join("b")).expect("b");
        let (ours, _s1, _t1) = crate::test_portal(&tmp.path().join("a")).await;
        let (other, _s2, _t2) = crate::test_portal(&tmp.path().join("b")).await;
        let portal = PortalClient::new(&ours).expect("client");
        let eps = Endpoints::load(&portal, tmp.path(), "muenchen-app");
        assert!(eps.info().is_default);
        assert_eq!(eps.current().url, format!("{ours}/open311/v2"));

        let info = eps
            .set(SetEndpointArgs {
                discovery_url: Some(format!("{other}/open311/v2/discovery.json")),
                ..Default::default()
            })
            .await
            .expect("discovered");
        assert!(!info.is_default);
        assert_eq!(info.url, format!("{other}/open311/v2"));
        assert!(info.contact.as_deref().is_some_and(|c| c.contains("München")), "{info:?}");
        // Kept across a restart.
        let again = Endpoints::load(&portal, tmp.path(), "muenchen-app");
        assert_eq!(again.current().url, format!("{other}/open311/v2"));
        assert_eq!(again.client().report_categories().await.expect("categories").len(), 8);

        // A report written now goes to the other server, and is followed there
        // even after the app is pointed back at the default.
        let outbox = crate::outbox::Outbox::new(tmp.path());
        let drafts = crate::drafts::Drafts::new(tmp.path());
        let report = muc_wire::open311::OutgoingReport::new("graffiti")
            .at(48.1427, 11.5775)
            .answer("flaeche", "kasten")
            .describe("an den anderen Server");
        let args = muc_wire::ipc::SubmitReportArgs { report, photos: Vec::new(), draft_id: None };
        crate::reports::submit(&outbox, &drafts, &again, &crate::login::Login::not_configured(), args, 1)
            .await
            .expect("sent");
        let count = |base: String| async move {
            let v: Vec<serde_json::Value> = reqwest::get(format!("{base}/open311/v2/requests.json"))
                .await
                .expect("get")
                .json()
                .await
                .expect("json");
            v.len()
        };
        assert_eq!((count(other.clone()).await, count(ours.clone()).await), (1, 0));

        // Bad addresses are refused with a reason, and the last good setting stays.
        let try_url = |u: String| SetEndpointArgs { discovery_url: Some(u), ..Default::default() };
        let insecure = eps.set(try_url("http://open311.example/discovery.json".into())).await;
        assert!(matches!(insecure, Err(e) if e.kind == ErrorKind::InsecureAddress));
        let not_open311 = eps.set(try_url(format!("{other}/"))).await;
        assert!(matches!(not_open311, Err(e) if e.kind == ErrorKind::NotOpen311));
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("b").local_addr().expect("a").port();
        let gone = eps.set(try_url(format!("http://127.0.0.1:{port}/discovery.json"))).await;
        assert!(matches!(gone, Err(e) if e.kind == ErrorKind::PortalUnreachable));
        assert_eq!(eps.current().url, format!("{other}/open311/v2"));

        assert!(eps.set(SetEndpointArgs::default()).await.expect("default").is_default);
        let mine = crate::reports::mine(
            &outbox,
            &crate::follows::Follows::new(tmp.path()),
            &eps,
            &crate::login::Login::not_configured(),
            2,
        )
        .await;
        assert_eq!(mine[0].remote.as_ref().map(|r| r.status.as_str()), Some("open"), "status from the other server");
        assert!(Endpoints::load(&portal, tmp.path(), "muenchen-app").info().is_default);
    }
}
