//! The portal's one configuration: every setting is a command-line flag with
//! an environment variable, listed with its default in `muc-portal --help`.
//! Nothing else in the portal reads the environment for a setting (a test
//! checks that), so what `--help` shows is all there is.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::builder::BoolishValueParser;
use clap::ArgAction;
use muc_wire::personal::TrustLevel;

/// A limit as `BURST/SECONDS`: that many at once, then one per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub burst: u32,
    pub every: Duration,
}

/// A trust level as BayernID names it (`level1`…`level4`).
fn parse_level(v: &str) -> Result<TrustLevel, String> {
    TrustLevel::from_code(v).ok_or_else(|| format!("{v:?} is not a trust level (level1, level2, level3, level4)"))
}

impl std::str::FromStr for Rate {
    type Err = String;

    fn from_str(v: &str) -> Result<Self, String> {
        let (b, s) = v.split_once('/').ok_or_else(|| format!("expected BURST/SECONDS, got {v:?}"))?;
        match (b.trim().parse::<u32>(), s.trim().parse::<u64>()) {
            (Ok(burst), Ok(secs)) if burst > 0 && secs > 0 => Ok(Rate { burst, every: Duration::from_secs(secs) }),
            _ => Err(format!("expected BURST/SECONDS with both above 0, got {v:?}")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object a line, for the city's log collection.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PhotoStore {
    /// Files in the media folder: the default for one instance.
    Folder,
    /// Rows in the database: for several instances on one PostgreSQL.
    Database,
    /// Objects in an S3-compatible store (`--s3-…`): for several instances
    /// without photos in the database.
    S3,
}

#[derive(clap::Args, Debug, Clone)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, global = true, env = "MUC_PORTAL_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// sqlite:PATH (created if missing) or postgres://USER:PASS@HOST/DB.
    #[arg(
        long,
        global = true,
        env = "MUC_DATABASE_URL",
        default_value = "sqlite:muc-portal.db?mode=rwc",
        hide_env_values = true
    )]
    pub database_url: String,
    /// Public base URL for links in answers (behind a reverse proxy); default http://BIND.
    #[arg(long, global = true, env = "MUC_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Folder for report photos; default beside the SQLite file (`portal.db.media`),
    /// or $XDG_DATA_HOME/muenchen-portal/media with PostgreSQL. Never the working directory.
    #[arg(long, global = true, env = "MUC_MEDIA_DIR")]
    pub media_dir: Option<PathBuf>,
    /// Where report photos are kept: `folder` (the media folder; one instance) or
    /// `database` (in the database, so every instance on it serves every photo).
    #[arg(long, global = true, env = "MUC_PHOTO_STORE", value_enum, default_value_t = PhotoStore::Folder)]
    pub photo_store: PhotoStore,
    /// Bucket for photos with `--photo-store s3` (it must exist).
    #[arg(long, global = true, env = "MUC_S3_BUCKET")]
    pub s3_bucket: Option<String>,
    /// S3 endpoint of a provider other than AWS (the city's own store, say);
    /// https, or http on loopback only. Default: AWS in `--s3-region`.
    #[arg(long, global = true, env = "MUC_S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,
    /// Region of the bucket.
    #[arg(long, global = true, env = "MUC_S3_REGION", default_value = "eu-central-1")]
    pub s3_region: String,
    /// Access key for the bucket; without it, the usual AWS sources (instance role).
    #[arg(long, global = true, env = "MUC_S3_ACCESS_KEY_ID", hide_env_values = true)]
    pub s3_access_key_id: Option<String>,
    /// Secret of that key (prefer the environment: flags show in `ps`).
    #[arg(long, global = true, env = "MUC_S3_SECRET_ACCESS_KEY", hide_env_values = true)]
    pub s3_secret_access_key: Option<String>,
    /// Open311 API keys allowed to post reports, comma-separated.
    #[arg(
        long = "open311-api-keys",
        global = true,
        env = "MUC_OPEN311_API_KEYS",
        value_delimiter = ',',
        default_value = "muenchen-app"
    )]
    pub api_keys: Vec<String>,
    /// The citizens' OpenID provider (issuer URL); unset: no sign-in, reports are anonymous.
    #[arg(long, global = true, env = "MUC_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,
    /// The audience citizens' access tokens must name.
    #[arg(long, global = true, env = "MUC_OIDC_AUDIENCE", default_value = "muenchen-portal")]
    pub oidc_audience: String,
    /// Client ids an access token's `azp` may name, comma-separated.
    #[arg(long, global = true, env = "MUC_OIDC_CLIENTS", value_delimiter = ',', default_value = "muenchen-app")]
    pub oidc_clients: Vec<String>,
    /// The provider's name for people, as the app shows it (default: the issuer's host).
    #[arg(long, global = true, env = "MUC_OIDC_NAME")]
    pub oidc_name: Option<String>,
    /// Trust levels the provider can be asked for by scope, comma-separated (BayernID:
    /// level1,level3,level4); empty: it reports none, and every sign-in counts as level 1.
    #[arg(long, global = true, env = "MUC_OIDC_LEVELS", value_delimiter = ',', value_parser = parse_level)]
    pub oidc_levels: Vec<TrustLevel>,
    /// More citizens' providers beside the first, comma-separated NAME=ISSUER (M-Login beside
    /// BayernID); their sign-ins count as level 1, their accounts are their own (`<name>:<sub>`).
    #[arg(long, global = true, env = "MUC_OIDC_MORE", value_delimiter = ',')]
    pub oidc_more: Vec<String>,
    /// New reports per source, BURST/SECONDS (ten at once, then one a minute); over it a 429.
    #[arg(long, global = true, env = "MUC_LIMIT_REPORTS", default_value = "10/60")]
    pub limit_reports: Rate,
    /// "Ich bin auch betroffen" per source, BURST/SECONDS.
    #[arg(long, global = true, env = "MUC_LIMIT_SUPPORTS", default_value = "30/10")]
    pub limit_supports: Rate,
    /// Supports one source may add to one report.
    #[arg(long, global = true, env = "MUC_LIMIT_SUPPORTS_PER_REPORT", default_value_t = 3)]
    pub limit_supports_per_report: u32,
    /// Take the client address from X-Forwarded-For (only behind a reverse proxy that appends it).
    #[arg(long, global = true, env = "MUC_TRUST_FORWARDED_FOR", action = ArgAction::Set, default_value = "false",
        value_parser = BoolishValueParser::new())]
    pub trust_forwarded_for: bool,
    /// Count the per-source limits in the database as well, over every instance on it
    /// (several instances behind a load balancer); off: each instance counts alone.
    #[arg(long, global = true, env = "MUC_SHARED_LIMITS", action = ArgAction::Set, default_value = "false",
        value_parser = BoolishValueParser::new())]
    pub shared_limits: bool,
    /// Proof of work (ALTCHA) on anonymous reports; `off` turns it off.
    #[arg(long, global = true, env = "MUC_POW", action = ArgAction::Set, default_value = "on",
        value_parser = BoolishValueParser::new())]
    pub pow: bool,
    /// The key challenges are signed with and sources' hashes are salted with (at least
    /// 16 characters; the same on every instance); default a random one per start.
    #[arg(long, global = true, env = "MUC_POW_KEY", hide_env_values = true)]
    pub pow_key: Option<String>,
    /// Days the contact data of a closed report is kept (1 to 3650).
    #[arg(long, global = true, env = "MUC_CONTACT_RETENTION_DAYS", default_value_t = 180,
        value_parser = clap::value_parser!(i64).range(1..=3650))]
    pub contact_retention_days: i64,
    /// Seconds a client has to send a request's headers.
    #[arg(long, global = true, env = "MUC_HEADER_TIMEOUT", default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(1..=600))]
    pub header_timeout: u64,
    /// Connections served at once.
    #[arg(long, global = true, env = "MUC_MAX_CONNECTIONS", default_value_t = 1024,
        value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_connections: u64,
    /// Milliseconds a public read is served from memory at most; it is dropped at
    /// once when a write on this instance finishes. The bound on staleness for
    /// writes on other instances and the command line. 0: nothing kept (ETags still).
    #[arg(long, global = true, env = "MUC_READ_CACHE_MS", default_value_t = 2000,
        value_parser = clap::value_parser!(u64).range(0..=3_600_000))]
    pub read_cache_ms: u64,
    /// MiB of memory the kept reads may take.
    #[arg(long, global = true, env = "MUC_READ_CACHE_MIB", default_value_t = 64,
        value_parser = clap::value_parser!(u64).range(1..=65_536))]
    pub read_cache_mib: u64,
    /// Log format.
    #[arg(long, global = true, env = "MUC_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// For parsing a `Config` on its own (tests, embedders).
