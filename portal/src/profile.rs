//! Data given once, with consent: the profile (name, e-mail, postal address,
//! preferred language) and the consents it is kept under.
//!
//! - `GET /me/consents`: the texts a person can consent to (German and
//!   English, versioned) and every consent they gave, revoked ones included.
//! - `POST /me/consents`: give a consent to the version of the text read
//!   (an older version is refused: the text changed, read it again), or
//!   revoke it. Revoking the profile consent deletes the profile in the same
//!   transaction: it is kept only while the consent is in force.
//! - `GET /me/profile`, `PUT /me/profile`: the profile; a `PUT` without the
//!   consent in force is refused (409 `consent_needed`) and stores nothing.
//!
//! The portal never hands the profile to anyone else; the app offers it when
//! a form asks for contact data, and asks each time (nothing is filled in or
//! sent without the person's press).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use muc_wire::personal::{ConsentChange, ConsentPurpose, ConsentRecord, ConsentText, Consents, MyProfile, Profile};
use sqlx::AnyPool;

use crate::error::Error;
use crate::personal::{citizen, needed};
use crate::AppState;

const BODY_LIMIT: usize = 16 * 1024;

/// The texts in force. Raise `version` with every change of a text: consents
/// to the older one then no longer count, and the app asks again.
pub fn texts() -> Vec<ConsentText> {
    vec![ConsentText {
        purpose: ConsentPurpose::Profile,
        version: 1,
        text_de: "Ich willige ein, dass die Landeshauptstadt München meine Profildaten (Name, E-Mail-Adresse, \
                  Postanschrift, bevorzugte Sprache) in meinem Konto speichert, damit die München App sie mir \
                  anbieten kann, wenn ein Formular nach Kontaktdaten fragt. Eingesetzt und gesendet werden sie nur, \
                  wenn ich es im Einzelfall bestätige. Ich kann die Einwilligung jederzeit widerrufen; das Profil \
                  wird dann gelöscht."
            .into(),
        text_en: "I consent to the City of Munich keeping my profile (name, e-mail address, postal address, \
                  preferred language) in my account, so that the Munich app can offer it when a form asks for \
                  contact details. It is filled in and sent only when I confirm it each time. I can revoke this \
                  consent at any time; the profile is then deleted."
            .into(),
    }]
}

fn text_of(purpose: ConsentPurpose) -> ConsentText {
    // Every purpose has a text (`consent_texts_cover_every_purpose`).
    texts().into_iter().find(|t| t.purpose == purpose).unwrap_or_else(|| unreachable!("no text for {purpose:?}"))
}

fn personal<T: serde::Serialize>(v: T) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], Json(v)).into_response()
}

async fn body_of<T: serde::de::DeserializeOwned>(req: Request<Body>) -> Result<T, Error> {
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| Error::PayloadTooLarge(format!("At most {} KiB.", BODY_LIMIT / 1024)))?;
    crate::finders::json_body(&parts.headers, &body)
}

pub async fn consents(State(st): State<AppState>, headers: HeaderMap) -> Result<Response, Error> {
    let c = citizen(&st, &headers, needed("GET /me/consents")).await?;
    Ok(personal(Consents { texts: texts(), records: records(&st.db, &c.sub).await? }))
}

/// The token is checked before the body is read.
pub async fn change_consent(State(st): State<AppState>, req: Request<Body>) -> Result<Response, Error> {
    let c = citizen(&st, req.headers(), needed("POST /me/consents")).await?;
    let change: ConsentChange = body_of(req).await?;
    let text = text_of(change.purpose);
    let now = crate::now_ms();
    let mut tx = crate::db::begin_write(&st.db).await?;
    let active: Option<i64> = sqlx::query_scalar(
        "SELECT version FROM consents WHERE account_id = $1 AND purpose = $2 AND revoked_at IS NULL \
         ORDER BY given_at DESC LIMIT 1",
    )
    .bind(&c.sub)
    .bind(change.purpose.code())
    .fetch_optional(&mut *tx)
    .await?;
    if change.given {
        if change.version != text.version {
            return Err(Error::Precondition {
                code: "consent_text_changed",
                description: format!(
                    "Der Text der Einwilligung hat sich geändert (Fassung {}); bitte lesen Sie ihn erneut. / The \
                     consent's text has changed (version {}); please read it again.",
                    text.version, text.version
                ),
            });
        }
        // Given already to this text: recorded once.
        if active != Some(i64::from(text.version)) {
            revoke_in_force(&mut tx, &c.sub, change.purpose, now).await?;
            sqlx::query("INSERT INTO consents (account_id, purpose, version, given_at) VALUES ($1, $2, $3, $4)")
                .bind(&c.sub)
                .bind(change.purpose.code())
                .bind(i64::from(text.version))
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tracing::info!(purpose = change.purpose.code(), version = text.version, "consent given");
        }
    } else if active.is_some() {
        revoke_in_force(&mut tx, &c.sub, change.purpose, now).await?;
        if change.purpose == ConsentPurpose::Profile {
            sqlx::query("DELETE FROM profiles WHERE account_id = $1").bind(&c.sub).execute(&mut *tx).await?;
        }
        tracing::info!(purpose = change.purpose.code(), "consent revoked");
    }
    tx.commit().await?;
    Ok(personal(Consents { texts: texts(), records: records(&st.db, &c.sub).await? }))
}

