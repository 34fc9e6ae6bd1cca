//! The server loop. `axum::serve` has no header-read timeout and no cap on
//! connections, so a slow client could hold the portal with connections that
//! never finish their headers. This loop serves the same router with hyper
//! (axum's own HTTP library) and adds both: headers must arrive within
//! `header_timeout`, and at most `max_connections` are open at once (further
//! ones wait in the kernel's accept queue). Each request carries the peer's
//! address (`ConnectInfo`), which anonymous writes are throttled by.

use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use tower::ServiceExt;

use crate::BoxError;

#[derive(Debug, Clone, Copy)]
pub struct ServerLimits {
    /// A request's headers must be complete within this.
    pub header_timeout: Duration,
    /// Connections open at once.
    pub max_connections: usize,
}

impl Default for ServerLimits {
    fn default() -> Self {
        Self { header_timeout: Duration::from_secs(10), max_connections: 1024 }
    }
}

/// Serves `app` until `shutdown` resolves; then lets open requests finish
/// (up to 10 s).
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: ServerLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), BoxError> {
    let slots = std::sync::Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder.http1().timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    builder.http2().timer(TokioTimer::new());
    let builder = std::sync::Arc::new(builder);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // Wait for a free slot before accepting: over the cap, clients queue.
        let slot = tokio::select! {
            s = slots.clone().acquire_owned() => s?,
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            r = listener.accept() => match r {
                Ok(x) => x,
                Err(e) => {
                    // Out of file descriptors and the like: log, breathe, go on.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = app.clone().map_request(move |mut req: axum::http::Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            req.map(axum::body::Body::new)
        });
        let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(service));
        let conn = graceful.watch(conn.into_owned());
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, %peer, "connection ended");
            }
            drop(slot);
        });
    }
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(10)) => tracing::warn!("open connections cut at shutdown"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    async fn start(limits: ServerLimits) -> SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let app = Router::new().route("/ping", axum::routing::get(|| async { "pong" }));
        tokio::spawn(serve(listener, app, limits, std::future::pending()));
        addr
    }

    /// Reads until the server closes the connection; returns what it sent.
    async fn until_closed(s: &mut tokio::net::TcpStream, within: Duration) -> Option<String> {
        let mut got = Vec::new();
        let r = tokio::time::timeout(within, s.read_to_end(&mut got)).await;
        r.ok().map(|_| String::from_utf8_lossy(&got).into_owned())
    }

    /// Found in review: a client that never finished its headers held its
    /// connection for ever. Now the server closes it.
    #[tokio::test]
    async fn a_client_that_never_finishes_its_headers_is_cut_off() {
        let addr = start(ServerLimits { header_timeout: Duration::from_secs(1), max_connections: 8 }).await;
        let mut slow = tokio::net::TcpStream::connect(addr).await.expect("connect");
        slow.write_all(b"GET /ping HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.expect("write");
        // A deadline on the test, not a measurement: the point is that it closes at all.
        assert!(until_closed(&mut slow, Duration::from_secs(20)).await.is_some(), "the slow connection is closed");
        let mut ok = tokio::net::TcpStream::connect(addr).await.expect("connect");
        ok.write_all(b"GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.expect("write");
        let answer = until_closed(&mut ok, Duration::from_secs(20)).await.expect("answered");
        assert!(answer.ends_with("pong"), "{answer}");
    }

    /// With the cap reached, a further client waits until a slot is free.
    #[tokio::test]
    async fn connections_over_the_cap_wait_their_turn() {
        let addr = start(ServerLimits { header_timeout: Duration::from_secs(60), max_connections: 2 }).await;
        let a = tokio::net::TcpStream::connect(addr).await.expect("a");
        let _b = tokio::net::TcpStream::connect(addr).await.expect("b");
        let mut c = tokio::net::TcpStream::connect(addr).await.expect("c (queued by the kernel)");
        c.write_all(b"GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.expect("write");
        let mut first = [0u8; 1];
        let early = tokio::time::timeout(Duration::from_millis(300), c.peek(&mut first)).await;
        assert!(early.is_err(), "not served while two connections hold both slots");
        drop(a);
        let answer = until_closed(&mut c, Duration::from_secs(20)).await.expect("served once a slot is free");
        assert!(answer.ends_with("pong"), "{answer}");
    }
}
