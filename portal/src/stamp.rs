//! What every answer carries, put on by one layer in front of everything:
//! its request's id (`X-Request-Id`: the proxy's, or one made here; the same
//! id is on the request's log lines) and `X-Content-Type-Options: nosniff`.
//!
//! Written here rather than tower-http's `SetRequestId`, `PropagateRequestId`
//! and `SetResponseHeader`: together those wrap each answer three times and
//! put the id into the request's and the answer's extensions as well (two
//! maps and two boxes per request that nothing here reads). They were the
//! largest part of what the layers still cost a read answered from memory
//! (perf; BENCHMARKS.md, "layers"). What is left is a few lines: no parsing,
//! no security decision.

use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use axum::http::{header, HeaderName, HeaderValue, Request};
use axum::response::Response;
use bytes::Bytes;

pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// A proxy's id is kept when it is short, visible ASCII; a longer one would
/// only make every log line of the request longer.
const MAX_GIVEN_ID: usize = 128;

#[derive(Clone, Copy, Default)]
pub struct StampLayer;

impl<S> tower::Layer<S> for StampLayer {
    type Service = Stamp<S>;
    fn layer(&self, inner: S) -> Stamp<S> {
        Stamp { inner }
    }
}

#[derive(Clone)]
pub struct Stamp<S> {
    inner: S,
}

impl<S, B> tower::Service<Request<B>> for Stamp<S>
where
    S: tower::Service<Request<B>, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Stamped<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request<B>) -> Self::Future {
        let id = match req.headers().get(X_REQUEST_ID) {
            Some(given) if given.len() <= MAX_GIVEN_ID && given.to_str().is_ok() => given.clone(),
            _ => {
                let made = new_id();
                req.headers_mut().insert(X_REQUEST_ID, made.clone());
                made
            }
        };
        Stamped { inner: self.inner.call(req), id: Some(id) }
    }
}

pin_project_lite::pin_project! {
    pub struct Stamped<F> {
        #[pin]
        inner: F,
        id: Option<HeaderValue>,
    }
}

impl<F, E> Future for Stamped<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.project();
        let mut resp = ready!(this.inner.poll(cx))?;
        let h = resp.headers_mut();
        if let Some(id) = this.id.take() {
            h.insert(X_REQUEST_ID, id);
        }
        h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        Poll::Ready(Ok(resp))
    }
}

/// A random UUID (v4). Its bytes are allocated once and shared by the
/// request's header and the answer's (a copied slice would be copied again
/// on its first clone).
fn new_id() -> HeaderValue {
    let mut buf = uuid::Uuid::encode_buffer();
    let text = uuid::Uuid::new_v4().hyphenated().encode_lower(&mut buf);
    let mut id = [0u8; uuid::fmt::Hyphenated::LENGTH];
    id.copy_from_slice(text.as_bytes());
    HeaderValue::from_maybe_shared(Bytes::from_owner(id)).expect("a UUID is a valid header value")
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::{Layer as _, ServiceExt as _};

    async fn stamped(id: Option<&str>) -> (Option<String>, Response) {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(None));
        let saw = seen.clone();
        let svc = StampLayer.layer(tower::service_fn(move |req: Request<()>| {
            *saw.lock().expect("lock") = req.headers().get(X_REQUEST_ID).map(|v| v.to_str().expect("ascii").to_owned());
            async { Ok::<_, std::convert::Infallible>(Response::new(axum::body::Body::empty())) }
        }));
        let mut req = Request::new(());
        if let Some(id) = id {
            req.headers_mut().insert(X_REQUEST_ID, HeaderValue::from_str(id).expect("value"));
        }
        let resp = svc.oneshot(req).await.expect("answer");
        let seen = seen.lock().expect("lock").clone();
        (seen, resp)
    }

    #[tokio::test]
    async fn the_request_and_its_answer_carry_the_same_id() {
        let (seen, resp) = stamped(None).await;
        let sent = resp.headers()[X_REQUEST_ID].to_str().expect("ascii").to_owned();
        assert_eq!(seen.as_deref(), Some(sent.as_str()), "the handler (and the log) see the answer's id");
        assert!(uuid::Uuid::parse_str(&sent).is_ok(), "{sent}");
        assert_eq!(resp.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let (_, again) = stamped(None).await;
        assert_ne!(again.headers()[X_REQUEST_ID], sent.as_str(), "each request its own");
    }

    #[tokio::test]
    async fn a_proxys_id_is_kept_unless_it_is_too_long() {
        let (seen, resp) = stamped(Some("from-the-proxy")).await;
        assert_eq!(seen.as_deref(), Some("from-the-proxy"));
        assert_eq!(resp.headers()[X_REQUEST_ID], "from-the-proxy");
        let long = "x".repeat(MAX_GIVEN_ID + 1);
        let (seen, resp) = stamped(Some(&long)).await;
        let sent = resp.headers()[X_REQUEST_ID].to_str().expect("ascii").to_owned();
        assert_eq!(sent.len(), 36, "replaced by one of our own");
        assert_eq!(seen.as_deref(), Some(sent.as_str()), "and the log lines name that one");
    }
}
