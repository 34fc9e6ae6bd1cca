//! "Anliegen melden" and "Meine Meldungen" for the app: the report
//! categories (kept for offline use), sending through the outbox, and the
//! portal's view of this device's reports.

use muc_wire::ipc::{AppError, DataSource, ErrorKind, MyReport, ReportCatalogue, ReportCategory, SubmitReportArgs};
use muc_wire::open311::{Delivery, ServiceRequest};
use serde::{Deserialize, Serialize};

use crate::cache::JsonFile;
use crate::drafts::Drafts;
use crate::endpoint::Endpoints;
use crate::errors::from_client;
use crate::follows::{Followed, Follows};
use crate::login::Login;
use crate::outbox::Outbox;

/// How far "nearby" reaches when checking for the same report.
pub const NEARBY_RADIUS_M: u32 = 150;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedCategories {
    pub fetched_at: i64,
    /// The endpoint they came from: another server's categories are not ours.
    #[serde(default)]
    pub endpoint_url: String,
    pub categories: Vec<ReportCategory>,
}

pub type CategoryCache = JsonFile<CachedCategories>;

pub fn category_cache(dir: &std::path::Path) -> CategoryCache {
    JsonFile::new(dir.join("report-categories.json"), 1)
}

pub async fn categories(
    endpoints: &Endpoints,
    cache: &CategoryCache,
    packaged: &crate::open_data::Packaged,
    now: i64,
) -> Result<ReportCatalogue, AppError> {
    let client = endpoints.client();
    let endpoint_url = client.endpoint().url.clone();
    match client.report_categories().await {
        Ok(list) => {
            let categories: Vec<ReportCategory> =
                list.into_iter().map(|(service, definition)| ReportCategory { service, definition }).collect();
            let copy = CachedCategories { fetched_at: now, endpoint_url, categories: categories.clone() };
            if let Err(e) = cache.store(&copy) {
                tracing::warn!(error = %e, "could not keep the report categories");
            }
            Ok(ReportCatalogue { categories, fetched_at: now, source: DataSource::Live })
        }
        // The package's copy holds the portal's own categories: for the default endpoint only.
        Err(e) => match cache
            .load()
            .filter(|c| c.endpoint_url == endpoint_url)
            .or_else(|| endpoints.chosen().is_none().then(|| packaged.categories(cache, &endpoint_url)).flatten())
        {
            Some(c) => Ok(ReportCatalogue {
                categories: c.categories,
                fetched_at: c.fetched_at,
                source: DataSource::Cache { reason: from_client(&e) },
            }),
            None => Err(from_client(&e)),
        },
    }
}

/// Keeps the report on disk first (and drops its draft: the outbox has it
/// now), then tries to send it at once.
pub async fn submit(
    outbox: &Outbox,
    drafts: &Drafts,
    endpoints: &Endpoints,
    login: &Login,
    args: SubmitReportArgs,
    now: i64,
) -> Result<MyReport, AppError> {
    // Signed in and reporting to the city's portal: the report is the account's too.
    // The token is asked once: it says whether the person is signed in, and
    // sends the report with it.
    let token = if endpoints.chosen().is_none() { login.access_token(now).await.ok().flatten() } else { None };
    let account = token.is_some();
    // Cleaned before anything is stored or sent: no EXIF or GPS on the device
    // or to any server, upright, at most 2560 px.
    let photos = crate::photos::clean_all_blocking(args.photos).await?;
    let entry = outbox
        .enqueue(args.report, &photos, endpoints.chosen(), account, now)
        .map_err(|e| AppError::new(ErrorKind::Storage, e.to_string()))?;
    if let Some(id) = args.draft_id {
        if let Err(e) = drafts.finish(&id) {
            tracing::warn!(%id, error = %e, "draft of a queued report not removed");
        }
    }
    outbox.send_due(endpoints, token.as_deref(), now).await;
    let mine = outbox.list().into_iter().find(|e| e.id == entry.id).unwrap_or(entry);
    Ok(MyReport {
        local_id: mine.id,
        created_at: mine.created_at,
        report: mine.report,
        delivery: mine.delivery,
        remote: None,
        followed: false,
        from_account: false,
        elsewhere: mine.endpoint.is_some(),
    })
}

/// "I am affected too": supports someone else's open report on its server
/// and follows it here. A server without the support extension still lets
/// the person follow the report.
pub async fn support(
    follows: &Follows,
    endpoints: &Endpoints,
    service_request_id: &str,
    now: i64,
) -> Result<(), AppError> {
    let storage = |e: std::io::Error| AppError::new(ErrorKind::Storage, e.to_string());
    let device = follows.device_id().map_err(storage)?;
    match endpoints.client().support(service_request_id, &device).await {
        Ok(_) => {}
        Err(muc_portal_client::ClientError::Status { status: 409, description, .. }) => {
            return Err(AppError::new(ErrorKind::PortalError, description));
        }
        Err(muc_portal_client::ClientError::Status { status, .. }) if (400..500).contains(&status) => {
            tracing::info!(status, "server has no support extension; following only");
        }
        Err(e) => return Err(crate::errors::from_client(&e)),
    }
    let followed = Followed { service_request_id: service_request_id.into(), endpoint: endpoints.chosen(), since: now };
    follows.follow(followed).map_err(storage)
}

