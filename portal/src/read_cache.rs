//! Public reads served as ready-made bytes: strong ETags, 304s, br/gzip.
//!
//! A GET on a public read route runs its handler once; its answer (status
//! 200, a body of known size up to [`MAX_ENTRY`]) is kept in memory as bytes,
//! with a strong ETag (SHA-256 of the bytes) and, made on first demand, its
//! brotli and gzip forms. The same request (path, query, `Accept`,
//! `Accept-Language`) is then answered from memory without the handler or the
//! database, and a client that sends the ETag back gets a 304 without a body.
//!
//! Fresh means both: no write has finished on this instance since the entry
//! was made (every write bumps a generation, see `run_to_completion` in
//! lib.rs), and it is younger than the configured lifetime. The lifetime is
//! the bound on staleness for what this instance cannot see: a write on
//! another instance on the same PostgreSQL, or `muc-portal finder …` on the
//! command line.
//!
//! Not kept: requests with `Authorization` or `Cookie` (personal answers),
//! answers whose handler set `Cache-Control` itself (a proof-of-work
//! challenge is single-use, photos carry their own), anything but 200.
//! Memory is bounded by weight (bytes), with quick_cache's eviction, so
//! requests with ever new query strings cannot grow it without end.

use std::convert::Infallible;
use std::future::{ready, Ready};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::body::HttpBody as _;
use axum::extract::{MatchedPath, Request};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::future::{BoxFuture, Either};
use sha2::{Digest, Sha256};
use tower::ServiceExt as _;

use crate::AppState;

/// Answers above this size are passed through, not kept.
pub const MAX_ENTRY: usize = 1024 * 1024;
/// Below this size compression is not worth its header bytes and CPU.
pub const COMPRESS_FROM: usize = 1024;

pub struct ReadCache {
    entries: quick_cache::sync::Cache<String, Arc<Entry>, ByBytes>,
    /// Bumped by every finished write on this instance.
    generation: AtomicU64,
    /// How long an entry may be served (None: nothing is kept).
    lifetime: Option<Duration>,
}

#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<String, Arc<Entry>> for ByBytes {
    fn weight(&self, key: &String, e: &Arc<Entry>) -> u64 {
        // The compressed forms are smaller than the body: counted as one more.
        (key.len() + 2 * e.identity.as_ref().map_or(0, |f| f.body.len()) + 512) as u64
    }
}

struct Entry {
    generation: u64,
    made: Instant,
    /// SHA-256 of the body, 128 bits in hex: strong, and the same on every instance.
    tag: String,
    /// None: an answer that is not kept (the request runs its handler).
    identity: Option<Form>,
    /// The route that made it, for the metrics of a hit.
    route: Option<Arc<str>>,
    /// Its series for the common case, a GET answered 200, looked up once.
    get_ok: Option<crate::metrics::Series>,
    br: OnceLock<Option<Form>>,
    gzip: OnceLock<Option<Form>>,
}

/// One encoding of an answer with its complete headers, made once: serving
/// it is a clone of a small header map and a reference count.
struct Form {
    headers: HeaderMap,
    body: Bytes,
}

impl Form {
    fn new(mut headers: HeaderMap, body: Bytes, tag: &str, encoding: Encoding) -> Form {
        // Room for what the layers in front add to each answer (request id,
        // nosniff, Vary): a clone keeps the room, so they do not rehash it.
        headers.reserve(8);
        // Each encoding has its own strong tag: the bytes differ.
        let (suffix, name) = match encoding {
            Encoding::Identity => ("", None),
            Encoding::Gzip => ("-gz", Some("gzip")),
            Encoding::Brotli => ("-br", Some("br")),
        };
        if let Some(name) = name {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        }
        if let Ok(etag) = HeaderValue::from_str(&format!("\"{tag}{suffix}\"")) {
            headers.insert(header::ETAG, etag);
        }
        // Clients may keep it, but must ask whether it is still current.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(header::VARY, HeaderValue::from_static("Accept, Accept-Language, Accept-Encoding"));
        Form { headers, body }
    }
}

