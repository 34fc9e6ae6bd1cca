use serde::{Deserialize, Serialize};

/// The JSON error body of the portal's own and OGC endpoints.
///
/// `code` is stable and machine-readable; `description` is for a developer
/// and never contains internal details (SQL, paths, stack traces).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: String,
    pub description: String,
}
