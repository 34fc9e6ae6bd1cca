//! What the portal's operator API answers with (besides finders and reports).

use serde::{Deserialize, Serialize};

/// One change an operator made, from the audit log (`GET /operator/audit`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Sorts by time (UUIDv7).
    pub id: String,
    /// When, RFC 3339.
    pub at: String,
    /// Who: the operator's name and token id, or "command line (user)".
    pub operator: String,
    /// What, e.g. `finder.add`, `request.status`, `token.revoke`.
    pub action: String,
    /// On what: a finder id, a report id, a token id.
    pub target: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}
