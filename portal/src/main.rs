use std::path::PathBuf;

use clap::{Parser, Subcommand};
use muc_portal::config::Config;
use muc_portal::{audit, auth, db, finders, linkcheck, BoxError};
use muc_wire::finders::Finder;

/// The Munich portal: OGC API – Features for M-WLAN hotspots, the
/// capacity-finder catalogue and Open311 GeoReport v2 for citizens' reports,
/// on SQLite or PostgreSQL. Every setting below is a flag or an environment
/// variable.
#[derive(Parser, Debug)]
#[command(version)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the server (what happens without a subcommand).
    Serve,
    /// Tokens for the operator API: make, list, revoke.
    OperatorToken {
        #[command(subcommand)]
        action: TokenCommand,
    },
    /// Who changed what: the audit log, newest first.
    Audit {
        /// Only entries about this finder, report or token id.
        #[arg(long)]
        target: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Look after the capacity-finder catalogue.
    Finders {
        #[command(subcommand)]
        action: FinderCommand,
    },
    /// Work on citizens' reports (Open311 service requests).
    Requests {
        #[command(subcommand)]
        action: RequestCommand,
    },
    /// Publish a notification: to the subscribers of a topic (in a
    /// district), to a signed-in person, or to a device.
    Notify {
        /// road_works, buerger_lab or warnings (report_status only to a person or device).
        #[arg(long)]
        topic: String,
        /// A Stadtbezirk, 1 to 25; none: the whole city.
        #[arg(long)]
        district: Option<u8>,
        /// To one account (its id, the token's `sub`) instead of the subscribers.
        #[arg(long, conflicts_with = "device")]
        account: Option<String>,
        /// To one device (its id) instead of the subscribers.
        #[arg(long)]
        device: Option<String>,
        /// info, success, warning or emergency.
        #[arg(long, default_value = "info")]
        severity: String,
        /// Into the app: report:<id> or screen:<name>.
        #[arg(long)]
        link: Option<String>,
        /// RFC 3339; default: in 30 days.
        #[arg(long)]
        expires: Option<String>,
        /// At most 120 characters.
        title: String,
        /// At most 1000 characters.
        #[arg(default_value = "")]
        text: String,
    },
    /// Write the dated copy of the open data the app's package carries
    /// (hotspot sites, finder catalogue, report categories) as JSON.
    OpenData {
        /// Where to write it (the package's open-data.json).
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Make a token; it is shown once.
    Create {
        /// Who the token is for, e.g. "Sozialreferat, Team Online".
        name: String,
        /// What it may do, comma-separated: finders, requests, audit, notifications.
        #[arg(long)]
        scope: Scopes,
        /// Days it is valid (1 to 366).
        #[arg(long, default_value_t = 90)]
        days: u32,
    },
    /// Every token: id, name, scope, expiry, last use. Never the token.
    List,
    /// Revoke a token by its id (from `list`); it is refused from then on.
    Revoke { id: String },
}

#[derive(Debug, Clone)]
struct Scopes(Vec<auth::Scope>);

impl std::str::FromStr for Scopes {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        auth::Scope::parse_list(s).map(Scopes)
    }
}

