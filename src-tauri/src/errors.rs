//! How a failure of the portal client becomes the error the frontend shows:
//! the shell's one mapping from `ClientError` to the IPC's `AppError`.

use muc_portal_client::ClientError;
use muc_wire::ipc::{AppError, ErrorKind};

/// Unreachable, timed out or a 5xx: "the city's server is not reachable"
/// (the person can try later, a cached copy may be shown); any other refusal
/// or an answer we cannot read: "the server answered with an error".
pub fn from_client(e: &ClientError) -> AppError {
    let kind = match e {
        ClientError::Unreachable(_) | ClientError::TimedOut(_) => ErrorKind::PortalUnreachable,
        ClientError::Status { status, .. } if *status >= 500 => ErrorKind::PortalUnreachable,
        ClientError::Status { .. } | ClientError::Invalid(_) => ErrorKind::PortalError,
        ClientError::LevelNeeded { needed, .. } => ErrorKind::LevelNeeded(*needed),
    };
    AppError::new(kind, e.to_string())
}
