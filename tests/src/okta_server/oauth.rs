//! The fake org's OAuth endpoints (the org authorization server): discovery,
//! device authorization, authorize (Authorization Code + PKCE, approved at
//! once), token for every grant OIN Studio uses, and revoke. Form bodies are
//! checked against the OAuth schemas of `okta-oin-subset.yaml`.

use base64::Engine;
use serde_json::{json, Value};
use sha2::Digest;

use super::routes::{oauth_error, violation};
use super::schema::{check, form_json};
use super::wire::{Req, Resp};
use super::{DeviceMode, State, Token, CLIENT_ID, SERVICE_CLIENT};

pub(super) fn discovery(s: &State) -> Resp {
    let b = &s.base;
    let body = json!({
        "issuer": b,
        "authorization_endpoint": format!("{b}/oauth2/v1/authorize"),
        "token_endpoint": format!("{b}/oauth2/v1/token"),
        "device_authorization_endpoint": format!("{b}/oauth2/v1/device/authorize"),
        "revocation_endpoint": format!("{b}/oauth2/v1/revoke"),
        "jwks_uri": format!("{b}/oauth2/v1/keys"),
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials",
            "urn:ietf:params:oauth:grant-type:device_code"],
        "code_challenge_methods_supported": ["S256"],
    });
    Resp::json(200, &body)
}

pub(super) fn device_authorize(s: &mut State, req: &Req) -> Resp {
    let form = req.form();
    let errs = check("DeviceAuthorizeRequest", &form_json(&form), true);
    violation(s, req, errs);
    let f = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if f("client_id").as_deref() != Some(CLIENT_ID) {
        return oauth_error(401, "invalid_client", "Invalid value for 'client_id' parameter.");
    }
    let scope = f("scope").unwrap_or_default();
    let code = s.next("device-");
    s.devices.insert(code.clone(), (0, false));
    s.codes.insert(format!("scope:{code}"), (scope, String::new(), String::new()));
    let b = s.base.clone();
    Resp::json(
        200,
        &json!({
            "device_code": code,
            "user_code": "WDJB-MJHT",
            "verification_uri": format!("{b}/activate"),
            "verification_uri_complete": format!("{b}/activate?user_code=WDJB-MJHT"),
            "expires_in": s.device_expires_s,
            "interval": s.device_interval_s,
        }),
    )
}

pub(super) fn authorize(s: &mut State, req: &Req) -> Resp {
    let q = |k: &str| req.q(k).unwrap_or_default().to_owned();
    let redirect = q("redirect_uri");
    let registered = (47811..=47813).any(|p| redirect == format!("http://127.0.0.1:{p}/callback"));
    if q("client_id") != CLIENT_ID || !registered {
        return oauth_error(
            400,
            "invalid_request",
            "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings",
        );
    }
    if q("code_challenge_method") != "S256"
        || q("code_challenge").len() < 43
        || q("response_type") != "code"
    {
        s.violations
            .push("GET /oauth2/v1/authorize: PKCE S256 and response_type=code required".into());
        return oauth_error(400, "invalid_request", "PKCE code challenge is required");
    }
    let code = s.next("authcode-");
    s.codes.insert(code.clone(), (q("scope"), redirect.clone(), q("code_challenge")));
    let state = url::form_urlencoded::byte_serialize(q("state").as_bytes()).collect::<String>();
    Resp::empty(302).with_header("Location", format!("{redirect}?code={code}&state={state}"))
}

fn issue(s: &mut State, client: &str, scope: &str, refresh: bool, id_token: bool) -> Resp {
    let access = s.next("access-");
    let scopes: Vec<String> = scope.split_whitespace().map(str::to_owned).collect();
    s.tokens.insert(
        access.clone(),
        Token { scopes: scopes.clone(), client: client.into(), expired: false },
    );
    let mut body = json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": s.access_token_lifetime_s,
        "scope": scope,
    });
    if refresh && scopes.iter().any(|x| x == "offline_access") {
        let r = s.next("refresh-");
        s.refresh.insert(r.clone(), scopes.clone());
        body["refresh_token"] = r.into();
    }
    if id_token && scopes.iter().any(|x| x == "openid") {
        let claims =
            json!({"name": "Pat Lee", "preferred_username": "pat@acme.example", "sub": "00u1"});
        let enc =
            |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
        body["id_token"] = format!("{}.{}.sig", enc(&json!({"alg": "RS256"})), enc(&claims)).into();
    }
    let errs = check("TokenResponseOrgAs", &body, false);
    s.violations.extend(errs.into_iter().map(|e| format!("token response: {e}")));
    Resp::json(200, &body)
}