/// This device's reports, newest first, with the portal's current status
/// where it answers (and without it, offline). The person asked: waiting
/// reports are tried now, whatever their backoff.
pub async fn mine(outbox: &Outbox, follows: &Follows, endpoints: &Endpoints, login: &Login, now: i64) -> Vec<MyReport> {
    statuses(outbox, follows, endpoints, login, now, true).await
}

/// Like [`mine`]; with `send_first` false it only asks (the background check
/// for notices must not skip the outbox's backoff).
pub async fn statuses(
    outbox: &Outbox,
    follows: &Follows,
    endpoints: &Endpoints,
    login: &Login,
    now: i64,
    send_first: bool,
) -> Vec<MyReport> {
    let token = login.access_token(now).await.unwrap_or_else(|e| {
        tracing::info!(error = %e, "no access token");
        None
    });
    if send_first {
        outbox.send_all_now(endpoints, token.as_deref(), now).await;
    }
    let entries = outbox.visible();
    let own: Vec<(Option<muc_wire::open311::Endpoint>, String)> = entries
        .iter()
        .filter_map(|e| match &e.delivery {
            Delivery::Sent { service_request_id, .. } => Some((e.endpoint.clone(), service_request_id.clone())),
            _ => None,
        })
        .collect();
    // Supported reports, unless they are this device's own.
    let followed: Vec<Followed> = follows
        .list()
        .into_iter()
        .filter(|f| !own.iter().any(|(ep, id)| ep == &f.endpoint && id == &f.service_request_id))
        .collect();
    // Asked of each server the reports went to, one request per server.
    let mut by_endpoint: Vec<(Option<muc_wire::open311::Endpoint>, Vec<String>)> = Vec::new();
    for (endpoint, id) in
        own.iter().cloned().chain(followed.iter().map(|f| (f.endpoint.clone(), f.service_request_id.clone())))
    {
        match by_endpoint.iter_mut().find(|(ep, _)| ep == &endpoint) {
            Some((_, ids)) => ids.push(id),
            None => by_endpoint.push((endpoint, vec![id])),
        }
    }
    let mut remote = Vec::new();
    for (endpoint, ids) in &by_endpoint {
        match endpoints.client_for(endpoint.as_ref()).reports(ids).await {
            Ok(list) => remote.extend(list.into_iter().map(|r| (endpoint.clone(), r))),
            Err(e) => tracing::info!(error = %e, "report status not refreshed"),
        }
    }
    let remote_of = |endpoint: &Option<muc_wire::open311::Endpoint>, id: &str| {
        remote.iter().find(|(ep, r)| ep == endpoint && r.service_request_id == id).map(|(_, r)| r.clone())
    };
    let mut out: Vec<MyReport> = entries
        .into_iter()
        .map(|e| {
            let r = match &e.delivery {
                Delivery::Sent { service_request_id, .. } => remote_of(&e.endpoint, service_request_id),
                _ => None,
            };
            MyReport {
                local_id: e.id,
                created_at: e.created_at,
                report: e.report,
                delivery: e.delivery,
                remote: r,
                followed: false,
                from_account: false,
                elsewhere: e.endpoint.is_some(),
            }
        })
        .collect();
    out.extend(followed.into_iter().map(|f| match remote_of(&f.endpoint, &f.service_request_id) {
        Some(r) => MyReport { created_at: f.since, elsewhere: f.endpoint.is_some(), ..from_remote(r, true, false) },
        // Not answered now: shown by its number until the server answers.
        None => MyReport {
            local_id: format!("follow-{}", f.service_request_id),
            created_at: f.since,
            report: muc_wire::open311::OutgoingReport::new(""),
            delivery: Delivery::Sent { service_request_id: f.service_request_id, token: None, sent_at: f.since },
            remote: None,
            followed: true,
            from_account: false,
            elsewhere: f.endpoint.is_some(),
        },
    }));
    // Signed in: the account's reports from other devices, too.
    if let Some(t) = &token {
        match endpoints.client_for(None).account_reports(t).await {
            Ok(list) => {
                for r in list {
                    let known = out.iter().any(|m| {
                        matches!(&m.delivery, Delivery::Sent { service_request_id, .. } if *service_request_id == r.service_request_id)
                    });
                    if !known {
                        out.push(from_remote(r, false, true));
                    }
                }
            }
            Err(e) => tracing::info!(error = %e, "the account's reports not fetched"),
        }
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.created_at));
    out
}