/// Marks the account's consent for `purpose` revoked at `now_ms` (a new
/// consent replaces the old one the same way: one in force at a time).
async fn revoke_in_force(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    account: &str,
    purpose: ConsentPurpose,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE consents SET revoked_at = $1 WHERE account_id = $2 AND purpose = $3 AND revoked_at IS NULL")
        .bind(now_ms)
        .bind(account)
        .bind(purpose.code())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn profile(State(st): State<AppState>, headers: HeaderMap) -> Result<Response, Error> {
    let c = citizen(&st, &headers, needed("GET /me/profile")).await?;
    Ok(personal(my_profile(&st.db, &c.sub).await?))
}

/// Stores the profile, if the profile consent to the current text is in force.
pub async fn put_profile(State(st): State<AppState>, req: Request<Body>) -> Result<Response, Error> {
    let c = citizen(&st, req.headers(), needed("PUT /me/profile")).await?;
    let p: Profile = body_of::<Profile>(req).await?.tidied();
    p.check().map_err(|(de, en)| Error::bad_request("invalid_profile", format!("{de} / {en}")))?;
    let mut tx = crate::db::begin_write(&st.db).await?;
    let in_force: Option<i64> = sqlx::query_scalar(
        "SELECT version FROM consents WHERE account_id = $1 AND purpose = $2 AND revoked_at IS NULL AND version = $3",
    )
    .bind(&c.sub)
    .bind(ConsentPurpose::Profile.code())
    .bind(i64::from(text_of(ConsentPurpose::Profile).version))
    .fetch_optional(&mut *tx)
    .await?;
    if in_force.is_none() {
        return Err(Error::Precondition {
            code: "consent_needed",
            description: "Ein Profil wird nur mit Ihrer Einwilligung gespeichert (POST /me/consents). / A profile is \
                          kept only with your consent (POST /me/consents)."
                .into(),
        });
    }
    sqlx::query("DELETE FROM profiles WHERE account_id = $1").bind(&c.sub).execute(&mut *tx).await?;
    sqlx::query(
        "INSERT INTO profiles (account_id, first_name, last_name, email, postal_address, language, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&c.sub)
    .bind(&p.first_name)
    .bind(&p.last_name)
    .bind(&p.email)
    .bind(&p.postal_address)
    .bind(&p.language)
    .bind(crate::now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(personal(my_profile(&st.db, &c.sub).await?))
}

/// Every consent of the account, oldest first.
pub async fn records(db: &AnyPool, account: &str) -> Result<Vec<ConsentRecord>, sqlx::Error> {
    let rows: Vec<(String, i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT purpose, version, given_at, revoked_at FROM consents WHERE account_id = $1 ORDER BY given_at",
    )
    .bind(account)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(purpose, version, given, revoked)| {
            Some(ConsentRecord {
                purpose: ConsentPurpose::from_code(&purpose)?,
                version: u32::try_from(version).ok()?,
                given_at: crate::rfc3339(given / 1000),
                revoked_at: revoked.map(|r| crate::rfc3339(r / 1000)),
            })
        })
        .collect())
}

/// The profile kept for the account, if any.
pub async fn of_account(db: &AnyPool, account: &str) -> Result<Option<Profile>, sqlx::Error> {
    type Row = (Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT first_name, last_name, email, postal_address, language FROM profiles WHERE account_id = $1",
    )
    .bind(account)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(first_name, last_name, email, postal_address, language)| Profile {
        first_name,
        last_name,
        email,
        postal_address,
        language,
    }))
}

async fn my_profile(db: &AnyPool, account: &str) -> Result<MyProfile, sqlx::Error> {
    let consents = Consents { texts: texts(), records: records(db, account).await? };
    Ok(MyProfile {
        profile: of_account(db, account).await?,
        consent: consents.in_force(ConsentPurpose::Profile).cloned(),
        consent_text: text_of(ConsentPurpose::Profile),
    })
}

/// Deletes profile and consents (in the account deletion's transaction).
pub async fn forget(tx: &mut sqlx::Transaction<'_, sqlx::Any>, account: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM profiles WHERE account_id = $1").bind(account).execute(&mut **tx).await?;
    sqlx::query("DELETE FROM consents WHERE account_id = $1").bind(account).execute(&mut **tx).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_texts_cover_every_purpose() {
        for p in ConsentPurpose::ALL {
            let t = text_of(p);
            assert!(t.version >= 1 && t.text_de.len() > 100 && t.text_en.len() > 100, "{p:?}");
        }
    }
}
