//! Okta's OAuth scopes, grouped, from `core/data/okta-scopes.txt` (a copy of the
//! shared reference). The scope picker offers the admin-management group; the
//! precheck rules use the other groups and the retired list to explain refusals.

use std::sync::OnceLock;

use serde::Serialize;
use ts_rs::TS;

const SOURCE: &str = include_str!("../data/okta-scopes.txt");

/// The groups the reference file defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ScopeGroup {
    AdminManagement,
    OidcOauth,
    MyAccount,
    Governance,
}

impl ScopeGroup {
    fn parse(header: &str) -> Option<Self> {
        match header.trim() {
            "admin-management" => Some(Self::AdminManagement),
            "oidc-oauth" => Some(Self::OidcOauth),
            "myaccount" => Some(Self::MyAccount),
            "governance" => Some(Self::Governance),
            _ => None,
        }
    }
}

/// Every known scope with its group, and the retired ones.
#[derive(Debug)]
pub struct ScopeCatalog {
    pub scopes: Vec<(String, ScopeGroup)>,
    pub retired: Vec<String>,
}

impl ScopeCatalog {
    fn parse(text: &str) -> Self {
        let mut scopes = Vec::new();
        let mut retired = Vec::new();
        let mut group = None;
        for line in text.lines().map(str::trim) {
            if let Some(list) = line.strip_prefix("# Retired") {
                let list = list.split_once(':').map_or("", |(_, l)| l);
                let names = list.split_whitespace().filter(|w| w.starts_with("okta."));
                retired.extend(names.map(str::to_owned));
            } else if let Some(h) = line.strip_prefix("## ") {
                group = ScopeGroup::parse(h);
            } else if !line.is_empty() && !line.starts_with('#') {
                if let Some(g) = group {
                    scopes.push((line.to_owned(), g));
                }
            }
        }
        Self { scopes, retired }
    }

    /// The catalog, parsed once.
    pub fn get() -> &'static ScopeCatalog {
        static CATALOG: OnceLock<ScopeCatalog> = OnceLock::new();
        CATALOG.get_or_init(|| Self::parse(SOURCE))
    }

    pub fn group_of(&self, scope: &str) -> Option<ScopeGroup> {
        self.scopes.iter().find(|(s, _)| s == scope).map(|(_, g)| *g)
    }

    /// The scopes an API service integration may pick from.
    pub fn admin_management(&self) -> Vec<String> {
        self.scopes
            .iter()
            .filter(|(_, g)| *g == ScopeGroup::AdminManagement)
            .map(|(s, _)| s.clone())
            .collect()
    }
}

/// A scope in plain words, for people who don't read scope ids:
/// `okta.users.read` → "View users", `okta.apps.manage` → "Create, change and
/// delete apps", `okta.users.read.self` → "View the signed-in user's users".
pub fn plain_words(scope: &str) -> String {
    match scope {
        "openid" => return "Sign users in (OpenID Connect)".into(),
        "profile" => return "See the user's profile".into(),
        "email" => return "See the user's email address".into(),
        "offline_access" => return "Stay signed in (refresh tokens)".into(),
        _ => {}
    }
    // Most admin scopes are okta.<resource>.<verb>; a few (ssf.manage) have no prefix.
    let rest = scope.strip_prefix("okta.").unwrap_or(scope);
    let parts: Vec<&str> = rest.split('.').collect();
    let Some(verb_at) = parts.iter().position(|p| matches!(*p, "read" | "manage")) else {
        return scope.to_owned();
    };
    let resource: Vec<String> = parts[..verb_at].iter().map(|p| decamel(p)).collect();
    let resource = resource.join(" ");
    let own = parts.get(verb_at + 1) == Some(&"self");
    let thing = if own { format!("the signed-in user's {resource}") } else { resource };
    match parts[verb_at] {
        "read" => format!("View {thing}"),
        _ => format!("Create, change and delete {thing}"),
    }
}

/// "agentPools" → "agent pools"; "apiTokens" → "API tokens".
fn decamel(s: &str) -> String {
    if s.len() <= 4
        && s.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(s, "apps" | "logs" | "orgs" | "idps" | "user" | "role")
    {
        // An acronym: "ssf" → "SSF".
        return s.to_ascii_uppercase();
    }
    let mut out = String::new();
    for c in s.chars() {
        if c.is_uppercase() && !out.is_empty() {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out.split(' ')
        .map(|w| match w {
            "api" => "API".to_owned(),
            "idps" => "identity providers".to_owned(),
            "oauth2" => "OAuth 2.0".to_owned(),
            other => other.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_read_in_plain_words() {
        assert_eq!(plain_words("okta.users.read"), "View users");
        assert_eq!(plain_words("okta.apps.manage"), "Create, change and delete apps");
        assert_eq!(plain_words("okta.agentPools.read"), "View agent pools");
        assert_eq!(plain_words("okta.apiTokens.manage"), "Create, change and delete API tokens");
        assert_eq!(plain_words("okta.users.read.self"), "View the signed-in user's users");
        assert_eq!(plain_words("okta.apps.interclientTrust.read"), "View apps interclient trust");
        for s in ScopeCatalog::get().admin_management() {
            assert_ne!(plain_words(&s), s, "{s} has plain words");
        }
    }

    #[test]
    fn the_reference_file_parses_into_groups() {
        let c = ScopeCatalog::get();
        assert_eq!(c.group_of("okta.users.read"), Some(ScopeGroup::AdminManagement));
        assert_eq!(c.group_of("openid"), Some(ScopeGroup::OidcOauth));
        assert!(c.admin_management().len() > 100, "the admin list is long");
        assert!(c.retired.contains(&"okta.users.read.self".to_owned()));
        assert!(!c.admin_management().iter().any(|s| s.starts_with('#')));
    }
}
