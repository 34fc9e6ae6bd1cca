//! Proof of work for anonymous reports, the way the city already protects
//! its appointment booking: ALTCHA (`altcha-lib-rs`). A client fetches a
//! challenge (`GET /open311/v2/challenge.json`: SHA-256, salted, signed with
//! the portal's key, expiring), finds the number that solves it, and sends
//! the solution with the report (form field `altcha`, base64 JSON). The
//! portal checks signature, solution and expiry, and takes each solution
//! once. The cost (how far the client must count) rises with a source's
//! requests in a window; sources are kept only as salted hashes. Signed-in
//! citizens skip it. The app solves it in the shell: a person never sees a
//! puzzle.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use altcha_lib_rs::{create_challenge, verify_solution, Challenge, ChallengeOptions, Payload};

/// A challenge is valid this long (a report may wait a little in an app).
pub const LIFETIME: Duration = Duration::from_secs(300);
/// Expected work at the base cost: the client counts to half of this.
pub const BASE_COST: u64 = 20_000;
/// Challenges a source may fetch in a window before the cost doubles.
pub const STEP: u32 = 5;
/// The cost doubles at most this often (base × 64: about a second of a
/// phone's time, and many minutes of a bot's for a flood).
const MAX_DOUBLINGS: u32 = 6;
const WINDOW: Duration = Duration::from_secs(600);

/// Why a proof of work was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Missing,
    Unreadable,
    Wrong,
    Expired,
    /// The database could not record it (the report is not stored either).
    Unavailable(String),
    Used,
}

pub struct Pow {
    key: String,
    base_cost: u64,
    step: u32,
    /// Challenges fetched per source hash in the current window.
    load: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Pow {
    /// `key`: the HMAC key challenges are signed with (`MUC_POW_KEY`; a
    /// random one per start otherwise; several instances need the same).
    pub fn new(key: String) -> Self {
        Self { key, base_cost: BASE_COST, step: STEP, load: Mutex::default() }
    }

    /// Another base cost and step (tests of other parts keep it cheap).
    pub fn with_cost(self, base_cost: u64, step: u32) -> Self {
        Self { base_cost, step: step.max(1), ..self }
    }

    /// From `--pow` (`off` disables it) and `--pow-key`.
    pub fn from_config(config: &crate::config::Config) -> Option<Self> {
        if !config.pow {
            return None;
        }
        let key = config.pow_key.clone().filter(|k| k.len() >= 16).unwrap_or_else(|| {
            let mut raw = [0u8; 32];
            let _ = getrandom::getrandom(&mut raw);
            raw.iter().map(|b| format!("{b:02x}")).collect()
        });
        Some(Self::new(key))
    }

    /// The cost for a source that asked `n` times in the window.
    fn cost(&self, n: u32) -> u64 {
        self.base_cost << (n / self.step).min(MAX_DOUBLINGS)
    }

    /// A new challenge for `source` (a salted hash, or None if unknown).
    pub fn challenge(&self, source: Option<&str>) -> Result<Challenge, String> {
        let n = source.map_or(0, |s| {
            let mut load = self.load.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if load.len() > 100_000 {
                load.retain(|_, (since, _)| since.elapsed() < WINDOW);
            }
            let entry = load.entry(s.to_string()).or_insert((Instant::now(), 0));
            if entry.0.elapsed() >= WINDOW {
                *entry = (Instant::now(), 0);
            }
            entry.1 += 1;
            entry.1 - 1
        });
        self.challenge_expiring(self.cost(n), chrono::Utc::now() + LIFETIME)
    }

    /// A challenge with a given cost and expiry (tests make expired ones).
    pub fn challenge_expiring(
        &self,
        max_number: u64,
        expires: chrono::DateTime<chrono::Utc>,
    ) -> Result<Challenge, String> {
        create_challenge(ChallengeOptions {
            hmac_key: &self.key,
            max_number: Some(max_number),
            expires: Some(expires),
            ..Default::default()
        })
        .map_err(|e| e.to_string())
    }

    /// Checks a solution (the `altcha` field) and takes it: it cannot be
    /// used again, on this instance or any other on the same database (the
    /// challenges taken are rows, and a second taker hits the primary key).
    pub async fn redeem(&self, db: &sqlx::AnyPool, field: Option<&str>) -> Result<(), Refused> {
        let challenge = self.verify(field)?;
        let taken = sqlx::query("INSERT INTO pow_spent (challenge, expires_at) VALUES ($1, $2)")
            .bind(&challenge)
            .bind(crate::now() + LIFETIME.as_secs() as i64 + 60)
            .execute(db)
            .await;
        match taken {
            Ok(_) => Ok(()),
            Err(sqlx::Error::Database(d)) if d.is_unique_violation() => Err(Refused::Used),
            Err(e) => Err(Refused::Unavailable(e.to_string())),
        }
    }

    /// Signature, solution and expiry; the challenge it solves.
    fn verify(&self, field: Option<&str>) -> Result<String, Refused> {
        use base64::Engine;
        let field = field.map(str::trim).filter(|f| !f.is_empty()).ok_or(Refused::Missing)?;
        let json = base64::engine::general_purpose::STANDARD.decode(field).map_err(|_| Refused::Unreadable)?;
        let payload: Payload = serde_json::from_slice(&json).map_err(|_| Refused::Unreadable)?;
        // Only challenges that carry an expiry are ours.
        if !payload.salt.contains("expires=") {
            return Err(Refused::Wrong);
        }
        verify_solution(&payload, &self.key, true).map_err(|e| match e {
            altcha_lib_rs::error::Error::VerificationFailedExpired(_) => Refused::Expired,
            _ => Refused::Wrong,
        })?;
        Ok(payload.challenge)
    }
}

/// The salt for source hashes, from the key (`--pow-key`): the same on
/// every instance that shares the key, and never stored in the database (so
/// the hashes there cannot be turned back into addresses by trying all).
pub fn source_salt(key: &str) -> [u8; 16] {
    use sha2::Digest;
    let digest = sha2::Sha256::new().chain_update(b"muc-portal source salt\n").chain_update(key).finalize();
    let mut salt = [0u8; 16];
    salt.copy_from_slice(&digest[..16]);
    salt
}

/// Forgets taken challenges that have expired anyway (the daily purge).
pub async fn purge_spent(db: &sqlx::AnyPool, now: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM pow_spent WHERE expires_at < $1").bind(now).execute(db).await?.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_rises_with_a_sources_requests() {
        let pow = Pow::new("k".repeat(32));
        let costs: Vec<u64> = (0..60).map(|_| pow.challenge(Some("abc")).expect("c").maxnumber).collect();
        assert_eq!(costs[0], BASE_COST);
        assert_eq!(costs[5], 2 * BASE_COST);
        assert_eq!(costs[10], 4 * BASE_COST);
        assert_eq!(costs[59], 64 * BASE_COST, "at most 64 times the base");
        assert_eq!(pow.challenge(Some("other")).expect("c").maxnumber, BASE_COST, "others pay the base");
    }
}
