//! Personal mail domains (gmail.com, outlook.com, yahoo.*, icloud.com,
//! proton.me …): "The OIN team doesn't review submissions from personal email
//! accounts" (https://developer.okta.com/docs/guides/submit-app-prereq/main/).
//! The list is the maintained one of the npm package free-email-domains (MIT),
//! kept in `free-email-domains.txt` and refreshed by
//! `node scripts/free-email-domains.mjs`.

use std::collections::HashSet;
use std::sync::OnceLock;

const LIST: &str = include_str!("free-email-domains.txt");

fn domains() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| LIST.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect())
}

/// The mail domain in a text that holds an address ("Pat Lee (pat@acme.example)",
/// "<pat@acme.example>", "pat@acme.example"), lower-cased.
pub fn domain_of(text: &str) -> Option<String> {
    let token = text
        .split(|c: char| c.is_whitespace() || "()<>,;\"'".contains(c))
        .find(|t| t.contains('@'))?;
    let domain = token.rsplit('@').next()?.trim_end_matches('.').to_lowercase();
    (domain.contains('.') && !domain.starts_with('.')).then_some(domain)
}

/// True when the address's domain, or a domain it belongs to, is a personal mail provider.
pub fn is_personal(address: &str) -> bool {
    let Some(domain) = domain_of(address) else { return false };
    let set = domains();
    let mut rest = domain.as_str();
    loop {
        if set.contains(rest) {
            return true;
        }
        match rest.split_once('.') {
            Some((_, parent)) if parent.contains('.') => rest = parent,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_providers_are_known_and_companies_are_not() {
        for a in [
            "pat@gmail.com",
            "Pat Lee (pat.lee@outlook.com)",
            "pat@yahoo.co.uk",
            "pat@yahoo.fr",
            "<pat@icloud.com>",
            "pat@proton.me",
            "PAT@HOTMAIL.COM",
        ] {
            assert!(is_personal(a), "{a} is a personal address");
        }
        for a in ["pat@acme.example", "oin@okta.com", "Pat Lee (pat@google.com)", "no address", ""]
        {
            assert!(!is_personal(a), "{a} is not");
        }
        assert_eq!(domain_of("Pat Lee (pat@Acme.Example)").as_deref(), Some("acme.example"));
        assert!(domains().len() > 1000, "the maintained list, not a hand-typed one");
    }
}
