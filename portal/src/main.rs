use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use muc_portal::{auth, db, finders, linkcheck, BoxError};
use muc_wire::finders::Finder;

/// The Munich portal: OGC API – Features for M-WLAN hotspots and the
/// capacity-finder catalogue, on SQLite or PostgreSQL.
#[derive(Parser, Debug)]
#[command(version)]
struct Cli {
    /// Address to listen on.
    #[arg(long, global = true, env = "MUC_PORTAL_BIND", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// sqlite:PATH (created if missing) or postgres://USER:PASS@HOST/DB.
    #[arg(long, global = true, env = "MUC_DATABASE_URL", default_value = "sqlite:muc-portal.db?mode=rwc")]
    database_url: String,
    /// Public base URL for links in responses (behind a proxy); default http://BIND.
    #[arg(long, global = true, env = "MUC_PUBLIC_URL")]
    public_url: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the server (what happens without a subcommand).
    Serve,
    /// Create an operator token for the operator API; it is shown once.
    OperatorToken {
        /// Who the token is for, e.g. "Sozialreferat, Team Online".
        name: String,
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
    let filter = || {
        tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into())
    };
    // MUC_LOG_FORMAT=json: one JSON object a line, for the city's log collection.
    let logs = tracing_subscriber::fmt().with_writer(std::io::stderr).with_env_filter(filter());
    if std::env::var("MUC_LOG_FORMAT").as_deref() == Ok("json") {
        logs.json().with_current_span(true).init();
    } else {
        logs.init();
    }
    let cli = Cli::parse();
    if let Err(e) = run(cli).await {
        eprintln!("muc-portal: {e}");
        std::process::exit(1);
    }
}

async fn run(cli: Cli) -> Result<(), BoxError> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            muc_portal::serve(
                &cli.database_url,
                cli.bind,
                cli.public_url.as_deref(),
                // A line other programs (the app's launcher, tests) can wait for.
                |addr| println!("muc-portal listening on http://{addr}"),
                shutdown_signal(),
            )
            .await
        }
        Command::OperatorToken { name } => {
            let pool = open(&cli.database_url).await?;
            let token = auth::create_token(&pool, &name).await?;
            println!("{token}");
            eprintln!("Operator token for {name:?}. Keep it secret; it is not shown again.");
            Ok(())
        }
        Command::Finders { action } => {
            let pool = open(&cli.database_url).await?;
            finders_command(&pool, action).await
        }
        Command::Requests { action } => {
            let pool = open(&cli.database_url).await?;
            requests_command(&pool, action).await
        }
    }
}

async fn open(url: &str) -> Result<sqlx::AnyPool, BoxError> {
    let pool = db::connect(url).await?;
    finders::seed_if_empty(&pool, finders::now()).await?;
    Ok(pool)
}

fn read_entry(file: &PathBuf) -> Result<Finder, BoxError> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("{}: not a valid entry: {e}", file.display()))?)
}

async fn finders_command(pool: &sqlx::AnyPool, action: FinderCommand) -> Result<(), BoxError> {
    let now = finders::now();
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
            finders::add(pool, &f, now).await?;
            println!("added {}", f.id);
        }
        FinderCommand::Update { file } => {
            let f = read_entry(&file)?;
            finders::change(pool, &f.id, &f, now).await?;
            println!("updated {}", f.id);
        }
        FinderCommand::Retire { id } => {
            finders::retire_entry(pool, &id, now).await?;
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

async fn requests_command(pool: &sqlx::AnyPool, action: RequestCommand) -> Result<(), BoxError> {
    use muc_portal::open311::store;
    use muc_wire::open311::DetailedStatus;
    let now = finders::now();
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
            if !store::set_status(pool, &id, s, note.as_deref(), None, now).await? {
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