impl Entry {
    /// "Run it": a request whose answer is not kept.
    fn pass(generation: u64) -> Entry {
        Entry {
            generation,
            made: Instant::now(),
            tag: String::new(),
            identity: None,
            route: None,
            get_ok: None,
            br: OnceLock::new(),
            gzip: OnceLock::new(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl ReadCache {
    /// `lifetime` zero keeps nothing (ETags and 304s still work);
    /// `max_bytes` bounds the memory the entries take.
    pub fn new(lifetime: Duration, max_bytes: u64) -> Self {
        Self {
            entries: quick_cache::sync::Cache::with_weighter(1024, max_bytes.max(1), ByBytes),
            generation: AtomicU64::new(0),
            lifetime: (!lifetime.is_zero()).then_some(lifetime),
        }
    }

    /// A write has finished: nothing kept before it is served again.
    pub fn written(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    fn is_fresh(&self, e: &Entry) -> bool {
        self.lifetime.is_some_and(|l| e.made.elapsed() < l) && e.generation == self.generation.load(Ordering::Acquire)
    }

    /// Bytes kept now (for tests and the benchmark).
    pub fn weight(&self) -> u64 {
        self.entries.weight()
    }
}

/// Marks the answers of the routes it is given as ones that may be kept (a
/// route layer, so it runs only when the router has run: on a miss). The
/// matched route goes with the mark: a hit, which never reaches the router,
/// is counted in the metrics under it.
pub fn keepable<S: Clone + Send + Sync + 'static>(routes: axum::Router<S>) -> axum::Router<S> {
    async fn mark(req: Request, next: Next) -> Response {
        let route = req.extensions().get::<MatchedPath>().map(|p| Arc::<str>::from(p.as_str()));
        let mut resp = next.run(req).await;
        if let Some(route) = route {
            resp.extensions_mut().insert(Keepable(route));
        }
        resp
    }
    routes.route_layer(axum::middleware::from_fn(mark))
}

/// The mark [`keepable`] puts on an answer: its matched route.
#[derive(Clone)]
struct Keepable(Arc<str>);

/// The read cache as a tower layer, in front of the router: a kept answer is
/// served without routing, so the router's per-route boxes, the method
/// router and the route layers are not paid on a hit (they were most of a
/// read's cost once answers came from memory: 3.3–4.0 µs of CPU per request
/// against about 1.3 µs for the rest, measured in the benchmark's layer
/// split). What is kept is decided by the router: only answers marked by
/// [`keepable`].
#[derive(Clone)]
pub struct ReadCacheLayer(AppState);

impl ReadCacheLayer {
    pub fn new(st: AppState) -> Self {
        Self(st)
    }
}

impl<S> tower::Layer<S> for ReadCacheLayer {
    type Service = ReadCacheService<S>;
    fn layer(&self, inner: S) -> Self::Service {
        ReadCacheService { st: self.0.clone(), inner }
    }
}

#[derive(Clone)]
pub struct ReadCacheService<S> {
    st: AppState,
    inner: S,
}

type Answered = Result<Response, Infallible>;

impl<S> tower::Service<Request> for ReadCacheService<S>
where
    S: tower::Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    // A hit is answered at once, without a boxed future.
    type Future = Either<Ready<Answered>, BoxFuture<'static, Answered>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        // A hit needs neither the inner service nor an owned state: both are
        // taken (atomic counts shared by every core) only when the router runs.
        let h = req.headers();
        let method = req.method().clone();
        if !matches!(method, Method::GET | Method::HEAD)
            || h.contains_key(header::AUTHORIZATION)
            || h.contains_key(header::COOKIE)
        {
            return Either::Right(Box::pin(self.inner.call(req)));
        }
        let st = &self.st;
        let started = Instant::now();
        let key = key_of(&req);
        // `Cache-Control: no-cache` (or the older `Pragma: no-cache`) asks for
        // the answer of now (RFC 9111 §5.2.1.4): the handler runs, and what it
        // makes replaces what was kept.
        let revalidate = [header::CACHE_CONTROL, header::PRAGMA].iter().any(|n| {
            h.get(n).and_then(|v| v.to_str().ok()).is_some_and(|v| v.to_ascii_lowercase().contains("no-cache"))
        });
        let keeps = st.read_cache.lifetime.is_some() && !revalidate;
        if keeps {
            if let Some(e) = st.read_cache.entries.get(&key).filter(|e| st.read_cache.is_fresh(e)) {
                match &e.identity {
                    Some(_) => return Either::Left(ready(Ok(hit(st, &e, &method, h, started)))),
                    // Known not to be kept (single-use, health, errors): run it.
                    None => return Either::Right(Box::pin(self.inner.call(req))),
                }
            }
        }
        // The inner service that was made ready goes into the future; a
        // clone stays here for the next request.
        let fresh = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, fresh);
        Either::Right(Box::pin(miss(st.clone(), inner, req, key, keeps, revalidate, started)))
    }
}

/// A kept answer, counted as the route would have counted it.
fn hit(st: &AppState, e: &Entry, method: &Method, h: &HeaderMap, started: Instant) -> Response {
    st.metrics.read_cache(true);
    let resp = answer(e, choose_encoding(h), h.get(header::IF_NONE_MATCH), *method == Method::HEAD);
    // No span is made for a hit (see `app` in lib.rs): the event names its request.
    tracing::debug!(id = ?h.get("x-request-id"), route = ?e.route, status = resp.status().as_u16(), "answered from memory");
    match (&e.get_ok, &e.route) {
        (Some(series), _) if *method == Method::GET && resp.status() == StatusCode::OK => {
            series.observe(started.elapsed())
        }
        (_, Some(route)) => st.metrics.observe(method, route, resp.status(), started.elapsed()),
        (_, None) => {}
    }
    resp
}

/// Not kept yet, old, or asked for afresh: the router answers, and what it
/// answers is kept if it may be.
async fn miss<S>(
    st: AppState,
    inner: S,
    req: Request,
    key: String,
    keeps: bool,
    revalidate: bool,
    started: Instant,
) -> Answered
where
    S: tower::Service<Request, Response = Response, Error = Infallible>,
{
    let cache = &st.read_cache;
    let method = req.method().clone();
    let headers = req.headers().clone();
    // A HEAD is answered from what a GET kept, but it never makes an entry:
    // the router gives a HEAD an empty body in place of the GET's answer.
    if method == Method::HEAD {
        return inner.oneshot(req).await;
    }
    // One request makes an answer; the same requests meanwhile wait for it
    // instead of each running the handler (a list that expires under load
    // was made by every connection at once: p99 of 19 ms, measured).
    let mut guard = None;
    if keeps {
        for _ in 0..3 {
            match cache.entries.get_value_or_guard_async(&key).await {
                Ok(e) if cache.is_fresh(&e) => match &e.identity {
                    Some(_) => return Ok(hit(&st, &e, &method, &headers, started)),
                    None => break,
                },
                // Old, or made while a write finished: drop it (unless
                // someone has already put a newer one there) and ask again.
                Ok(old) => {
                    cache.entries.remove_if(&key, |v| Arc::ptr_eq(v, &old));
                }
                Err(g) => {
                    guard = Some(g);
                    break;
                }
            }
        }
    }
    // Read before the handler runs: a write finishing meanwhile makes this
    // entry stale at once rather than serving pre-write data as fresh.
    let generation = cache.generation.load(Ordering::Acquire);
    let mut resp = inner.oneshot(req).await?;
    let route = resp.extensions_mut().remove::<Keepable>().map(|k| k.0);
    if route.is_some() {
        st.metrics.read_cache(false);
    }
    let keep = route.is_some()
        && resp.status() == StatusCode::OK
        && !resp.headers().contains_key(header::CACHE_CONTROL)
        && !resp.headers().contains_key(header::CONTENT_ENCODING)
        && resp.body().size_hint().exact().is_some_and(|n| n <= MAX_ENTRY as u64);
    if !keep {
        // Remembered as "run it": later requests need not wait for a guard.
        if let Some(g) = guard {
            let _ = g.insert(Arc::new(Entry::pass(generation)));
        }
        return Ok(resp);
    }
    let (mut parts, body) = resp.into_parts();
    let body = match axum::body::to_bytes(body, MAX_ENTRY).await {
        Ok(b) => b,
        Err(e) => {
            // Outside the request's span (it ends with the router's answer): named here.
            tracing::error!(id = ?headers.get("x-request-id"), error = %e, "an answer's body could not be read");
            return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    let tag = hex(&Sha256::digest(&body)[..16]);
    let entry = Arc::new(Entry {
        generation,
        made: Instant::now(),
        identity: Some(Form::new(parts.headers, body, &tag, Encoding::Identity)),
        tag,
        get_ok: route.as_deref().map(|r| st.metrics.series(&Method::GET, r, StatusCode::OK)),
        route,
        br: OnceLock::new(),
        gzip: OnceLock::new(),
    });
    match guard {
        Some(g) => {
            let _ = g.insert(entry.clone());
        }
        None if revalidate && cache.lifetime.is_some() => cache.entries.insert(key, entry.clone()),
        None => {}
    }
    Ok(answer(&entry, choose_encoding(&headers), headers.get(header::IF_NONE_MATCH), false))
}

/// What makes two requests the same: path, query and the headers the
/// answers vary by (`Accept-Encoding` is served from the same entry).
fn key_of(req: &Request) -> String {
    let h = req.headers();
    let text = |n: header::HeaderName| h.get(n).map(HeaderValue::as_bytes).unwrap_or_default();
    let mut key = String::with_capacity(96);
    key.push_str(req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/"));
    for part in [text(header::ACCEPT), text(header::ACCEPT_LANGUAGE)] {
        key.push('\n');
        key.push_str(&String::from_utf8_lossy(part));
    }
    key
}

/// The kept answer in the wanted encoding; a 304 when the client has it; for
/// a HEAD, the headers with the length of the body that is not sent.
fn answer(e: &Entry, wanted: Encoding, if_none_match: Option<&HeaderValue>, head: bool) -> Response {
    let Some(identity) = &e.identity else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
    let form = match wanted {
        Encoding::Brotli => encoded(e, &e.br, wanted),
        Encoding::Gzip => encoded(e, &e.gzip, wanted),
        Encoding::Identity => None,
    }
    .unwrap_or(identity);
    if let (Some(v), Some(etag)) = (if_none_match, form.headers.get(header::ETAG)) {
        if matches_tag(v, etag) {
            // A 304 carries what the 200 would have said about caching.
            let mut resp = StatusCode::NOT_MODIFIED.into_response();
            for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
                if let Some(value) = form.headers.get(&name) {
                    resp.headers_mut().insert(name, value.clone());
                }
            }
            return resp;
        }
    }
    if head {
        let mut resp = Response::new(Body::empty());
        *resp.headers_mut() = form.headers.clone();
        resp.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(form.body.len()));
        return resp;
    }
    let mut resp = Response::new(Body::from(form.body.clone()));
    *resp.headers_mut() = form.headers.clone();
    resp
}

/// The entry in `encoding`, made on first demand; None when not worth it.
fn encoded<'a>(e: &Entry, cell: &'a OnceLock<Option<Form>>, encoding: Encoding) -> Option<&'a Form> {
    cell.get_or_init(|| {
        let identity = e.identity.as_ref()?;
        let body = compress(&identity.body, encoding)?;
        Some(Form::new(identity.headers.clone(), body, &e.tag, encoding))
    })
    .as_ref()
}