#[derive(clap::Parser, Debug)]
#[command(name = "muc-portal")]
struct Only {
    #[command(flatten)]
    config: Config,
}

impl Config {
    /// The defaults (and the environment), with `args` on top, e.g.
    /// `["--database-url", "sqlite:…"]`.
    pub fn from_args<I, T>(args: I) -> Result<Config, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        use clap::Parser;
        let all = std::iter::once(std::ffi::OsString::from("muc-portal")).chain(args.into_iter().map(Into::into));
        Only::try_parse_from(all).map(|o| o.config)
    }

    /// The defaults for a database, as a test or an embedding app wants them.
    pub fn for_database(database_url: &str) -> Config {
        Config::from_args(["--database-url", database_url]).unwrap_or_else(|e| panic!("default config: {e}"))
    }

    /// Where photos go: the setting, or beside the database.
    pub fn media_dir(&self) -> PathBuf {
        self.media_dir.clone().unwrap_or_else(|| crate::default_media_dir(&self.database_url))
    }

    pub fn api_keys(&self) -> Vec<String> {
        self.api_keys.iter().map(|k| k.trim()).filter(|k| !k.is_empty()).map(String::from).collect()
    }

    pub fn read_cache_lifetime(&self) -> Duration {
        Duration::from_millis(self.read_cache_ms)
    }

    pub fn contact_retention_secs(&self) -> i64 {
        self.contact_retention_days * 86_400
    }

    pub fn limits(&self) -> crate::limits::LimitConfig {
        crate::limits::LimitConfig {
            reports_burst: self.limit_reports.burst,
            report_every: self.limit_reports.every,
            supports_burst: self.limit_supports.burst,
            support_every: self.limit_supports.every,
            supports_per_report: self.limit_supports_per_report,
            trust_forwarded_for: self.trust_forwarded_for,
            shared: self.shared_limits,
        }
    }

    pub fn server_limits(&self) -> crate::server::ServerLimits {
        crate::server::ServerLimits {
            header_timeout: Duration::from_secs(self.header_timeout),
            max_connections: usize::try_from(self.max_connections).unwrap_or(usize::MAX),
        }
    }

    /// Settings that parse but cannot work together.
    pub fn check(&self) -> Result<(), String> {
        if self.pow_key.as_ref().is_some_and(|k| k.len() < 16) {
            return Err("MUC_POW_KEY / --pow-key must be at least 16 characters".into());
        }
        if self.api_keys().is_empty() {
            return Err("MUC_OPEN311_API_KEYS / --open311-api-keys names no key".into());
        }
        if let Some(u) = &self.public_url {
            url::Url::parse(u).map_err(|e| format!("MUC_PUBLIC_URL / --public-url is not a URL: {e}"))?;
        }
        crate::db::Backend::of_url(&self.database_url).map_err(|e| e.to_string())?;
        crate::citizens::Oidc::more_from_config(self).map_err(|e| format!("MUC_OIDC_MORE / {e}"))?;
        if self.photo_store == PhotoStore::S3 && self.s3_bucket.is_none() {
            return Err("--photo-store s3 needs MUC_S3_BUCKET / --s3-bucket".into());
        }
        // Photos and the store's credentials never cross a network in clear.
        if self.s3_endpoint.as_deref().is_some_and(|e| !muc_wire::open311::acceptable_url(e)) {
            return Err("MUC_S3_ENDPOINT / --s3-endpoint must be an https URL (http only on loopback)".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_burst_over_seconds() {
        assert_eq!("10/60".parse::<Rate>(), Ok(Rate { burst: 10, every: Duration::from_secs(60) }));
        for bad in ["10", "0/60", "10/0", "x/60", "10/-1", ""] {
            assert!(bad.parse::<Rate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn flags_set_what_the_environment_would() {
        let c = Config::from_args([
            "--database-url",
            "sqlite:/tmp/x.db",
            "--pow",
            "off",
            "--limit-reports",
            "5/30",
            "--open311-api-keys",
            "a, b,",
        ])
        .expect("parses");
        assert!(!c.pow);
        assert_eq!(c.limits().reports_burst, 5);
        assert_eq!(c.api_keys(), vec!["a".to_string(), "b".to_string()]);
        assert_eq!(c.media_dir(), PathBuf::from("/tmp/x.db.media"));
        assert!(Config::from_args(["--contact-retention-days", "0"]).is_err());
        assert!(Config::from_args(["--limit-reports", "lots"]).is_err());
        let weak = Config::from_args(["--pow-key", "short"]).expect("parses");
        assert!(weak.check().is_err(), "a short key is refused at start");
    }

    /// No setting is read from the environment anywhere but here: what
    /// `--help` lists is every setting there is.
    #[test]
    fn the_environment_is_read_only_here() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut offenders = Vec::new();
        for entry in walk(&src) {
            let text = std::fs::read_to_string(&entry).unwrap_or_default();
            if entry.ends_with("config.rs") {
                continue;
            }
            for (n, line) in text.lines().enumerate() {
                if line.contains("env::var") && line.contains("\"MUC_") {
                    offenders.push(format!("{}:{}", entry.display(), n + 1));
                }
            }
        }
        assert!(offenders.is_empty(), "settings read outside Config: {offenders:?}");
    }

    fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
        out
    }
}
