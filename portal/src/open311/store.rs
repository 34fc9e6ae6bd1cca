//! Storage of services and reports.

use muc_wire::open311::{
    Attribute, AttributeValue, DetailedStatus, Extended, Service, ServiceDefinition, ServiceRequest, StatusNote,
};
use serde::Deserialize;
use sqlx::AnyPool;

use super::validate::{NewRequest, StoredAttribute};
use crate::rfc3339;
use crate::service_texts::Texts;

pub const SEED_JSON: &str = include_str!("../../data/services.json");

#[derive(Deserialize)]
pub(crate) struct SeedService {
    pub(crate) code: String,
    pub(crate) name: [String; 2],
    pub(crate) description: [String; 2],
    keywords: String,
    group: String,
    agency: String,
    pub(crate) attributes: Vec<StoredAttribute>,
}

#[derive(Deserialize)]
pub(crate) struct Seed {
    pub(crate) services: Vec<SeedService>,
}

pub async fn seed_services(pool: &AnyPool) -> Result<usize, crate::BoxError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM services").fetch_one(pool).await?;
    if n > 0 {
        return Ok(0);
    }
    let seed: Seed = serde_json::from_str(SEED_JSON)?;
    let mut tx = crate::db::begin_write(pool).await?;
    for (i, s) in seed.services.iter().enumerate() {
        sqlx::query(
            "INSERT INTO services (code, name_de, name_en, description_de, description_en, keywords, grp, agency, attributes, sort) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&s.code)
        .bind(&s.name[0])
        .bind(&s.name[1])
        .bind(&s.description[0])
        .bind(&s.description[1])
        .bind(&s.keywords)
        .bind(&s.group)
        .bind(&s.agency)
        .bind(serde_json::to_string(&s.attributes)?)
        .bind(i as i64)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(seed.services.len())
}

#[derive(sqlx::FromRow, Clone)]
pub struct ServiceRow {
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub description_de: String,
    pub description_en: String,
    pub keywords: String,
    pub grp: String,
    pub agency: String,
    pub attributes: String,
}

impl ServiceRow {
    pub fn name(&self, t: Texts) -> String {
        t.say(&format!("{}-name", self.code), (&self.name_de, &self.name_en)).into_owned()
    }

    pub fn stored_attributes(&self) -> Vec<StoredAttribute> {
        serde_json::from_str(&self.attributes).unwrap_or_default()
    }

    pub fn service(&self, t: Texts) -> Service {
        let attrs = self.stored_attributes();
        Service {
            service_code: self.code.clone(),
            service_name: self.name(t),
            description: Some(
                t.say(&format!("{}-description", self.code), (&self.description_de, &self.description_en)).into_owned(),
            ),
            metadata: !attrs.is_empty(),
            kind: "realtime".into(),
            keywords: Some(self.keywords.clone()),
            group: Some(self.grp.clone()),
        }
    }

    pub fn definition(&self, t: Texts) -> ServiceDefinition {
        let pair = |id: String, de_en: &[String; 2]| t.say(&id, (&de_en[0], &de_en[1])).into_owned();
        let mut attributes: Vec<Attribute> = self
            .stored_attributes()
            .into_iter()
            .map(|a| {
                let at = format!("{}--{}", self.code, a.code);
                Attribute {
                    variable: a.variable,
                    datatype: a.datatype,
                    required: a.required,
                    datatype_description: a.datatype_description.as_ref().map(|d| pair(format!("{at}--hint"), d)),
                    order: Some(a.order),
                    description: Some(pair(at.clone(), &a.description)),
                    values: a
                        .values
                        .iter()
                        .map(|v| AttributeValue { key: v.key.clone(), name: pair(format!("{at}--{}", v.key), &v.name) })
                        .collect(),
                    code: a.code,
                }
            })
            .collect();
        attributes.sort_by_key(|a| a.order);
        ServiceDefinition { service_code: self.code.clone(), attributes }
    }
}

const SERVICE_COLUMNS: &str =
    "code, name_de, name_en, description_de, description_en, keywords, grp, agency, attributes";

pub async fn services(pool: &AnyPool) -> Result<Vec<ServiceRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {SERVICE_COLUMNS} FROM services ORDER BY sort")).fetch_all(pool).await
}

pub async fn service(pool: &AnyPool, code: &str) -> Result<Option<ServiceRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {SERVICE_COLUMNS} FROM services WHERE code = $1"))
        .bind(code)
        .fetch_optional(pool)
        .await
}