/// `If-None-Match` compares weakly (RFC 9110 §13.1.2): `W/` is ignored.
fn matches_tag(v: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(v) = v.to_str() else { return false };
    let etag = etag.to_str().unwrap_or_default();
    v.split(',').map(str::trim).any(|t| t == "*" || t.strip_prefix("W/").unwrap_or(t) == etag)
}

/// The best encoding the client accepts: brotli, then gzip, then none.
pub fn choose_encoding(h: &HeaderMap) -> Encoding {
    let Some(v) = h.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()) else { return Encoding::Identity };
    crate::negotiate::accepted(v).fold(Encoding::Identity, |best, t| match (best, t.as_str()) {
        (_, "br") => Encoding::Brotli,
        (Encoding::Identity, "gzip") => Encoding::Gzip,
        (best, _) => best,
    })
}

/// The body in `encoding`, if that is worth it (large enough and smaller).
fn compress(body: &[u8], encoding: Encoding) -> Option<Bytes> {
    use std::io::Write;
    if body.len() < COMPRESS_FROM {
        return None;
    }
    let out = match encoding {
        Encoding::Identity => return None,
        // Quality 5: most of brotli's gain at a fraction of 11's time; made
        // once per entry, so the cost is paid once per lifetime, not per request.
        Encoding::Brotli => {
            let mut w = brotli::CompressorWriter::new(Vec::new(), 4096, 5, 22);
            w.write_all(body).ok()?;
            w.into_inner()
        }
        Encoding::Gzip => {
            let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
            w.write_all(body).ok()?;
            w.finish().ok()?
        }
    };
    (out.len() < body.len()).then(|| Bytes::from(out))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).expect("header"));
        h
    }

    #[test]
    fn the_best_accepted_encoding_is_chosen() {
        assert_eq!(choose_encoding(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(choose_encoding(&accept("gzip, deflate, br")), Encoding::Brotli);
        assert_eq!(choose_encoding(&accept("gzip")), Encoding::Gzip);
        assert_eq!(choose_encoding(&accept("br;q=0, gzip;q=0.5")), Encoding::Gzip);
        assert_eq!(choose_encoding(&accept("BR ; q=1.0")), Encoding::Brotli);
        assert_eq!(choose_encoding(&accept("identity, *;q=0")), Encoding::Identity);
        assert_eq!(choose_encoding(&accept("gzip;q=0.0, br;Q=0")), Encoding::Identity);
    }

    #[test]
    fn small_or_incompressible_bodies_stay_as_they_are() {
        assert!(compress(b"{}", Encoding::Brotli).is_none());
        let random: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let text = "{\"name\":\"Marienplatz\"},".repeat(200);
        let br = compress(text.as_bytes(), Encoding::Brotli).expect("text compresses");
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).expect("brotli");
        assert_eq!(back, text.as_bytes());
        let gz = compress(text.as_bytes(), Encoding::Gzip).expect("text compresses");
        assert!(gz.len() < text.len() / 4);
        // Whatever random bytes do, an answer never grows.
        assert!(compress(&random, Encoding::Gzip).is_none_or(|c| c.len() < random.len()));
    }

    #[test]
    fn if_none_match_compares_weakly_and_lists() {
        let tag = HeaderValue::from_static("\"abc\"");
        for (v, ok) in
            [("\"abc\"", true), ("W/\"abc\"", true), ("\"x\", \"abc\"", true), ("*", true), ("\"abd\"", false)]
        {
            assert_eq!(matches_tag(&HeaderValue::from_static(v), &tag), ok, "{v}");
        }
    }
}
