//! The capacity-finder catalogue: public read with an ETag, and an operator
//! API (bearer token) to add, change and retire entries.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::Router;
use muc_wire::finders::{Category, Finder, FinderCatalogue};
use serde::de::DeserializeOwned;
use sqlx::AnyPool;

use crate::error::{Error, Result};
use crate::{auth, rfc3339, AppState};

pub const SEED_JSON: &str = include_str!("../data/finders.json");

/// The public catalogue (open to web clients of any origin).
pub fn router() -> Router<AppState> {
    Router::new().route("/finders", get(list)).route("/finders/{id}", get(one))
}

/// The operators' API (no CORS: only the city's own tools use it).
pub fn operator_router() -> Router<AppState> {
    Router::new()
        .route("/operator/finders", get(operator_list).post(create))
        .route("/operator/finders/{id}", put(update).delete(retire))
}

#[derive(serde::Deserialize)]
struct Seed {
    finders: Vec<Finder>,
}

/// Seeds the catalogue on first start (an empty table, never after retirements).
pub async fn seed_if_empty(pool: &AnyPool, now: i64) -> Result<usize, crate::BoxError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM finders").fetch_one(pool).await?;
    if n > 0 {
        return Ok(0);
    }
    let seed: Seed = serde_json::from_str(SEED_JSON)?;
    let mut tx = crate::db::begin_write(pool).await?;
    for f in &seed.finders {
        validate(f).map_err(|e| format!("seed entry {}: {e:?}", f.id))?;
        insert(&mut tx, f, now).await?;
    }
    tx.commit().await?;
    Ok(seed.finders.len())
}

// ---- validation ---------------------------------------------------------

/// Checks an entry before it is stored. Messages are for the operator.
pub fn validate(f: &Finder) -> Result<()> {
    let bad = |field: &str, why: &str| Error::bad_request("invalid_finder", format!("{field}: {why}"));
    let id_ok = (3..=80).contains(&f.id.len())
        && f.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !f.id.starts_with('-')
        && !f.id.ends_with('-');
    if !id_ok {
        return Err(bad("id", "3 to 80 characters a-z, 0-9 and '-', e.g. kita-finder-muenchen"));
    }
    for (field, value, max) in [
        ("name_de", &f.name_de, 120),
        ("name_en", &f.name_en, 120),
        ("description_de", &f.description_de, 600),
        ("description_en", &f.description_en, 600),
        ("operator", &f.operator, 200),
    ] {
        if value.trim().is_empty() {
            return Err(bad(field, "required"));
        }
        if value.chars().count() > max {
            return Err(bad(field, &format!("at most {max} characters")));
        }
    }
    check_https(&f.url).map_err(|why| bad("url", &why))?;
    if let Some(p) = &f.phone {
        let digits = p.chars().filter(char::is_ascii_digit).count();
        let allowed = p.chars().all(|c| c.is_ascii_digit() || " +-/()".contains(c));
        if !allowed || !(3..=20).contains(&digits) {
            return Err(bad("phone", "digits, spaces and + - / ( ) only, 3 to 20 digits"));
        }
    }
    if f.target_groups.is_empty() {
        return Err(bad("target_groups", "at least one"));
    }
    if f.languages.is_empty()
        || !f.languages.iter().all(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Err(bad("languages", "at least one language code such as de or en"));
    }
    if f.keywords.len() > 40 || f.keywords.iter().any(|k| k.trim().is_empty() || k.len() > 60) {
        return Err(bad("keywords", "at most 40, each 1 to 60 characters"));
    }
    if let Some(d) = &f.last_checked {
        let ok = d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-';
        if !ok {
            return Err(bad("last_checked", "a date YYYY-MM-DD"));
        }
    }
    Ok(())
}

/// Only https addresses of a real host, without credentials: the app opens
/// these in a person's browser.
pub fn check_https(raw: &str) -> std::result::Result<(), String> {
    let u = url::Url::parse(raw).map_err(|e| format!("not a valid address ({e})"))?;
    if u.scheme() != "https" {
        return Err("must start with https://".into());
    }
    match u.host() {
        Some(url::Host::Domain(d)) if d.contains('.') => {}
        _ => return Err("needs a public host name".into()),
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err("must not contain a user name or password".into());
    }
    Ok(())
}

// ---- storage ------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    name_de: String,
    name_en: String,
    description_de: String,
    description_en: String,
    operator: String,
    url: String,
    phone: Option<String>,
    category: String,
    target_groups: String,
    languages: String,
    accessibility_de: Option<String>,
    login_required: i64,
    keywords: String,
    last_checked: Option<String>,
}

const COLUMNS: &str = "id, name_de, name_en, description_de, description_en, operator, url, phone, category, \
     target_groups, languages, accessibility_de, login_required, keywords, last_checked";

fn parse<T: DeserializeOwned>(what: &str, s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| Error::Internal(format!("stored {what} unreadable: {e}")))
}

