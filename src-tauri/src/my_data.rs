//! "Meine Daten": what the portal holds about the signed-in person (GDPR
//! Art. 15 and 20), fetched with their access token and saved as the
//! portal sent it, as one file in their downloads folder. The portal decides
//! the trust level this needs; below it, the error names the level and the
//! frontend offers that sign-in.

use std::path::Path;

use muc_portal_client::PortalClient;
use muc_wire::ipc::{AccountDeleted, AppError, ErrorKind, Exported};

use crate::login::Login;

pub async fn export(login: &Login, portal: &PortalClient, folder: &Path, now: i64) -> Result<Exported, AppError> {
    let token = login
        .access_token(now)
        .await?
        .ok_or_else(|| AppError::new(ErrorKind::Login, "not signed in, or the session has ended"))?;
    let bytes = portal.my_data(&token).await.map_err(|e| crate::errors::from_client(&e))?;
    let day = muc_wire::time::rfc3339(now).get(..10).unwrap_or("heute").to_string();
    let path = folder.join(format!("meine-daten-muenchen-{day}.json"));
    std::fs::create_dir_all(folder)
        .and_then(|()| crate::cache::replace_file(&path, &bytes))
        .map_err(|e| AppError::new(ErrorKind::Storage, format!("{}: {e}", path.display())))?;
    tracing::info!(bytes = bytes.len(), "the person's data saved");
    Ok(Exported { path: path.to_string_lossy().into_owned() })
}

/// Deletes the person's account at the portal (their reports stay there,
/// without anything that leads to them), then signs out on this device.
pub async fn delete_account(login: &Login, portal: &PortalClient, now: i64) -> Result<AccountDeleted, AppError> {
    let token = login
        .access_token(now)
        .await?
        .ok_or_else(|| AppError::new(ErrorKind::Login, "not signed in, or the session has ended"))?;
    let deleted = portal.delete_account(&token).await.map_err(|e| crate::errors::from_client(&e))?;
    tracing::info!(reports_kept = deleted.reports_kept, "the person's account was deleted");
    login.logout().await?;
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use muc_wire::personal::TrustLevel;

    /// Real provider, real keyring, real portal: signed in at level 1 the
    /// portal refuses and names level 3; after a sign-in at level 3 (bert
    /// has an ELSTER certificate) the file is saved, and it is his.
    #[tokio::test]
    async fn the_export_needs_level_three_and_a_new_sign_in_gets_it() {
        let op = muc_test_op::TestOp::start(60).expect("the OpenID provider");
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _task) = crate::test_portal_with_login(tmp.path(), &op.issuer).await;
        let portal = PortalClient::new(&base).expect("client");
        let cfg = crate::login::LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let login = Login::new(Some(cfg), &format!("de.muenchen.app.test.export.{}", std::process::id()));
        let folder = tmp.path().join("Downloads");
        // The provider as the portal names it; a portal naming another
        // provider does not make this app sign in there.
        let provider = login.status_described(&portal).await.provider.expect("described");
        assert_eq!((provider.name.as_str(), provider.levels.len()), ("BayernID", 3));
        let elsewhere = crate::login::LoginConfig { issuer: "https://login.example.org".into(), client_id: "x".into() };
        let other = Login::new(Some(elsewhere), "de.muenchen.app.test.unused");
        assert_eq!(other.status_described(&portal).await.provider, None);

        let who = login.login(crate::login::test_browser("bert"), 10, None, &portal).await.expect("signed in");
        assert_eq!(who.level, Some(TrustLevel::Level1), "asked for no level: level 1, as the portal reads it");
        let e = export(&login, &portal, &folder, 20).await.expect_err("level 1 is not enough");
        assert_eq!(e.kind, ErrorKind::LevelNeeded(TrustLevel::Level3), "{e}");
        assert!(!folder.exists(), "nothing saved");

        let who = login
            .login(crate::login::test_browser("bert"), 30, Some(TrustLevel::Level3), &portal)
            .await
            .expect("signed in again");
        assert_eq!(who.level, Some(TrustLevel::Level3));
        assert_eq!(login.status().session.and_then(|s| s.level), Some(TrustLevel::Level3), "kept with the session");
        let done = export(&login, &portal, &folder, 40).await.expect("saved");
        let data: muc_wire::personal::MyData =
            serde_json::from_slice(&std::fs::read(&done.path).expect("the file")).expect("the portal's JSON");
        assert_eq!(data.account_id, "bert");
        assert!(done.path.ends_with("meine-daten-muenchen-1970-01-01.json"), "{}", done.path);
        // Deleting the account: the portal forgets him, and this device signs out.
        let deleted = delete_account(&login, &portal, 50).await.expect("deleted");
        assert_eq!(deleted.reports_kept, 0);
        assert!(login.status().session.is_none(), "signed out");
        let e = export(&login, &portal, &folder, 60).await.expect_err("signed out");
        assert_eq!(e.kind, ErrorKind::Login);
    }
}
