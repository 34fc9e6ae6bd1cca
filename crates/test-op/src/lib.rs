//! The real OpenID provider for tests (panva/node-oidc-provider, in
//! `tests/oidc-provider/`), started on a free loopback port, and a person
//! signing in through its login page: what a browser would do, with cookies
//! and redirects, over plain HTTP. Installed by `./x setup` (`npm ci`).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// The provider process; stopped when dropped.
pub struct TestOp {
    pub issuer: String,
    child: Child,
}

impl Drop for TestOp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn provider_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/oidc-provider")
}

impl TestOp {
    /// Starts the provider; access tokens live `access_ttl_secs`.
    pub fn start(access_ttl_secs: u32) -> Result<TestOp, Error> {
        Self::start_with(access_ttl_secs, "")
    }

    /// Starts a provider that misbehaves in one way (`MUC_OIDC_FAULT` in
    /// `tests/oidc-provider/server.mjs`: tamper, nonce, expired, audience, http).
    pub fn start_with(access_ttl_secs: u32, fault: &str) -> Result<TestOp, Error> {
        let dir = provider_dir();
        if !dir.join("node_modules/oidc-provider").exists() {
            return Err(format!("{} has no node_modules: run ./x setup", dir.display()).into());
        }
        let mut child = Command::new("node")
            .arg("server.mjs")
            .current_dir(&dir)
            .env("MUC_OIDC_ACCESS_TTL", access_ttl_secs.to_string())
            .env("MUC_OIDC_FAULT", fault)
            .stdout(Stdio::piped())
            // The provider's warnings and errors go to the test's output.
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start node: {e}"))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let issuer = line
            .trim()
            .strip_prefix("issuer ")
            .ok_or_else(|| format!("the OpenID provider did not start: {line:?}"))?
            .to_string();
        Ok(TestOp { issuer, child })
    }
}

impl TestOp {
    /// Signs `claims` under `header` with one of the provider's test keys
    /// (`provider`, `other`, `hs256-public`, `none`; see `server.mjs`).
    pub async fn sign(
        &self,
        header: &serde_json::Value,
        claims: &serde_json::Value,
        key: &str,
    ) -> Result<String, Error> {
        let body = serde_json::json!({ "header": header, "claims": claims, "key": key });
        let resp = reqwest::Client::new().post(format!("{}/test/sign", self.issuer)).json(&body).send().await?;
        if !resp.status().is_success() {
            return Err(format!("test signer answered {}", resp.status()).into());
        }
        Ok(resp.text().await?)
    }
}

/// Signs in as `user` from an authorization URL the app opened, the way a
/// browser would; returns the URL the provider finally redirects to (the
/// app's loopback callback with `code` and `state`), without calling it.
pub async fn sign_in(authorize_url: &str, user: &str) -> Result<String, Error> {
    let http = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build()?;
    let mut url = url::Url::parse(authorize_url)?;
    for _ in 0..10 {
        let resp = http.get(url.clone()).send().await?;
        if resp.status().is_redirection() {
            let next =
                resp.headers().get("location").and_then(|l| l.to_str().ok()).ok_or("redirect without location")?;
            let next = url.join(next)?;
            if next.path().ends_with("/callback") {
                return Ok(next.to_string());
            }
            url = next;
            continue;
        }
        // A page of the provider: post its form (any password will do).
        let page = resp.text().await?;
        let action = page
            .split("action=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .ok_or_else(|| format!("no form on the page: {}", &page[..page.len().min(300)]))?;
        let form_url = url.join(action)?;
        // The login page, or a consent page: answer whichever prompt it is.
        let prompt = page
            .split("name=\"prompt\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or("login")
            .to_string();
        let resp = http
            .post(form_url)
            .form(&[("prompt", prompt.as_str()), ("login", user), ("password", "geheim")])
            .send()
            .await?;
        let status = resp.status();
        let Some(next) = resp.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_string) else {
            let body = resp.text().await.unwrap_or_default();
            return Err(format!("login did not redirect: {status} {}", &body[..body.len().min(400)]).into());
        };
        url = url.join(&next)?;
    }
    Err("too many redirects while signing in".into())
}