/// A report known only from the server (followed, or the account's from
/// another device), in the shape of "Meine Meldungen".
pub(crate) fn from_remote(r: ServiceRequest, followed: bool, from_account: bool) -> MyReport {
    let at = muc_wire::time::parse_rfc3339(&r.requested_datetime).unwrap_or(0);
    MyReport {
        local_id: format!("{}-{}", if followed { "follow" } else { "account" }, r.service_request_id),
        created_at: at,
        report: muc_wire::open311::OutgoingReport {
            lat: r.lat,
            lon: r.long,
            address: r.address.clone(),
            description: r.description.clone(),
            ..muc_wire::open311::OutgoingReport::new(&r.service_code)
        },
        delivery: Delivery::Sent { service_request_id: r.service_request_id.clone(), token: None, sent_at: at },
        remote: Some(r),
        followed,
        from_account,
        elsewhere: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn categories_offline_and_a_report_with_its_status() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, stop, task) = crate::test_portal(tmp.path()).await;
        let client =
            Endpoints::load(&muc_portal_client::PortalClient::new(&base).expect("client"), tmp.path(), "muenchen-app");
        let cache = category_cache(tmp.path());
        let live = categories(&client, &cache, &crate::open_data::Packaged::none(), 10).await.expect("categories");
        assert_eq!(live.categories.len(), 8);
        let light = live.categories.iter().find(|c| c.service.service_code == "strassenbeleuchtung").expect("light");
        assert!(light.definition.attributes.iter().any(|a| a.code == "art" && a.required));

        let outbox = Outbox::new(tmp.path());
        let report =
            muc_wire::open311::OutgoingReport::new("strassenbeleuchtung").at(48.1372, 11.5756).answer("art", "dunkel");
        let drafts = Drafts::new(tmp.path());
        let draft = muc_wire::ipc::Draft {
            id: "dddddddd-4".into(),
            service_code: "strassenbeleuchtung".into(),
            ..Default::default()
        };
        drafts.save(draft, None, 15).expect("draft");
        let args = SubmitReportArgs { report, photos: Vec::new(), draft_id: Some("dddddddd-4".into()) };
        let sent = submit(&outbox, &drafts, &client, &Login::not_configured(), args, 20).await.expect("submit");
        assert!(drafts.list().is_empty(), "the draft is done once the report is queued");
        assert!(matches!(sent.delivery, Delivery::Sent { .. }), "{sent:?}");
        let follows = Follows::new(tmp.path());
        let list = mine(&outbox, &follows, &client, &Login::not_configured(), 30).await;
        assert_eq!(list.len(), 1);
        let remote = list[0].remote.as_ref().expect("portal status");
        assert_eq!(remote.status, "open");

        // Someone else nearby: "me too" instead of a second report.
        let id = remote.service_request_id.clone();
        let other = tempfile::tempdir().expect("tempdir");
        let (their_outbox, their_follows) = (Outbox::new(other.path()), Follows::new(other.path()));
        support(&their_follows, &client, &id, 25).await.expect("supported");
        support(&their_follows, &client, &id, 26).await.expect("a second tap counts once");
        let theirs = mine(&their_outbox, &their_follows, &client, &Login::not_configured(), 27).await;
        assert_eq!(theirs.len(), 1);
        assert!(theirs[0].followed);
        let ext = theirs[0].remote.as_ref().and_then(|r| r.extended_attributes.clone()).expect("status");
        assert_eq!(ext.supporters, 1);
        // The reporter's own device: supporting its own report does not list it twice.
        support(&follows, &client, &id, 28).await.expect("own");
        assert_eq!(mine(&outbox, &follows, &client, &Login::not_configured(), 29).await.len(), 1);

        stop.send(()).expect("stop");
        task.await.expect("stopped");
        let offline =
            categories(&client, &cache, &crate::open_data::Packaged::none(), 40).await.expect("from the copy");
        assert!(matches!(offline.source, DataSource::Cache { .. }));
        assert_eq!(offline.fetched_at, 10);
        let list = mine(&outbox, &follows, &client, &Login::not_configured(), 50).await;
        assert_eq!(list.len(), 1, "my reports are on this device");
        assert!(list[0].remote.is_none());
    }

    /// Signed in, a report belongs to the account: another device of the
    /// same person lists it; someone else's does not. Real provider, real
    /// keyring, real portal.
    #[tokio::test]
    async fn the_accounts_reports_on_another_device() {
        let op = muc_test_op::TestOp::start(60).expect("the OpenID provider");
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _task) = crate::test_portal_with_login(tmp.path(), &op.issuer).await;
        let portal = muc_portal_client::PortalClient::new(&base).expect("client");
        let cfg = crate::login::LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let device = |name: &str, user: &'static str| {
            let dir = tmp.path().join(name);
            std::fs::create_dir_all(&dir).expect("dir");
            let service = format!("de.muenchen.app.test.{name}.{}", std::process::id());
            (dir.clone(), Login::new(Some(cfg.clone()), &service), user)
        };
        let endpoints = Endpoints::load(&portal, tmp.path(), "muenchen-app");
        let (phone, phone_login, _) = device("phone", "anna");
        phone_login.login(crate::login::test_browser("anna"), 10, None, &portal).await.expect("anna on her phone");
        let report = muc_wire::open311::OutgoingReport::new("graffiti")
            .at(48.1427, 11.5775)
            .answer("flaeche", "kasten")
            .describe("vom Telefon");
        let args = SubmitReportArgs { report, photos: Vec::new(), draft_id: None };
        let sent =
            submit(&Outbox::new(&phone), &Drafts::new(&phone), &endpoints, &phone_login, args, 20).await.expect("sent");
        let Delivery::Sent { service_request_id, .. } = sent.delivery else { panic!("sent: {sent:?}") };

        let (laptop, laptop_login, _) = device("laptop", "anna");
        laptop_login.login(crate::login::test_browser("anna"), 30, None, &portal).await.expect("anna on her laptop");
        let list = mine(&Outbox::new(&laptop), &Follows::new(&laptop), &endpoints, &laptop_login, 40).await;
        assert_eq!(list.len(), 1, "{list:?}");
        assert!(list[0].from_account);
        assert!(
            matches!(&list[0].delivery, Delivery::Sent { service_request_id: id, .. } if *id == service_request_id)
        );

        let (other, other_login, _) = device("bert", "bert");
        other_login.login(crate::login::test_browser("bert"), 50, None, &portal).await.expect("bert");
        assert!(mine(&Outbox::new(&other), &Follows::new(&other), &endpoints, &other_login, 60).await.is_empty());
        for l in [&phone_login, &laptop_login, &other_login] {
            l.logout().await.expect("signed out");
        }
    }

    /// Found in review: raw photos, with their EXIF and GPS, were stored in
    /// the outbox and sent unchanged to any GeoReport server. Now neither the
    /// device's copy nor what a third-party server receives has any.
    #[tokio::test]
    async fn photos_leave_the_device_without_their_position() {
        let tmp = tempfile::tempdir().expect("tempdir");
        for d in ["city", "other"] {
            std::fs::create_dir_all(tmp.path().join(d)).expect("dir");
        }
        let (city, _s1, _t1) = crate::test_portal(&tmp.path().join("city")).await;
        let (other, _s2, _t2) = crate::test_portal(&tmp.path().join("other")).await;
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let relay = crate::test_relay(other.clone(), crate::Relay::Recording(seen.clone())).await;
        let portal = muc_portal_client::PortalClient::new(&city).expect("client");
        let endpoints = Endpoints::load(&portal, tmp.path(), "muenchen-app");
        endpoints
            .set(muc_wire::ipc::SetEndpointArgs {
                discovery_url: Some(format!("{relay}/discovery.json")),
                api_key: None,
                jurisdiction_id: None,
            })
            .await
            .expect("the third-party server");
        let photo = include_bytes!("../../portal/tests/fixtures/street-light.jpg").to_vec();
        assert!(photo.windows(4).any(|w| w == b"Exif"), "the fixture has EXIF with a GPS position");
        let report = muc_wire::open311::OutgoingReport::new("graffiti")
            .at(48.1427, 11.5775)
            .answer("flaeche", "kasten")
            .describe("Mit Foto.");
        let outbox = Outbox::new(tmp.path());
        let args = SubmitReportArgs { report, photos: vec![photo], draft_id: None };
        let sent = submit(&outbox, &Drafts::new(tmp.path()), &endpoints, &Login::not_configured(), args, 20)
            .await
            .expect("submitted");
        assert!(matches!(sent.delivery, Delivery::Sent { .. }), "{sent:?}");
        let posts = seen.lock().expect("lock").clone();
        assert_eq!(posts.len(), 1, "one report posted to the third-party server");
        let body = &posts[0];
        assert!(body.windows(3).any(|w| w == [0xFF, 0xD8, 0xFF]), "the photo went along");
        assert!(!body.windows(4).any(|w| w == b"Exif"), "without EXIF");
        // The copy kept on the device is the clean one too.
        let kept = &outbox.list()[0];
        assert_eq!(kept.report.photos.len(), 1);
        for p in &kept.report.photos {
            let stored = std::fs::read(tmp.path().join("outbox").join(p)).expect("photo on disk");
            assert!(stored.starts_with(&[0xFF, 0xD8, 0xFF]) && !stored.windows(4).any(|w| w == b"Exif"));
        }
    }
}
