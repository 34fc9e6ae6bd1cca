//! The real portal on a loopback port, talked to by the app's typed client.

mod common;

use common::TestDb;
use muc_portal_client::{ClientError, PortalClient};

on_both_databases!(client_reads_all_sites_then_sees_the_portal_go);

async fn client_reads_all_sites_then_sees_the_portal_go(db: TestDb) {
    let (base, stop, task) = common::serve(&db).await;
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
    let (base, stop, _task) = common::serve(&db).await;
    let client = PortalClient::new(&base).expect("client");
    match client.nearest_hotspots(11.5, 48.1, 5000).await {
        Err(ClientError::Status { status: 400, code, .. }) => assert_eq!(code, "invalid_limit"),
        other => panic!("expected a 400, got {other:?}"),
    }
    let _ = stop.send(());
}

on_both_databases!(clients_that_hang_up_mid_write_do_not_break_later_writes);

/// Citizens on flaky mobile links hang up while their report is being
/// written. Seen under wrk (which closes its connections at the end of a
/// run): a write cancelled inside its transaction left the pooled
/// connection mid-transaction, and every later report on that connection
/// failed with 500 ("attempted to call begin_with at non-zero transaction
/// depth"). Writes now run to the end whatever the client does.
async fn clients_that_hang_up_mid_write_do_not_break_later_writes(db: TestDb) {
    use tokio::io::AsyncWriteExt;
    let (addr_tx, addr_rx) = tokio::sync::oneshot::channel();
    let mut config = db.config();
    config.bind = "127.0.0.1:0".parse().expect("addr");
    config.pow = false;
    config.limit_reports = "1000000/1".parse().expect("rate");
    tokio::spawn(async move {
        let _ = muc_portal::serve(
            &config,
            move |a| {
                let _ = addr_tx.send(a);
            },
            std::future::pending(),
        )
        .await;
    });
    let addr = addr_rx.await.expect("portal bound");
    let body = "api_key=muenchen-app&service_code=graffiti&lat=48.1374&long=11.5755&attribute%5Bflaeche%5D=kasten";
    let request = format!(
        "POST /open311/v2/requests.json HTTP/1.1\r\nHost: portal\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    // Rounds of reports whose senders hang up at once or a few steps later.
    for round in 0..6u64 {
        let mut gone = Vec::new();
        for i in 0..24u64 {
            let request = request.clone();
            gone.push(tokio::spawn(async move {
                let mut s = tokio::net::TcpStream::connect(addr).await.expect("connect");
                s.write_all(request.as_bytes()).await.expect("send");
                // Hang up at different points of the request's life: at once,
                // or after letting the runtime run a few steps.
                for _ in 0..(i + round) % 12 {
                    tokio::task::yield_now().await;
                }
                drop(s);
            }));
        }
        for g in gone {
            g.await.expect("client");
        }
    }
    // Every report after that is stored.
    let http = reqwest::Client::new();
    for n in 0..40 {
        let resp = http
            .post(format!("http://{addr}/open311/v2/requests.json"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("post");
        let status = resp.status();
        assert_eq!(status, 201, "report {n} after the hang-ups: {}", resp.text().await.unwrap_or_default());
    }
}