fn random_hex(bytes: usize) -> String {
    let mut b = vec![0u8; bytes];
    // getrandom only fails on a broken system; a time-based fallback keeps ids unique enough.
    if getrandom::getrandom(&mut b).is_err() {
        let t = crate::now().to_le_bytes();
        b.iter_mut().zip(t.iter().cycle()).for_each(|(x, y)| *x ^= y);
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A readable report number: "MUC-" and 10 hex digits.
fn new_id() -> String {
    format!("MUC-{}", random_hex(5).to_uppercase())
}

/// The id and token of the report made with this idempotency key, if any.
pub async fn by_idempotency_key(pool: &AnyPool, key: &str) -> Result<Option<(String, String)>, sqlx::Error> {
    let row: Option<(String, String)> = sqlx::query_as("SELECT id, token FROM requests WHERE idempotency_key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await?;
    Ok(row)
}

/// Removes the contact data (e-mail, name, phone, device id) of reports
/// closed more than `retention_secs` ago; returns how many were cleared.
/// The report itself stays for the city; only what names a person goes.
pub async fn purge_contacts(pool: &AnyPool, now: i64, retention_secs: i64) -> Result<u64, sqlx::Error> {
    let closed: Vec<&str> = DetailedStatus::ALL.iter().filter(|s| s.open311() == "closed").map(|s| s.code()).collect();
    let placeholders: Vec<String> = (0..closed.len()).map(|n| format!("${}", n + 2)).collect();
    let sql = format!(
        "UPDATE requests SET email = NULL, first_name = NULL, last_name = NULL, phone = NULL, device_id = NULL \
         WHERE updated_at < $1 AND detailed_status IN ({}) \
         AND (email IS NOT NULL OR first_name IS NOT NULL OR last_name IS NOT NULL OR phone IS NOT NULL OR device_id IS NOT NULL)",
        placeholders.join(", ")
    );
    let mut q = sqlx::query(&sql).bind(now.saturating_sub(retention_secs));
    for c in closed {
        q = q.bind(c);
    }
    Ok(q.execute(pool).await?.rows_affected())
}

/// Stores a new report with its first history entry, in one transaction.
pub async fn insert(
    pool: &AnyPool,
    r: &NewRequest,
    media: &[String],
    idempotency_key: Option<&str>,
    now: i64,
) -> Result<(String, String), sqlx::Error> {
    let (id, token) = (new_id(), random_hex(16));
    let mut tx = crate::db::begin_write(pool).await?;
    sqlx::query(
        "INSERT INTO requests (id, token, idempotency_key, service_code, description, lat, lon, address, address_id, zipcode, \
         email, first_name, last_name, phone, device_id, account_id, attributes, media, detailed_status, status_notes, \
         requested_at, updated_at, expected_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, NULL, $20, $20, NULL)",
    )
    .bind(&id)
    .bind(&token)
    .bind(idempotency_key.map(str::to_string))
    .bind(&r.service_code)
    .bind(r.description.clone())
    .bind(r.lat)
    .bind(r.lon)
    .bind(r.address.clone())
    .bind(r.address_id.clone())
    .bind(r.zipcode.clone())
    .bind(r.email.clone())
    .bind(r.first_name.clone())
    .bind(r.last_name.clone())
    .bind(r.phone.clone())
    .bind(r.device_id.clone())
    .bind(r.account_id.clone())
    .bind(serde_json::to_string(&r.attributes).unwrap_or_else(|_| "{}".into()))
    // The photos' generated names (hex), space-separated, first first.
    .bind(Some(media.join(" ")).filter(|m| !m.is_empty()))
    .bind(DetailedStatus::Received.code())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO request_history (request_id, seq, status, note, at) VALUES ($1, 1, $2, NULL, $3)")
        .bind(&id)
        .bind(DetailedStatus::Received.code())
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((id, token))
}

/// Moves a report to `status`, with a note for the citizen. Returns false if there is no such report.
pub async fn set_status(
    pool: &AnyPool,
    id: &str,
    status: DetailedStatus,
    note: Option<&str>,
    expected_at: Option<i64>,
    now: i64,
    by: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let done = sqlx::query(
        "UPDATE requests SET detailed_status = $2, status_notes = $3, expected_at = COALESCE($4, expected_at), updated_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(status.code())
    .bind(note.map(str::to_string))
    .bind(expected_at)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM request_history WHERE request_id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO request_history (request_id, seq, status, note, at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(seq)
        .bind(status.code())
        .bind(note.map(str::to_string))
        .bind(now)
        .execute(&mut *tx)
        .await?;
    crate::audit::record(&mut tx, by, "request.status", id, Some(status.code())).await?;
    // Whoever sent or supports it hears of it: in the same transaction.
    let postgres = pool.connect_options().database_url.scheme().starts_with("postgres");
    crate::notify::status_changed(&mut tx, postgres, id, status, note, now).await?;
    tx.commit().await?;
    Ok(true)
}

#[derive(sqlx::FromRow)]
pub struct RequestRow {
    pub id: String,
    pub service_code: String,
    pub description: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<String>,
    pub address_id: Option<String>,
    pub zipcode: Option<String>,
    pub media: Option<String>,
    pub detailed_status: String,
    pub status_notes: Option<String>,
    pub requested_at: i64,
    pub updated_at: i64,
    pub expected_at: Option<i64>,
    pub supporters: i64,
}

pub const REQUEST_COLUMNS: &str = "id, service_code, description, lat, lon, address, address_id, zipcode, media, \
     detailed_status, status_notes, requested_at, updated_at, expected_at, supporters";

/// Why a report cannot be supported.
#[derive(Debug, PartialEq, Eq)]
pub enum SupportRefused {
    NoSuchReport,
    Closed,
    /// This source already added as many supports to this report as allowed.
    TooManyFromSource,
}

/// Records that `supporter` is affected too. Counts once per supporter;
/// returns the new count.
pub async fn support(
    pool: &AnyPool,
    id: &str,
    supporter: &str,
    source: Option<(&str, u32)>,
    now: i64,
) -> Result<Result<i64, SupportRefused>, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let status: Option<String> = sqlx::query_scalar("SELECT detailed_status FROM requests WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(status) = status else { return Ok(Err(SupportRefused::NoSuchReport)) };
    if DetailedStatus::from_code(&status).is_some_and(|s| s.open311() == "closed") {
        return Ok(Err(SupportRefused::Closed));
    }
    // `source`: its salted hash and the cap of supports one source may add.
    if let Some((hash, cap)) = source {
        let known: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM request_support WHERE request_id = $1 AND supporter = $2")
                .bind(id)
                .bind(supporter)
                .fetch_optional(&mut *tx)
                .await?;
        let from_source: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM request_support WHERE request_id = $1 AND source = $2")
                .bind(id)
                .bind(hash)
                .fetch_one(&mut *tx)
                .await?;
        if known.is_none() && from_source >= i64::from(cap) {
            return Ok(Err(SupportRefused::TooManyFromSource));
        }
    }
    let added = sqlx::query(
        "INSERT INTO request_support (request_id, supporter, at, source) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(supporter)
    .bind(now)
    .bind(source.map(|(h, _)| h.to_string()))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if added > 0 {
        sqlx::query("UPDATE requests SET supporters = supporters + 1 WHERE id = $1").bind(id).execute(&mut *tx).await?;
    }
    let n: i64 =
        sqlx::query_scalar("SELECT supporters FROM requests WHERE id = $1").bind(id).fetch_one(&mut *tx).await?;
    tx.commit().await?;
    Ok(Ok(n))
}

/// Filters of `GET requests`, already validated.
#[derive(Debug, Default)]
pub struct Filter {
    pub ids: Vec<String>,
    pub service_codes: Vec<String>,
    pub statuses: Vec<String>,
    pub start: i64,
    pub end: i64,
    pub updated_after: Option<i64>,
    /// Only rows inside this box (lon/lat degrees): a prefilter for a radius.
    pub bbox: Option<[f64; 4]>,
    /// (limit, offset), done in SQL.
    pub page: Option<(usize, usize)>,
    /// Only the reports of this signed-in citizen (the provider's subject).
    pub account: Option<String>,
}

pub async fn find(pool: &AnyPool, f: &Filter) -> Result<Vec<RequestRow>, sqlx::Error> {
    let mut sql = format!("SELECT {REQUEST_COLUMNS} FROM requests WHERE ");
    let mut binds: Vec<Bind> = Vec::new();
    let ph = |b: Bind, binds: &mut Vec<Bind>| {
        binds.push(b);
        format!("${}", binds.len())
    };
    if !f.ids.is_empty() {
        let list: Vec<String> = f.ids.iter().map(|i| ph(Bind::Text(i.clone()), &mut binds)).collect();
        sql.push_str(&format!("id IN ({})", list.join(", ")));
    } else {
        let (a, b) = (ph(Bind::Int(f.start), &mut binds), ph(Bind::Int(f.end), &mut binds));
        sql.push_str(&format!("requested_at >= {a} AND requested_at <= {b}"));
        if !f.service_codes.is_empty() {
            let list: Vec<String> = f.service_codes.iter().map(|c| ph(Bind::Text(c.clone()), &mut binds)).collect();
            sql.push_str(&format!(" AND service_code IN ({})", list.join(", ")));
        }
        if !f.statuses.is_empty() {
            let mut codes = Vec::new();
            for s in &f.statuses {
                for d in DetailedStatus::ALL.into_iter().filter(|d| d.open311() == s) {
                    codes.push(ph(Bind::Text(d.code().into()), &mut binds));
                }
            }
            sql.push_str(&format!(" AND detailed_status IN ({})", codes.join(", ")));
        }
        if let Some(a) = &f.account {
            sql.push_str(&format!(" AND account_id = {}", ph(Bind::Text(a.clone()), &mut binds)));
        }
        if let Some(t) = f.updated_after {
            sql.push_str(&format!(" AND updated_at > {}", ph(Bind::Int(t), &mut binds)));
        }
        if let Some([w, s, e, n]) = f.bbox {
            let (w, s, e, n) = (
                ph(Bind::Float(w), &mut binds),
                ph(Bind::Float(s), &mut binds),
                ph(Bind::Float(e), &mut binds),
                ph(Bind::Float(n), &mut binds),
            );
            sql.push_str(&format!(" AND lon >= {w} AND lat >= {s} AND lon <= {e} AND lat <= {n}"));
        }
    }
    sql.push_str(" ORDER BY requested_at DESC, id");
    if let Some((limit, offset)) = f.page {
        sql.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
    }
    let mut q = sqlx::query_as::<_, RequestRow>(&sql);
    for b in binds {
        q = match b {
            Bind::Text(s) => q.bind(s),
            Bind::Int(i) => q.bind(i),
            Bind::Float(x) => q.bind(x),
        };
    }
    q.fetch_all(pool).await
}

enum Bind {
    Text(String),
    Int(i64),
    Float(f64),
}

/// The status histories of several reports in one query.
pub async fn histories(
    pool: &AnyPool,
    ids: &[String],
) -> Result<std::collections::HashMap<String, Vec<StatusNote>>, sqlx::Error> {
    let mut out: std::collections::HashMap<String, Vec<StatusNote>> = std::collections::HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT request_id, status, note, at FROM request_history WHERE request_id IN ({}) ORDER BY request_id, seq",
        list.join(", ")
    );
    let mut q = sqlx::query_as::<_, (String, String, Option<String>, i64)>(&sql);
    for id in ids {
        q = q.bind(id.clone());
    }
    for (id, s, note, at) in q.fetch_all(pool).await? {
        if let Some(status) = DetailedStatus::from_code(&s) {
            out.entry(id).or_default().push(StatusNote { status, note, datetime: rfc3339(at) });
        }
    }
    Ok(out)
}

/// The contact data stored with a citizen's reports (for their export).
#[derive(sqlx::FromRow)]
pub struct ContactRow {
    pub id: String,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
}

pub async fn contacts_of_account(pool: &AnyPool, account: &str) -> Result<Vec<ContactRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, email, first_name, last_name, phone FROM requests WHERE account_id = $1 ORDER BY id")
        .bind(account)
        .fetch_all(pool)
        .await
}

/// Removes everything that leads from reports to the person of `account`
/// (account, contact data, device id); the reports stay. Returns how many.
pub async fn forget_account(tx: &mut sqlx::Transaction<'_, sqlx::Any>, account: &str) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE requests SET account_id = NULL, email = NULL, first_name = NULL, last_name = NULL, phone = NULL, \
         device_id = NULL WHERE account_id = $1",
    )
    .bind(account)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

pub async fn by_token(pool: &AnyPool, token: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM requests WHERE token = $1").bind(token).fetch_optional(pool).await
}

/// The GeoReport view of a stored report.
pub fn to_wire(
    r: RequestRow,
    service: Option<&ServiceRow>,
    texts: Texts,
    media_base: &str,
    history: Vec<StatusNote>,
) -> ServiceRequest {
    let detailed = DetailedStatus::from_code(&r.detailed_status).unwrap_or(DetailedStatus::Received);
    // GeoReport has one media_url; every photo is in extended_attributes.
    let media_urls: Vec<String> =
        r.media.as_deref().unwrap_or_default().split_whitespace().map(|m| format!("{media_base}/media/{m}")).collect();
    ServiceRequest {
        service_request_id: r.id,
        status: detailed.open311().into(),
        status_notes: r.status_notes,
        service_name: service.map(|s| s.name(texts)),
        agency_responsible: service.map(|s| s.agency.clone()),
        service_code: r.service_code,
        description: r.description,
        service_notice: None,
        requested_datetime: rfc3339(r.requested_at),
        updated_datetime: Some(rfc3339(r.updated_at)),
        expected_datetime: r.expected_at.map(rfc3339),
        address: r.address,
        address_id: r.address_id,
        zipcode: r.zipcode,
        lat: r.lat,
        long: r.lon,
        media_url: media_urls.first().cloned(),
        extended_attributes: Some(Extended {
            detailed_status: detailed,
            status_history: history,
            media_urls,
            supporters: u32::try_from(r.supporters).unwrap_or(0),
        }),
    }
}
