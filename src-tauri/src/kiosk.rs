//! Kiosk mode, for shared devices in Bürger-Labs: the window fills the
//! screen, things that would leave the app (a browser, a sign-in) are not
//! offered, and a session ends after a while without input or when the person
//! says so. The end of a session keeps nothing personal on the device — drafts,
//! followed reports, notices, favourites, the chosen server, the device's
//! supporter id, the webview's storage — except reports still waiting to be
//! sent: those go out, unseen by the next person, and are removed once sent.

use crate::drafts::Drafts;
use crate::endpoint::Endpoints;
use crate::follows::Follows;
use crate::notices::Inbox;
use crate::outbox::Outbox;

/// Everything a session may have left on the device.
pub struct Personal<'a> {
    pub outbox: &'a Outbox,
    pub drafts: &'a Drafts,
    pub follows: &'a Follows,
    pub notices: &'a Inbox,
    pub favourites: &'a crate::cache::Favourites,
    pub endpoints: &'a Endpoints,
}

/// Ends a session: see the module comment for what goes and what stays.
pub fn end_session(p: &Personal<'_>) -> std::io::Result<()> {
    p.outbox.end_session()?;
    p.drafts.clear()?;
    p.follows.clear()?;
    p.notices.clear()?;
    p.favourites.remove()?;
    p.endpoints.reset()?;
    tracing::info!("kiosk session ended; personal data removed");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use muc_portal_client::PortalClient;
    use muc_wire::ipc::Draft;
    use muc_wire::open311::{Delivery, OutgoingReport};

    #[tokio::test]
    async fn a_session_leaves_nothing_personal_and_loses_no_report() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path();
        // The portal is down while the session runs.
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("b").local_addr().expect("a").port();
        let down =
            Endpoints::load(&PortalClient::new(&format!("http://127.0.0.1:{port}")).expect("c"), dir, "muenchen-app");
        let (outbox, drafts, follows, notices) =
            (Outbox::new(dir), Drafts::new(dir), Follows::new(dir), Inbox::new(dir));
        let favourites = crate::cache::favourites_in(dir);
        let report = OutgoingReport {
            service_code: "graffiti".into(),
            lat: Some(48.1427),
            lon: Some(11.5775),
            address: None,
            description: Some("im Bürger-Lab geschrieben".into()),
            email: Some("anna@example.org".into()),
            attributes: std::collections::BTreeMap::from([("flaeche".to_string(), vec!["kasten".to_string()])]),
            photos: Vec::new(),
        };
        outbox.enqueue(report, &[], None, false, 1).expect("queued");
        outbox.send_due(&down, None, 1).await;
        drafts
            .save(Draft { id: "kiosk-draft-1".into(), service_code: "graffiti".into(), ..Draft::default() }, None, 1)
            .expect("draft");
        follows.device_id().expect("device id");
        favourites.store(&vec!["kita-finder".to_string()]).expect("favourite");

        let personal = Personal {
            outbox: &outbox,
            drafts: &drafts,
            follows: &follows,
            notices: &notices,
            favourites: &favourites,
            endpoints: &down,
        };
        end_session(&personal).expect("ended");
        assert!(outbox.visible().is_empty(), "the next person sees nothing");
        assert!(drafts.list().is_empty());
        assert!(favourites.load().is_none());
        assert!(!dir.join("device-id").exists());
        assert_eq!(outbox.list().len(), 1, "the waiting report is not lost");

        // The portal is back: it goes out, and then nothing of it stays.
        let (base, _stop, _task) = crate::test_portal(dir).await;
        let up = Endpoints::load(&PortalClient::new(&base).expect("c"), dir, "muenchen-app");
        assert_eq!(outbox.send_all_now(&up, None, 100).await, 1);
        assert!(outbox.list().is_empty(), "sent, then removed from the shared device");
        let on_portal: Vec<serde_json::Value> =
            reqwest::get(format!("{base}/open311/v2/requests.json")).await.expect("get").json().await.expect("json");
        assert_eq!(on_portal.len(), 1);
        assert!(!matches!(outbox.list().first().map(|e| &e.delivery), Some(Delivery::Waiting { .. })));
    }
}