#[derive(Subcommand, Debug)]
enum RequestCommand {
    /// Reports of the last 90 days, newest first.
    List,
    /// Move a report on: received, in_progress, scheduled, fixed, closed, duplicate, not_responsible.
    SetStatus {
        id: String,
        status: String,
        /// A note the citizen sees with the new status.
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum FinderCommand {
    /// List every entry, retired ones marked.
    List,
    /// Add an entry from a JSON file (the format of GET /finders/{id}).
    Add { file: PathBuf },
    /// Replace an entry from a JSON file; its id says which.
    Update { file: PathBuf },
    /// Take an entry out of the public catalogue.
    Retire { id: String },
    /// Check that every entry's address still answers (needs internet).
    CheckLinks {
        /// Record today's date as `last_checked` for the entries that answer.
        #[arg(long)]
        mark: bool,
    },
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    muc_portal::init_logs(cli.config.log_format, std::io::stderr);
    if let Err(e) = run(cli).await {
        eprintln!("muc-portal: {e}");
        std::process::exit(1);
    }
}

async fn run(cli: Cli) -> Result<(), BoxError> {
    let config = cli.config;
    config.check()?;
    let by = audit::command_line_operator();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            muc_portal::serve(
                &config,
                // A line other programs (the app's launcher, tests) can wait for.
                |addr| println!("muc-portal listening on http://{addr}"),
                shutdown_signal(),
            )
            .await
        }
        Command::OperatorToken { action } => {
            let pool = open(&config.database_url).await?;
            tokens_command(&pool, action, &by).await
        }
        Command::Audit { target, limit } => {
            let pool = open(&config.database_url).await?;
            for e in audit::list(&pool, target.as_deref(), limit.clamp(1, audit::MAX_LIMIT)).await? {
                println!(
                    "{}  {:<14} {:<24} {}  {}",
                    e.at,
                    e.action,
                    e.target,
                    e.operator,
                    e.detail.unwrap_or_default()
                );
            }
            Ok(())
        }
        Command::Finders { action } => {
            let pool = open(&config.database_url).await?;
            finders_command(&pool, action, &by).await
        }
        Command::Requests { action } => {
            let pool = open(&config.database_url).await?;
            requests_command(&pool, action, &by).await
        }
        Command::Notify { topic, district, account, device, severity, link, expires, title, text } => {
            use muc_wire::notify::{Audience, Publish, Severity, Topic};
            let topic = Topic::from_code(&topic).ok_or_else(|| {
                format!("unknown topic '{topic}'; use one of {}", Topic::ALL.map(Topic::code).join(", "))
            })?;
            let severity = Severity::from_code(&severity)
                .ok_or_else(|| format!("unknown severity '{severity}'; use info, success, warning or emergency"))?;
            let audience = match (account, device) {
                (Some(account_id), _) => Audience::Account { account_id },
                (_, Some(device_id)) => Audience::Device { device_id },
                _ => Audience::Subscribers,
            };
            let p = Publish { audience, topic, district, severity, title, text, link, expires_at: expires };
            let pool = open(&config.database_url).await?;
            let id = muc_portal::notify::publish(&pool, &p, &by).await?;
            println!("published notification {id}");
            Ok(())
        }
        Command::OpenData { out } => {
            let copy = muc_portal::open_data_copy(&config).await?;
            std::fs::write(&out, serde_json::to_vec(&copy)?)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            eprintln!(
                "{}: {} sites, {} finders, {} report categories, as of {}",
                out.display(),
                copy.sites.len(),
                copy.finders.len(),
                copy.categories.len(),
                muc_portal::date_of(copy.made_at)
            );
            Ok(())
        }
    }
}

async fn tokens_command(pool: &sqlx::AnyPool, action: TokenCommand, by: &str) -> Result<(), BoxError> {
    match action {
        TokenCommand::Create { name, scope, days } => {
            let t = auth::create_token(pool, &name, &scope.0, days, by).await?;
            println!("{}", t.token);
            eprintln!(
                "Operator token {} for {name:?}, valid until {}. Keep it secret; it is not shown again.",
                t.id,
                muc_portal::date_of(t.expires_at)
            );
        }
        TokenCommand::List => {
            let now = muc_portal::now();
            println!("{:<12}  {:<8} {:<24} {:<10} {:<10} name", "id", "state", "scope", "until", "last used");
            for t in auth::list_tokens(pool).await? {
                let state = match (t.revoked_at, t.expires_at) {
                    (Some(_), _) => "revoked",
                    (None, Some(e)) if e <= now => "expired",
                    _ => "active",
                };
                let day = |t: Option<i64>| t.map_or_else(|| "–".to_string(), muc_portal::date_of);
                println!(
                    "{:<12}  {:<8} {:<24} {:<10} {:<10} {}",
                    t.id,
                    state,
                    t.scopes,
                    day(t.expires_at),
                    day(t.last_used_at),
                    t.name
                );
            }
        }
        TokenCommand::Revoke { id } => {
            auth::revoke_token(pool, &id, by).await?;
            println!("revoked {id}");
        }
    }
    Ok(())
}

