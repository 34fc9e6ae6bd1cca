use std::net::SocketAddr;

use clap::Parser;

/// The Munich portal: OGC API – Features for M-WLAN hotspots, on SQLite or PostgreSQL.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Address to listen on.
    #[arg(long, env = "MUC_PORTAL_BIND", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// sqlite:PATH (created if missing) or postgres://USER:PASS@HOST/DB.
    #[arg(long, env = "MUC_DATABASE_URL", default_value = "sqlite:muc-portal.db?mode=rwc")]
    database_url: String,
    /// Public base URL for links in responses (behind a proxy); default http://BIND.
    #[arg(long, env = "MUC_PUBLIC_URL")]
    public_url: Option<String>,
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .init();
    let args = Args::parse();
    let result = muc_portal::serve(
        &args.database_url,
        args.bind,
        args.public_url.as_deref(),
        |addr| {
            // A line other programs (the app's launcher, tests) can wait for.
            println!("muc-portal listening on http://{addr}");
        },
        shutdown_signal(),
    )
    .await;
    if let Err(e) = result {
        eprintln!("muc-portal: {e}");
        std::process::exit(1);
    }
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
