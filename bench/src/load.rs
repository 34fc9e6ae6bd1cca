//! HTTP load on loopback with wrk (Debian), against the portal and against
//! nginx serving the same response bytes: the limit of this machine's HTTP.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WrkResult {
    pub rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub errors: u64,
}

fn duration_ms(s: &str) -> Option<f64> {
    let s = s.trim();
    let (num, factor) = if let Some(v) = s.strip_suffix("us") {
        (v, 0.001)
    } else if let Some(v) = s.strip_suffix("ms") {
        (v, 1.0)
    } else if let Some(v) = s.strip_suffix('s') {
        (v, 1000.0)
    } else {
        return None;
    };
    num.parse::<f64>().ok().map(|n| n * factor)
}

/// Reads `wrk --latency` output.
pub fn parse_wrk(out: &str) -> Option<WrkResult> {
    let mut r = WrkResult { rps: f64::NAN, p50_ms: f64::NAN, p99_ms: f64::NAN, errors: 0 };
    for line in out.lines().map(str::trim) {
        if let Some(v) = line.strip_prefix("Requests/sec:") {
            r.rps = v.trim().parse().ok()?;
        } else if let Some(v) = line.strip_prefix("50%") {
            r.p50_ms = duration_ms(v)?;
        } else if let Some(v) = line.strip_prefix("99%") {
            r.p99_ms = duration_ms(v)?;
        } else if let Some(v) = line.strip_prefix("Non-2xx or 3xx responses:") {
            r.errors += v.trim().parse::<u64>().ok()?;
        } else if let Some(v) = line.strip_prefix("Socket errors:") {
            r.errors += v.split(',').filter_map(|p| p.split_whitespace().last()?.parse::<u64>().ok()).sum::<u64>();
        }
    }
    (r.rps.is_finite() && r.p50_ms.is_finite() && r.p99_ms.is_finite()).then_some(r)
}

pub fn wrk(url: &str, seconds: u32, connections: u32, script: Option<&Path>) -> Result<WrkResult, String> {
    wrk_with(url, seconds, connections, script, &[])
}

/// [`wrk`] with extra request headers (`Name: value`).
pub fn wrk_with(
    url: &str,
    seconds: u32,
    connections: u32,
    script: Option<&Path>,
    headers: &[String],
) -> Result<WrkResult, String> {
    run_wrk(None, url, seconds, connections, script, headers)
}

/// [`wrk`] on the given CPUs only (`taskset -c`, util-linux), so that it
/// does not take the CPU of a server pinned elsewhere.
pub fn wrk_on(cpus: &str, url: &str, seconds: u32, connections: u32) -> Result<WrkResult, String> {
    run_wrk(Some(cpus), url, seconds, connections, None, &[])
}