async fn open(url: &str) -> Result<sqlx::AnyPool, BoxError> {
    let pool = db::connect(url).await?;
    finders::seed_if_empty(&pool, muc_portal::now()).await?;
    Ok(pool)
}

fn read_entry(file: &PathBuf) -> Result<Finder, BoxError> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("{}: not a valid entry: {e}", file.display()))?)
}

async fn finders_command(pool: &sqlx::AnyPool, action: FinderCommand, by: &str) -> Result<(), BoxError> {
    let now = muc_portal::now();
    match action {
        FinderCommand::List => {
            let active: Vec<String> = finders::load(pool, false).await?.into_iter().map(|f| f.id).collect();
            for f in finders::load(pool, true).await? {
                let state = if active.contains(&f.id) { "active " } else { "retired" };
                println!("{state}  {:<40} {}", f.id, f.url);
            }
        }
        FinderCommand::Add { file } => {
            let f = read_entry(&file)?;
            finders::add(pool, &f, now, by).await?;
            println!("added {}", f.id);
        }
        FinderCommand::Update { file } => {
            let f = read_entry(&file)?;
            finders::change(pool, &f.id, &f, now, by).await?;
            println!("updated {}", f.id);
        }
        FinderCommand::Retire { id } => {
            finders::retire_entry(pool, &id, now, by).await?;
            println!("retired {id}");
        }
        FinderCommand::CheckLinks { mark } => {
            let client = linkcheck::client();
            let today = &muc_portal::rfc3339(now)[..10];
            let mut broken = 0;
            for f in finders::load(pool, false).await? {
                let status = linkcheck::check(&client, &f.url).await;
                println!("{:<40} {:?}  {}", f.id, status, f.url);
                match status {
                    linkcheck::LinkStatus::Ok(_) if mark => finders::mark_checked(pool, &f.id, today, now).await?,
                    linkcheck::LinkStatus::Ok(_) => {}
                    _ => broken += 1,
                }
            }
            if broken > 0 {
                return Err(format!("{broken} address(es) did not answer; see above").into());
            }
        }
    }
    Ok(())
}

async fn requests_command(pool: &sqlx::AnyPool, action: RequestCommand, by: &str) -> Result<(), BoxError> {
    use muc_portal::open311::store;
    use muc_wire::open311::DetailedStatus;
    let now = muc_portal::now();
    match action {
        RequestCommand::List => {
            let filter = store::Filter { start: now - 90 * 86_400, end: now, ..Default::default() };
            for r in store::find(pool, &filter).await? {
                println!(
                    "{}  {:<16} +{:<3} {:<20} {}  {}",
                    r.id,
                    r.detailed_status,
                    r.supporters,
                    r.service_code,
                    muc_portal::rfc3339(r.requested_at),
                    r.address.or(r.lat.zip(r.lon).map(|(a, b)| format!("{a:.5}, {b:.5}"))).unwrap_or_default()
                );
            }
        }
        RequestCommand::SetStatus { id, status, note } => {
            let s = DetailedStatus::from_code(&status).ok_or_else(|| {
                let all: Vec<&str> = DetailedStatus::ALL.iter().map(|d| d.code()).collect();
                format!("unknown status '{status}'; use one of {}", all.join(", "))
            })?;
            if !store::set_status(pool, &id, s, note.as_deref(), None, now, by).await? {
                return Err(format!("no report {id}").into());
            }
            println!("{id} is now {}", s.code());
        }
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}