impl Row {
    fn into_finder(self) -> Result<Finder> {
        Ok(Finder {
            category: parse("category", &format!("\"{}\"", self.category))?,
            target_groups: parse("target_groups", &self.target_groups)?,
            languages: parse("languages", &self.languages)?,
            keywords: parse("keywords", &self.keywords)?,
            login_required: self.login_required != 0,
            id: self.id,
            name_de: self.name_de,
            name_en: self.name_en,
            description_de: self.description_de,
            description_en: self.description_en,
            operator: self.operator,
            url: self.url,
            phone: self.phone,
            accessibility_de: self.accessibility_de,
            last_checked: self.last_checked,
        })
    }
}

fn category_code(c: Category) -> String {
    serde_json::to_string(&c).unwrap_or_default().trim_matches('"').to_string()
}

fn json_list<T: serde::Serialize>(v: &[T]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Binds an entry's fields in column order (name_de … last_checked): INSERT
/// and UPDATE list them the same way after the id.
fn bind_fields<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    f: &'q Finder,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    q.bind(&f.name_de)
        .bind(&f.name_en)
        .bind(&f.description_de)
        .bind(&f.description_en)
        .bind(&f.operator)
        .bind(&f.url)
        .bind(f.phone.clone())
        .bind(category_code(f.category))
        .bind(json_list(&f.target_groups))
        .bind(json_list(&f.languages))
        .bind(f.accessibility_de.clone())
        .bind(i64::from(f.login_required))
        .bind(json_list(&f.keywords))
        .bind(f.last_checked.clone())
}

async fn insert(conn: &mut sqlx::AnyConnection, f: &Finder, now: i64) -> Result<(), sqlx::Error> {
    let sql = format!(
        "INSERT INTO finders ({COLUMNS}, retired_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, NULL, $16)"
    );
    let q = sqlx::query(&sql).bind(&f.id);
    bind_fields(q, f).bind(now).execute(conn).await.map(|_| ())
}

/// Active entries (or all, for operators), in catalogue order.
pub async fn load(pool: &AnyPool, include_retired: bool) -> Result<Vec<Finder>> {
    let filter = if include_retired { "" } else { " WHERE retired_at IS NULL" };
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM finders{filter} ORDER BY category, id")).fetch_all(pool).await?;
    rows.into_iter().map(Row::into_finder).collect()
}

async fn last_change(pool: &AnyPool) -> Result<i64> {
    let t: Option<i64> = sqlx::query_scalar("SELECT MAX(updated_at) FROM finders").fetch_one(pool).await?;
    Ok(t.unwrap_or(0))
}

/// Creates an entry; 409 if its id or address is taken (also by a retired one).
pub async fn add(pool: &AnyPool, f: &Finder, now: i64, by: &str) -> Result<()> {
    validate(f)?;
    let clash: Option<String> = sqlx::query_scalar("SELECT id FROM finders WHERE id = $1 OR url = $2")
        .bind(&f.id)
        .bind(&f.url)
        .fetch_optional(pool)
        .await?;
    if let Some(other) = clash {
        return Err(Error::Conflict(format!(
            "An entry with this id or address exists already: '{other}'. Change that entry instead."
        )));
    }
    let mut tx = crate::db::begin_write(pool).await?;
    insert(&mut tx, f, now).await.map_err(|e| match &e {
        // Lost a race with another writer: the same answer as above.
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            Error::Conflict("An entry with this id or address exists already.".into())
        }
        _ => e.into(),
    })?;
    crate::audit::record(&mut tx, by, "finder.add", &f.id, Some(&f.url)).await?;
    tx.commit().await?;
    Ok(())
}

/// Replaces an entry (it stays or becomes active).
pub async fn change(pool: &AnyPool, id: &str, f: &Finder, now: i64, by: &str) -> Result<()> {
    validate(f)?;
    if f.id != id {
        return Err(Error::bad_request("invalid_finder", "id: the id in the body must match the address"));
    }
    let clash: Option<String> = sqlx::query_scalar("SELECT id FROM finders WHERE url = $1 AND id <> $2")
        .bind(&f.url)
        .bind(id)
        .fetch_optional(pool)
        .await?;
    if let Some(other) = clash {
        return Err(Error::Conflict(format!("The address is used by '{other}' already.")));
    }
    let q = sqlx::query(
        "UPDATE finders SET name_de = $2, name_en = $3, description_de = $4, description_en = $5, operator = $6, \
         url = $7, phone = $8, category = $9, target_groups = $10, languages = $11, accessibility_de = $12, \
         login_required = $13, keywords = $14, last_checked = $15, retired_at = NULL, updated_at = $16 WHERE id = $1",
    )
    .bind(id);
    let mut tx = crate::db::begin_write(pool).await?;
    let done = bind_fields(q, f).bind(now).execute(&mut *tx).await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound(format!("No finder with id '{id}'.")));
    }
    crate::audit::record(&mut tx, by, "finder.change", id, Some(&f.url)).await?;
    tx.commit().await?;
    Ok(())
}