fn run_wrk(
    cpus: Option<&str>,
    url: &str,
    seconds: u32,
    connections: u32,
    script: Option<&Path>,
    headers: &[String],
) -> Result<WrkResult, String> {
    let mut cmd = match cpus {
        Some(cpus) => {
            let mut c = Command::new("taskset");
            c.args(["-c", cpus, "wrk"]);
            c
        }
        None => Command::new("wrk"),
    };
    cmd.args(["-t2", &format!("-c{connections}"), &format!("-d{seconds}s"), "--latency"]);
    for h in headers {
        cmd.arg("-H").arg(h);
    }
    if let Some(s) = script {
        cmd.arg("-s").arg(s);
    }
    let out = cmd.arg(url).output().map_err(|e| format!("wrk: {e} (install Debian's wrk)"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    parse_wrk(&text).ok_or_else(|| format!("cannot read wrk output for {url}:\n{text}"))
}

/// A release portal on `port` for load runs: quiet, photos under `media`,
/// and open to wrk, which replays one body from one source — so no proof of
/// work and the per-source limits wide open (both are measured on their own,
/// in abuse.rs). Callers add their own settings and spawn it.
pub fn portal_for_load(bin: &Path, port: u16, database_url: &str, media: &Path) -> Command {
    let mut c = Command::new(bin.join("muc-portal"));
    c.args(["--bind", &format!("127.0.0.1:{port}"), "--database-url", database_url])
        .env("RUST_LOG", "warn")
        .env("MUC_MEDIA_DIR", media)
        .env("MUC_POW", "off")
        .env("MUC_LIMIT_REPORTS", "100000000/1")
        .env("MUC_LIMIT_SUPPORTS", "100000000/1")
        .stdout(Stdio::null());
    c
}

/// What the portal answers to a new report, give or take the id: nginx
/// answers POSTs with the same bytes.
pub const CREATED_BODY: &str = r#"[{"service_request_id":"MUC-0123456789","token":"0123456789abcdef0123456789abcdef","service_notice":"Vielen Dank. Ihre Meldung ist eingegangen. / Thank you, your report has been received.","account_id":null}]"#;

/// The report every POST in the bench sends (a street light that is out).
pub const REPORT_FORM: &str = "api_key=muenchen-app&service_code=strassenbeleuchtung&lat=48.137154&long=11.576124\
                               &attribute%5Bart%5D=dunkel&description=Laterne+dunkel";

/// A wrk script that POSTs `body` (read from a file) with `content_type`.
pub fn post_script(dir: &Path, name: &str, content_type: &str, body: &[u8]) -> std::io::Result<std::path::PathBuf> {
    let body_path = dir.join(format!("{name}.body"));
    std::fs::write(&body_path, body)?;
    let script = dir.join(format!("{name}.lua"));
    std::fs::write(
        &script,
        format!(
            "local f = io.open('{}', 'rb')\nwrk.body = f:read('*a')\nf:close()\nwrk.method = 'POST'\nwrk.headers['Content-Type'] = '{content_type}'\n",
            body_path.display()
        ),
    )?;
    Ok(script)
}

/// nginx from Debian serving files from `www` on a loopback port, stopped when dropped.
pub struct Nginx {
    child: Child,
}

impl Nginx {
    /// Serving the files in `prefix/www` (and answering report POSTs).
    pub fn start(prefix: &Path, port: u16) -> Result<Nginx, String> {
        let server = format!(
            "server {{ listen 127.0.0.1:{port}; root {p}/www; client_max_body_size 20m; location / {{ }}\n\
               location /post-form {{ default_type application/json; return 201 '{form}'; }}\n\
               location /post-photo {{ default_type application/json; return 201 '{form}'; }} }}",
            form = CREATED_BODY,
            p = prefix.display(),
        );
        Nginx::run(prefix, port, &server)
    }

    /// Balancing round robin over portals on loopback `upstreams`, with
    /// keep-alive connections to them, as a production balancer is set up.
    pub fn balance(prefix: &Path, port: u16, upstreams: &[u16]) -> Result<Nginx, String> {
        let servers: String = upstreams.iter().map(|p| format!("server 127.0.0.1:{p}; ")).collect();
        let server = format!(
            "upstream portals {{ {servers}keepalive 64; }}\n\
             server {{ listen 127.0.0.1:{port}; client_max_body_size 70m;\n\
               location / {{ proxy_pass http://portals; proxy_http_version 1.1; proxy_set_header Connection \"\";\n\
                 proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }} }}"
        );
        Nginx::run(prefix, port, &server)
    }

    fn run(prefix: &Path, port: u16, server: &str) -> Result<Nginx, String> {
        let is_root = Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0")).unwrap_or(false);
        let conf = format!(
            "{user}worker_processes 2;\ndaemon off;\npid {p}/nginx.pid;\nerror_log {p}/error.log;\n\
             events {{ worker_connections 1024; }}\n\
             http {{\n  access_log off;\n  default_type application/json;\n\
               client_body_temp_path {p}/tmp;\n  proxy_temp_path {p}/tmp;\n  fastcgi_temp_path {p}/tmp;\n\
               uwsgi_temp_path {p}/tmp;\n  scgi_temp_path {p}/tmp;\n  {server}\n}}\n",
            user = if is_root { "user root;\n" } else { "" },
            p = prefix.display(),
        );
        std::fs::create_dir_all(prefix.join("tmp")).map_err(|e| e.to_string())?;
        std::fs::write(prefix.join("nginx.conf"), conf).map_err(|e| e.to_string())?;
        let child = Command::new("/usr/sbin/nginx")
            .args(["-p", &prefix.to_string_lossy(), "-c", &prefix.join("nginx.conf").to_string_lossy()])
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("nginx: {e} (install Debian's nginx)"))?;
        crate::wait_for_port(port, Duration::from_secs(10))?;
        Ok(Nginx { child })
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM to the master: it stops its workers and exits. Killing the
        // tree instead lets the master respawn a worker it then orphans, which
        // holds the bench's stdout open after it ends.
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while std::time::Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        crate::procs::kill_tree(self.child.id());
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Running 5s test @ http://127.0.0.1:8080/x
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.23ms  400.00us   9.00ms   80.00%
    Req/Sec    12.00k     1.00k   14.00k    70.00%
  Latency Distribution
     50%  850.00us
     75%    1.20ms
     90%    1.80ms
     99%    3.45ms
  123456 requests in 5.00s, 12.34MB read
  Non-2xx or 3xx responses: 7
Requests/sec:  24691.20
Transfer/sec:      2.47MB
";

    #[test]
    fn reads_wrk_output() {
        let r = parse_wrk(SAMPLE).expect("parses");
        assert_eq!(r.rps, 24691.2);
        assert!((r.p50_ms - 0.85).abs() < 1e-9);
        assert_eq!(r.p99_ms, 3.45);
        assert_eq!(r.errors, 7);
        assert_eq!(parse_wrk("garbage"), None);
        assert_eq!(duration_ms("1.5s"), Some(1500.0));
    }
}
