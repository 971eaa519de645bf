//! The Okta backends that are real: sign-in to the ISV's own org
//! (OAuth 2.0 for native apps, or an SSWS API token), the "Your OIN
//! Integrations" API that submits API service integrations, submission status,
//! and a client-credentials probe of an API service integration instance. The
//! OIN Manager has no API: Workflows connectors end in a guided hand-off
//! ([`handoff`]). Blocking HTTP over rustls; every call has timeouts, retries
//! where they are safe, and errors in plain words without secrets.

pub mod auth;
pub mod body;
pub mod error;
pub mod find;
pub mod handoff;
pub mod http;
pub mod org;
pub mod probe;
pub mod reason;
pub mod remote;
pub mod schema;
pub mod session;
pub mod signin;
pub mod status;
pub mod submit;

pub use auth::{Account, SignInMethod};
pub use error::{ErrorClass, OktaError};
pub use http::Http;
pub use org::OrgUrl;
pub use session::{Okta, Session};
pub use signin::{DeviceStart, SignIn};

/// The scopes OIN Studio asks for when a user signs in (issue #6).
pub const SIGN_IN_SCOPES: [&str; 6] = [
    "okta.manifests.read",
    "okta.manifests.manage",
    "okta.oauthIntegrations.read",
    "openid",
    "profile",
    "offline_access",
];

/// Where the "Your OIN Integrations" API lives on an org.
pub const SUBMISSIONS: &str = "/integrations/api/v1/submissions";
