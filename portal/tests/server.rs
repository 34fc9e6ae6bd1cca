//! The real portal on a loopback port, talked to by the app's typed client.

mod common;

use common::TestDb;
use muc_portal_client::{ClientError, PortalClient};
use tokio::sync::oneshot;

async fn start(db: &TestDb) -> (String, oneshot::Sender<()>, tokio::task::JoinHandle<()>) {
    let (addr_tx, addr_rx) = oneshot::channel();
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let mut config = db.config();
    config.bind = "127.0.0.1:0".parse().expect("addr");
    let task = tokio::spawn(async move {
        muc_portal::serve(
            &config,
            move |a| {
                let _ = addr_tx.send(a);
            },
            async move {
                let _ = stop_rx.await;
            },
        )
        .await
        .expect("portal runs");
    });
    let addr = addr_rx.await.expect("portal bound");
    (format!("http://{addr}"), stop_tx, task)
}

on_both_databases!(client_reads_all_sites_then_sees_the_portal_go);

async fn client_reads_all_sites_then_sees_the_portal_go(db: TestDb) {
    let (base, stop, task) = start(&db).await;
    let client = PortalClient::new(&base).expect("client");
    let sites = client.all_hotspots().await.expect("all sites");
    assert_eq!(sites.len(), 138);
    assert_eq!(sites.iter().map(|s| s.access_points).sum::<u32>(), 171);

    let near = client.nearest_hotspots(11.5755, 48.1374, 3).await.expect("nearest");
    assert_eq!(near.features.len(), 3);
    assert!(near.features[0].properties.distance_m.expect("distance") < 60.0);

    stop.send(()).expect("stop");
    task.await.expect("portal stopped cleanly");
    match client.all_hotspots().await {
        Err(ClientError::Unreachable(_)) => {}
        other => panic!("expected Unreachable, got {other:?}"),
    }
}

#[tokio::test]
async fn client_reports_portal_errors_with_their_code() {
    let db = TestDb::sqlite().await;
    let (base, stop, _task) = start(&db).await;
    let client = PortalClient::new(&base).expect("client");
    match client.nearest_hotspots(11.5, 48.1, 5000).await {
        Err(ClientError::Status { status: 400, code, .. }) => assert_eq!(code, "invalid_limit"),
        other => panic!("expected a 400, got {other:?}"),
    }
    let _ = stop.send(());
}