/// Retires an entry: it leaves the public catalogue but keeps its id and address.
pub async fn retire_entry(pool: &AnyPool, id: &str, now: i64, by: &str) -> Result<()> {
    let mut tx = crate::db::begin_write(pool).await?;
    let done = sqlx::query("UPDATE finders SET retired_at = $2, updated_at = $2 WHERE id = $1 AND retired_at IS NULL")
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound(format!("No active finder with id '{id}'.")));
    }
    crate::audit::record(&mut tx, by, "finder.retire", id, None).await?;
    tx.commit().await?;
    Ok(())
}

/// Records that an entry's address answered today.
pub async fn mark_checked(pool: &AnyPool, id: &str, date: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE finders SET last_checked = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(date)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

// ---- HTTP ---------------------------------------------------------------

/// The catalogue. Its ETag, 304 and compression come from the read cache.
async fn list(State(st): State<AppState>) -> Result<Response> {
    let catalogue =
        FinderCatalogue { finders: load(&st.db, false).await?, updated_at: rfc3339(last_change(&st.db).await?) };
    Ok(crate::hotspots::json("application/json", &catalogue))
}

async fn one(State(st): State<AppState>, Path(id): Path<String>) -> Result<Response> {
    let f = load(&st.db, false)
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(|| Error::NotFound(format!("No finder with id '{id}'.")))?;
    Ok(crate::hotspots::json("application/json", &f))
}

async fn operator_list(State(st): State<AppState>, _op: auth::OperatorWith<auth::Finders>) -> Result<Response> {
    Ok(crate::hotspots::json("application/json", &load(&st.db, true).await?))
}

async fn create(
    State(st): State<AppState>,
    auth::OperatorWith(op, _): auth::OperatorWith<auth::Finders>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response> {
    let f: Finder = json_body(&headers, &body)?;
    add(&st.db, &f, crate::now(), &op.who()).await?;
    tracing::info!(id = %f.id, "finder added");
    let location = format!("{}/finders/{}", st.base_url, f.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], crate::hotspots::json("application/json", &f))
        .into_response())
}

async fn update(
    State(st): State<AppState>,
    Path(id): Path<String>,
    auth::OperatorWith(op, _): auth::OperatorWith<auth::Finders>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response> {
    let f: Finder = json_body(&headers, &body)?;
    change(&st.db, &id, &f, crate::now(), &op.who()).await?;
    tracing::info!(id = %id, "finder changed");
    Ok(crate::hotspots::json("application/json", &f))
}

async fn retire(
    State(st): State<AppState>,
    Path(id): Path<String>,
    auth::OperatorWith(op, _): auth::OperatorWith<auth::Finders>,
) -> Result<StatusCode> {
    retire_entry(&st.db, &id, crate::now(), &op.who()).await?;
    tracing::info!(id = %id, "finder retired");
    Ok(StatusCode::NO_CONTENT)
}

/// A JSON body with our error shape for every way it can be wrong.
pub fn json_body<T: DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> Result<T> {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if !ct.starts_with("application/json") {
        return Err(Error::UnsupportedMediaType("Send the entry as application/json.".into()));
    }
    serde_json::from_slice(body)
        .map_err(|e| Error::bad_request("invalid_json", format!("The body is not a valid entry: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_catalogue_is_valid() {
        let seed: Seed = serde_json::from_str(SEED_JSON).expect("seed parses");
        assert!(seed.finders.len() >= 10);
        for f in &seed.finders {
            validate(f).unwrap_or_else(|e| panic!("{}: {e:?}", f.id));
        }
    }

    #[test]
    fn only_https_to_public_hosts() {
        assert!(check_https("https://www.116117.de/").is_ok());
        for bad in [
            "http://www.116117.de/",
            "javascript:alert(1)",
            "https://localhost/",
            "https://user:pw@x.de/",
            "ftp://x.de",
            "kita",
        ] {
            assert!(check_https(bad).is_err(), "{bad}");
        }
    }

    /// German queries, typos included, against the real seed catalogue.
    #[test]
    fn ranking_with_german_queries() {
        let seed: Seed = serde_json::from_str(SEED_JSON).expect("seed parses");
        let top = |q: &str| {
            muc_wire::finders::search(&seed.finders, q, None, None).first().map(|f| f.id.clone()).unwrap_or_default()
        };
        for (query, expected) in [
            ("kita", "kita-finder-muenchen"),
            ("Kinderbetreuung", "kita-finder-muenchen"),
            ("krippe", "kita-finder-muenchen"),
            ("hebame", "hebammenliste-gkv"),
            ("Hebamme", "hebammenliste-gkv"),
            ("Pflege heim", "pflegefinder-bayern"),
            ("pflegeheim", "pflegefinder-bayern"),
            ("arzttermin", "patientenservice-116117"),
            ("Arzt", "arztsuche-kvb"),
            ("sozialwohnung", "sowon-muenchen"),
            ("tafel", "muenchner-tafel"),
            ("Lebensmitel", "muenchner-tafel"),
            ("KRISE", "krisendienst-psychiatrie"),
        ] {
            assert_eq!(top(query), expected, "query {query:?}");
        }
        assert!(muc_wire::finders::search(&seed.finders, "Raumfahrt", None, None).is_empty());
    }
}
