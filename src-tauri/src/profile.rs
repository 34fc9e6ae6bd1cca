//! The profile kept in the portal (name, e-mail, postal address, preferred
//! language), under the person's consent. The consent is given with the
//! version of the text the person was shown and ticked; revoking it deletes
//! the profile there. The shell only relays: what the portal keeps, and
//! whether it may, is the portal's to decide and record.

use muc_portal_client::PortalClient;
use muc_wire::ipc::{AppError, ErrorKind};
use muc_wire::personal::{ConsentChange, ConsentPurpose, MyProfile, Profile};

use crate::login::Login;

async fn token(login: &Login, now: i64) -> Result<String, AppError> {
    login
        .access_token(now)
        .await?
        .ok_or_else(|| AppError::new(ErrorKind::Login, "not signed in, or the session has ended"))
}

pub async fn load(login: &Login, portal: &PortalClient, now: i64) -> Result<MyProfile, AppError> {
    let t = token(login, now).await?;
    portal.profile(&t).await.map_err(|e| crate::errors::from_client(&e))
}

/// Gives the consent first when the person ticked it (`consent_version`),
/// then keeps the profile. The form's checks run again in the portal.
pub async fn save(
    login: &Login,
    portal: &PortalClient,
    profile: Profile,
    consent_version: Option<u32>,
    now: i64,
) -> Result<MyProfile, AppError> {
    let profile = profile.tidied();
    profile.check().map_err(|(_, en)| AppError::new(ErrorKind::PortalError, en))?;
    let t = token(login, now).await?;
    if let Some(version) = consent_version {
        let change = ConsentChange { purpose: ConsentPurpose::Profile, version, given: true };
        portal.change_consent(&t, &change).await.map_err(|e| crate::errors::from_client(&e))?;
    }
    portal.put_profile(&t, &profile).await.map_err(|e| crate::errors::from_client(&e))
}

/// Revokes the profile consent; the portal deletes the profile with it.
pub async fn revoke(login: &Login, portal: &PortalClient, now: i64) -> Result<MyProfile, AppError> {
    let t = token(login, now).await?;
    let current = portal.profile(&t).await.map_err(|e| crate::errors::from_client(&e))?;
    let change =
        ConsentChange { purpose: ConsentPurpose::Profile, version: current.consent_text.version, given: false };
    portal.change_consent(&t, &change).await.map_err(|e| crate::errors::from_client(&e))?;
    portal.profile(&t).await.map_err(|e| crate::errors::from_client(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::login::{test_browser, LoginConfig};

    /// Real provider, keyring and portal: without the ticked consent the
    /// portal keeps nothing and says why; with it, the profile is kept and
    /// read back on another sign-in; revoked, it is gone.
    #[tokio::test]
    async fn a_profile_needs_the_ticked_consent_and_goes_with_it() {
        let op = muc_test_op::TestOp::start(60).expect("the OpenID provider");
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _task) = crate::test_portal_with_login(tmp.path(), &op.issuer).await;
        let portal = PortalClient::new(&base).expect("client");
        let cfg = LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let login = Login::new(Some(cfg), &format!("de.muenchen.app.test.profile.{}", std::process::id()));
        assert_eq!(load(&login, &portal, 1).await.expect_err("signed out").kind, ErrorKind::Login);
        login.login(test_browser("carl"), 2, None, &portal).await.expect("signed in");

        let p = Profile {
            first_name: Some(" Carl ".into()),
            email: Some("carl@example.org".into()),
            language: Some("en".into()),
            ..Profile::default()
        };
        let e = save(&login, &portal, p.clone(), None, 3).await.expect_err("no consent");
        assert_eq!(e.kind, ErrorKind::PortalError);
        assert!(e.detail.contains("consent"), "{e}");
        assert_eq!(load(&login, &portal, 4).await.expect("loaded").profile, None, "nothing kept");

        let version = load(&login, &portal, 5).await.expect("loaded").consent_text.version;
        let kept = save(&login, &portal, p, Some(version), 6).await.expect("kept");
        assert_eq!(kept.profile.as_ref().and_then(|p| p.first_name.as_deref()), Some("Carl"), "tidied");
        assert_eq!(kept.consent.as_ref().map(|c| c.version), Some(version));
        let bad = Profile { email: Some("carl at example".into()), ..Profile::default() };
        assert!(save(&login, &portal, bad, None, 7).await.is_err(), "checked before it is sent");

        let gone = revoke(&login, &portal, 8).await.expect("revoked");
        assert_eq!((gone.profile, gone.consent), (None, None));
        login.logout().await.expect("signed out");
    }
}
