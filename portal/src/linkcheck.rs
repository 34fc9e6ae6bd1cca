//! Checks that the finders' addresses still answer. Run by an operator
//! (`muc-portal finders check-links`), never by the tests against the internet.

use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub enum LinkStatus {
    Ok(u16),
    /// Answered, but with an error status.
    Broken(u16),
    /// No answer (DNS, refused, TLS, timeout).
    Unreachable(String),
}

/// HEAD first (cheap); GET where a server does not support HEAD.
pub async fn check(client: &reqwest::Client, url: &str) -> LinkStatus {
    let mut last = None;
    for method in [reqwest::Method::HEAD, reqwest::Method::GET] {
        match client.request(method, url).send().await {
            Ok(r) if r.status().is_success() || r.status().is_redirection() => {
                return LinkStatus::Ok(r.status().as_u16())
            }
            Ok(r) if matches!(r.status().as_u16(), 405 | 501) => last = Some(LinkStatus::Broken(r.status().as_u16())),
            Ok(r) => return LinkStatus::Broken(r.status().as_u16()),
            Err(e) => return LinkStatus::Unreachable(e.to_string()),
        }
    }
    last.unwrap_or(LinkStatus::Unreachable("no answer".into()))
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .redirect(reqwest::redirect::Policy::limited(5))
        .user_agent(concat!("muc-portal-linkcheck/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;

    #[tokio::test]
    async fn tells_working_broken_and_dead_links_apart() {
        // A local server stands in for the finders' sites: no internet needed.
        let app = axum::Router::new()
            .route("/ok", get(|| async { "ok" }))
            .route("/moved", get(|| async { axum::response::Redirect::permanent("/ok") }))
            .route(
                "/get-only",
                axum::routing::get(|| async { "ok" }).head(|| async { axum::http::StatusCode::METHOD_NOT_ALLOWED }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
        let dead = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();

        let c = client();
        assert_eq!(check(&c, &format!("http://{addr}/ok")).await, LinkStatus::Ok(200));
        assert_eq!(check(&c, &format!("http://{addr}/moved")).await, LinkStatus::Ok(200));
        assert_eq!(check(&c, &format!("http://{addr}/get-only")).await, LinkStatus::Ok(200));
        assert_eq!(check(&c, &format!("http://{addr}/gone")).await, LinkStatus::Broken(404));
        assert!(matches!(check(&c, &format!("http://127.0.0.1:{dead}/")).await, LinkStatus::Unreachable(_)));
    }
}
