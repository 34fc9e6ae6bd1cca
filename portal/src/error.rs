//! The portal's one HTTP error type. Client mistakes get a 4xx with a stable
//! `code` and a helpful `description`; internal failures are logged in full
//! and answered with a generic 500 that leaks nothing.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use muc_wire::personal::{LevelNeeded, TrustLevel};
use muc_wire::ApiError;

#[derive(Debug)]
pub enum Error {
    BadRequest {
        code: &'static str,
        description: String,
    },
    NotFound(String),
    NotAcceptable(String),
    Unauthorized(String),
    /// A token was sent, and it is not valid (expired, forged, for another API).
    InvalidToken(String),
    /// Authenticated, but the token's scope does not cover this.
    Forbidden(String),
    /// Signed in, but at a lower trust level than the route needs: a new
    /// sign-in at `needed` is what helps (RFC 9470's challenge).
    LevelTooLow {
        needed: TrustLevel,
        reached: TrustLevel,
        /// Where the portal describes sign-in (RFC 9728), named in the challenge.
        metadata_url: String,
    },
    Conflict(String),
    /// A body over the route's limit.
    PayloadTooLarge(String),
    /// The request is fine, the state it needs is not there (a consent): 409.
    Precondition {
        code: &'static str,
        description: String,
    },
    UnsupportedMediaType(String),
    /// Over a per-source limit: 429 with `Retry-After` (seconds).
    TooMany(u64),
    Internal(String),
    Unavailable(String),
}

impl Error {
    pub fn bad_request(code: &'static str, description: impl Into<String>) -> Self {
        Error::BadRequest { code, description: description.into() }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::BadRequest { code, description } | Error::Precondition { code, description } => {
                write!(f, "{code}: {description}")
            }
            Error::NotFound(d)
            | Error::NotAcceptable(d)
            | Error::Unauthorized(d)
            | Error::InvalidToken(d)
            | Error::Forbidden(d)
            | Error::Conflict(d)
            | Error::PayloadTooLarge(d)
            | Error::UnsupportedMediaType(d)
            | Error::Internal(d)
            | Error::Unavailable(d) => f.write_str(d),
            Error::LevelTooLow { needed, reached, .. } => {
                write!(f, "signed in at {}, needs {}", reached.code(), needed.code())
            }
            Error::TooMany(secs) => write!(f, "too many requests, try again in {secs} s"),
        }
    }
}

impl std::error::Error for Error {}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Internal(format!("database: {e}"))
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let invalid_token = matches!(self, Error::InvalidToken(_));
        let (status, code, description) = match self {
            Error::BadRequest { code, description } => (StatusCode::BAD_REQUEST, code, description),
            Error::NotFound(d) => (StatusCode::NOT_FOUND, "not_found", d),
            Error::NotAcceptable(d) => (StatusCode::NOT_ACCEPTABLE, "not_acceptable", d),
            // RFC 6750 §3: a bare challenge when no token came, `invalid_token` for a bad one.
            Error::Unauthorized(d) | Error::InvalidToken(d) => {
                let (code, challenge) = if invalid_token {
                    ("invalid_token", "Bearer error=\"invalid_token\"")
                } else {
                    ("unauthorized", "Bearer")
                };
                let body = ApiError { code: code.into(), description: d };
                return (
                    StatusCode::UNAUTHORIZED,
                    [(header::CONTENT_TYPE, "application/json"), (header::WWW_AUTHENTICATE, challenge)],
                    json(&body),
                )
                    .into_response();
            }
            Error::Forbidden(d) => (StatusCode::FORBIDDEN, "forbidden", d),
            Error::LevelTooLow { needed, reached, metadata_url } => {
                let description = format!(
                    "Dafür ist eine Anmeldung mit {} nötig; Sie sind mit {} angemeldet. / This needs a sign-in at {}; you signed in at {}.",
                    needed.words(false),
                    reached.words(false),
                    needed.words(true),
                    reached.words(true)
                );
                let challenge = format!(
                    "Bearer error=\"insufficient_user_authentication\", error_description=\"a sign-in at {0} is needed\", \
                     acr_values=\"{0}\", scope=\"{0}\", resource_metadata=\"{1}\"",
                    needed.code(),
                    metadata_url
                );
                let body =
                    LevelNeeded { code: "insufficient_user_authentication".into(), description, needed, reached };
                return (
                    StatusCode::FORBIDDEN,
                    [(header::CONTENT_TYPE, "application/json".to_string()), (header::WWW_AUTHENTICATE, challenge)],
                    json(&body),
                )
                    .into_response();
            }
            Error::Conflict(d) => (StatusCode::CONFLICT, "conflict", d),
            Error::TooMany(secs) => {
                let body = ApiError {
                    code: "too_many_requests".into(),
                    description: format!(
                        "Zu viele Anfragen; bitte in {secs} s erneut versuchen. / Too many requests; try again in {secs} s."
                    ),
                };
                return (
                    StatusCode::TOO_MANY_REQUESTS,
                    [(header::CONTENT_TYPE, "application/json".to_string()), (header::RETRY_AFTER, secs.to_string())],
                    json(&body),
                )
                    .into_response();
            }
            Error::Precondition { code, description } => (StatusCode::CONFLICT, code, description),
            Error::PayloadTooLarge(d) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", d),
            Error::UnsupportedMediaType(d) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", d),
            Error::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Internal server error. It has been logged.".to_string(),
                )
            }
            Error::Unavailable(detail) => {
                tracing::error!(%detail, "service unavailable");
                (StatusCode::SERVICE_UNAVAILABLE, "unavailable", "The service is temporarily unavailable.".to_string())
            }
        };
        let body = ApiError { code: code.to_string(), description };
        (status, [(header::CONTENT_TYPE, "application/json")], json(&body)).into_response()
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    // Serialising our own plain structs cannot fail.
    serde_json::to_string(v).unwrap_or_else(|_| "{}".into())
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Fallback for unknown paths.
pub async fn not_found() -> Error {
    Error::NotFound("No such resource. See /api for the API description.".into())
}

/// Fallback for known paths with the wrong method.
pub async fn method_not_allowed() -> Response {
    let body = ApiError {
        code: "method_not_allowed".into(),
        description: "This method is not allowed on this resource.".into(),
    };
    (StatusCode::METHOD_NOT_ALLOWED, [(header::CONTENT_TYPE, "application/json")], json(&body)).into_response()
}

/// A handler that panicked: log it, answer like any internal error.
pub fn panic_response(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panic".into());
    Error::Internal(format!("handler panicked: {detail}")).into_response()
}
