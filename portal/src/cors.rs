//! CORS for web pages, through tower-http's `CorsLayer`: open data and
//! GeoReport reads for pages of any origin (GET and HEAD, no credentials, no
//! Authorization header, so a page elsewhere can read public data and nothing
//! personal); writes and the operator API get no CORS answer at all,
//! preflights included. It sits in front of routing, so preflights are
//! answered wherever they go.
//!
//! Only requests that carry `Origin` (what browsers send across origins) go
//! through the CORS layer; the app, GeoReport clients and servers send none,
//! and for them the layer would only add `Vary`. Measured: the layer, cloned
//! and run for every request, was the largest single part of what the layers
//! in front of the read cache cost (perf, and wrk runs without it). Their public reads still say
//! `Vary: Origin`, so a shared cache never hands a page an answer that was
//! made without CORS.

use std::convert::Infallible;
use std::task::{Context, Poll};

use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method};
use axum::response::Response;
use futures_util::future::{Either, MapOk};
use futures_util::TryFutureExt as _;
use tower::Layer as _;
use tower_http::cors::{AllowOrigin, Cors, CorsLayer};

/// Public reads: GET and HEAD (or a preflight asking for them) outside
/// `/operator` and the personal area (`/me`).
fn public_read(method: &Method, wanted: Option<&HeaderValue>, path: &str) -> bool {
    let wanted = match *method {
        Method::OPTIONS => wanted.and_then(|m| m.to_str().ok()),
        ref m => Some(m.as_str()),
    };
    let personal = path == "/me" || path.starts_with("/me/");
    matches!(wanted, Some("GET" | "HEAD")) && !path.starts_with("/operator") && !personal
}

fn layer() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(|_, parts: &Parts| {
            public_read(&parts.method, parts.headers.get(header::ACCESS_CONTROL_REQUEST_METHOD), parts.uri.path())
        }))
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::ACCEPT, header::ACCEPT_LANGUAGE, header::IF_NONE_MATCH])
        .expose_headers([header::ETAG])
}

/// The CORS settings, made once for the process: the services below refer
/// to them without a reference count (a service is cloned for every
/// request, and a count shared by every core is a contended cache line).
static SETTINGS: std::sync::LazyLock<CorsLayer> = std::sync::LazyLock::new(layer);

/// The CORS layer for requests from web pages (see the module's text).
#[derive(Clone, Copy, Default)]
pub struct ForPages;

impl ForPages {
    pub fn new() -> Self {
        Self
    }
}

impl<S> tower::Layer<S> for ForPages {
    type Service = ForPagesService<S>;
    fn layer(&self, inner: S) -> Self::Service {
        ForPagesService { inner }
    }
}

#[derive(Clone)]
pub struct ForPagesService<S> {
    inner: S,
}

type FromPage<S> = <Cors<S> as tower::Service<Request>>::Future;
type NotFromPage<F> = MapOk<F, fn(Response) -> Response>;

impl<S> tower::Service<Request> for ForPagesService<S>
where
    S: tower::Service<Request, Response = Response, Error = Infallible> + Clone,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Either<FromPage<S>, NotFromPage<S::Future>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        if req.headers().contains_key(header::ORIGIN) {
            // The CORS service owns its inner service: it gets the one that
            // was made ready, and a clone stays here for the next request.
            let fresh = self.inner.clone();
            let inner = std::mem::replace(&mut self.inner, fresh);
            return Either::Left(SETTINGS.layer(inner).call(req));
        }
        let vary = public_read(req.method(), None, req.uri().path());
        Either::Right(self.inner.call(req).map_ok(if vary { vary_origin } else { std::convert::identity }))
    }
}

fn vary_origin(mut resp: Response) -> Response {
    resp.headers_mut().append(header::VARY, HeaderValue::from_static("origin"));
    resp
}