pub(super) fn token(s: &mut State, req: &Req) -> Resp {
    let form = req.form();
    let f = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let grant = f("grant_type");
    let schema = match grant.as_str() {
        "authorization_code" => Some("TokenRequestAuthorizationCode"),
        "refresh_token" => Some("TokenRequestRefreshToken"),
        "client_credentials" => Some("TokenRequestClientCredentials"),
        // Not modelled upstream (see the subset's README): checked by hand.
        "urn:ietf:params:oauth:grant-type:device_code" => None,
        _ => {
            s.violations.push(format!("POST /oauth2/v1/token: unexpected grant_type {grant}"));
            return oauth_error(400, "unsupported_grant_type", "grant type not supported");
        }
    };
    if let Some(name) = schema {
        let errs = check(name, &form_json(&form), true);
        violation(s, req, errs);
    }
    match grant.as_str() {
        "urn:ietf:params:oauth:grant-type:device_code" => {
            if f("client_id") != CLIENT_ID || f("device_code").is_empty() {
                s.violations.push("device_code grant without client_id/device_code".into());
                return oauth_error(401, "invalid_client", "Client authentication failed.");
            }
            let code = f("device_code");
            let Some((polls, slowed)) = s.devices.get(&code).copied() else {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "The device code is invalid or has expired.",
                );
            };
            s.devices.insert(code.clone(), (polls + 1, slowed));
            match s.device_mode {
                DeviceMode::Deny => oauth_error(
                    400,
                    "access_denied",
                    "The resource owner or authorization server denied the request.",
                ),
                DeviceMode::Expire => {
                    oauth_error(400, "expired_token", "The device code has expired.")
                }
                DeviceMode::Approve { slow_down: true, .. } if !slowed => {
                    s.devices.insert(code, (polls + 1, true));
                    oauth_error(400, "slow_down", "The client is polling too fast.")
                }
                DeviceMode::Approve { pending_polls, .. } if polls < pending_polls => oauth_error(
                    400,
                    "authorization_pending",
                    "The device authorization is pending.",
                ),
                DeviceMode::Approve { .. } => {
                    s.devices.remove(&code);
                    let scope =
                        s.codes.remove(&format!("scope:{code}")).map(|c| c.0).unwrap_or_default();
                    issue(s, CLIENT_ID, &scope, true, true)
                }
            }
        }
        "authorization_code" => {
            let Some((scope, redirect, challenge)) = s.codes.remove(&f("code")) else {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "The authorization code is invalid or has expired.",
                );
            };
            let computed = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(sha2::Sha256::digest(f("code_verifier").as_bytes()));
            if f("redirect_uri") != redirect || computed != challenge || f("client_id") != CLIENT_ID
            {
                return oauth_error(400, "invalid_grant", "PKCE verification failed.");
            }
            issue(s, CLIENT_ID, &scope, true, true)
        }
        "refresh_token" => match s.refresh.remove(&f("refresh_token")) {
            Some(scopes) => issue(s, CLIENT_ID, &scopes.join(" "), true, false),
            None => oauth_error(400, "invalid_grant", "The refresh token is invalid or expired."),
        },
        _ => {
            let basic = req.header("authorization").and_then(|h| h.strip_prefix("Basic "));
            let decoded = basic
                .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default();
            let want = format!("{}:{}", SERVICE_CLIENT.0, SERVICE_CLIENT.1);
            if basic.is_none() {
                s.violations.push("client_credentials without client_secret_basic".into());
            }
            if url_decode(&decoded) != want {
                return oauth_error(
                    401,
                    "invalid_client",
                    "The client secret supplied for a confidential client is invalid.",
                );
            }
            let scope = f("scope");
            if let Some(missing) =
                scope.split_whitespace().find(|x| !s.service_scopes.iter().any(|g| g == x))
            {
                return oauth_error(
                    400,
                    "invalid_scope",
                    &format!("The following scopes are not allowed: {missing}"),
                );
            }
            issue(s, SERVICE_CLIENT.0, &scope, false, false)
        }
    }
}

fn url_decode(s: &str) -> String {
    // client_secret_basic form-encodes id and secret before base64 (RFC 6749 §2.3.1).
    let (id, secret) = s.split_once(':').unwrap_or((s, ""));
    let d = |x: &str| {
        url::form_urlencoded::parse(format!("x={x}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    format!("{}:{}", d(id), d(secret))
}

pub(super) fn revoke(s: &mut State, req: &Req) -> Resp {
    let form = req.form();
    let body: Vec<(String, String)> =
        form.iter().filter(|(k, _)| k != "client_id").cloned().collect();
    let errs = check("RevokeRequestOrgAs", &form_json(&body), true);
    violation(s, req, errs);
    if let Some((_, t)) = form.iter().find(|(k, _)| k == "token") {
        s.tokens.remove(t);
        s.refresh.remove(t);
        s.revoked.push(t.clone());
    }
    Resp::empty(200)
}
