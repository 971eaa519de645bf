//! "Check links": asks every web address in a draft whether it answers, the way
//! a reviewer's browser would (HEAD, falling back to GET; redirects followed;
//! a timeout each; all at once). Optional and online: offline, a link is "not
//! checked", never an error. Results are kept with the time they were taken.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::{ContactKind, Draft};
use crate::net;

/// What happened when a link was asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum LinkOutcome {
    /// It answered with a success status (after any redirects).
    Ok { status: u16, final_url: String },
    /// It answered with an error status (404, 500 …).
    Broken { status: u16 },
    /// No answer could be had: offline, unknown host, refused, timed out.
    NotChecked { reason: String },
}

/// One link of a draft and what checking it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkCheck {
    pub path: String,
    pub url: String,
    pub outcome: LinkOutcome,
    #[ts(type = "number")]
    pub checked_at: i64,
}

/// Every absolute http(s) address in the draft, with the field it sits in.
pub fn links(draft: &Draft) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |path: String, v: &Option<String>| {
        if let Some(v) = v.as_deref().map(str::trim) {
            if url::Url::parse(v).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) {
                out.push((path, v.to_owned()));
            }
        }
    };
    push("appInfo.appWebsite".into(), &draft.app_info.app_website);
    push("testAccount.url".into(), &draft.test_account.url);
    for (i, c) in draft.support.contacts.iter().enumerate() {
        if c.kind == ContactKind::Url {
            push(format!("support.contacts.{i}.value"), &c.value);
        }
    }
    match draft.integration_type {
        crate::IntegrationType::WorkflowsConnector => {
            push("workflows.userDocUrl".into(), &draft.workflows.user_doc_url);
            push("workflows.apiDocUrl".into(), &draft.workflows.api_doc_url);
        }
        crate::IntegrationType::ApiService => {
            push("apiService.configGuideUrl".into(), &draft.api_service.config_guide_url);
        }
    }
    out
}

fn ask(client: &net::Client, url: &str) -> LinkOutcome {
    let answer = |method| {
        client
            .send(net::Exchange { method, ..net::Exchange::get(url) })
            .map(|a| (a.status, a.url))
            .map_err(|e| e.to_string())
    };
    let head = answer("HEAD");
    // Some servers refuse HEAD (405, 501) or mishandle it: ask with GET then.
    let result = match head {
        Ok((405 | 501 | 403, _)) | Err(_) => answer("GET").or(head),
        other => other,
    };
    match result {
        Ok((status, final_url)) if status < 400 => LinkOutcome::Ok { status, final_url },
        Ok((status, _)) => LinkOutcome::Broken { status },
        Err(reason) => LinkOutcome::NotChecked { reason },
    }
}

/// Checks every link of the draft at once, each with `timeout`.
pub fn check_links(draft: &Draft, timeout: Duration, now_ms: i64) -> Vec<LinkCheck> {
    let client = net::Client::new(&net::Options {
        connect: timeout,
        overall: timeout,
        redirects: net::Redirects::Follow(10),
        user_agent: concat!("OIN Studio/", env!("CARGO_PKG_VERSION"), " (link check)"),
    });
    let targets = links(draft);
    std::thread::scope(|scope| {
        let handles: Vec<_> = targets
            .iter()
            .map(|(path, url)| {
                let client = client.clone();
                scope.spawn(move || LinkCheck {
                    path: path.clone(),
                    url: url.clone(),
                    outcome: ask(&client, url),
                    checked_at: now_ms,
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a link check never panics")).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    /// A tiny web server on loopback with the answers the checker must tell apart.
    fn server() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming().take(64) {
                let Ok(mut stream) = stream else { continue };
                std::thread::spawn(move || {
                    let mut line = String::new();
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    reader.read_line(&mut line).unwrap();
                    while let Ok(n) = reader.read_line(&mut String::new()) {
                        if n <= 2 {
                            break;
                        }
                    }
                    let mut parts = line.split_whitespace();
                    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                    let reply = match (method, path) {
                        (_, "/ok") => "200 OK\r\nContent-Length: 0",
                        (_, "/moved") => {
                            "301 Moved Permanently\r\nLocation: /ok\r\nContent-Length: 0"
                        }
                        ("HEAD", "/no-head") => "405 Method Not Allowed\r\nContent-Length: 0",
                        ("GET", "/no-head") => "200 OK\r\nContent-Length: 0",
                        (_, "/slow") => {
                            std::thread::sleep(Duration::from_millis(1500));
                            "200 OK\r\nContent-Length: 0"
                        }
                        _ => "404 Not Found\r\nContent-Length: 0",
                    };
                    let _ = write!(stream, "HTTP/1.1 {reply}\r\nConnection: close\r\n\r\n");
                });
            }
        });
        base
    }

    fn draft_with(website: &str, guide: &str) -> Draft {
        let mut d = Draft::new(crate::IntegrationType::ApiService);
        d.app_info.app_website = Some(website.into());
        d.api_service.config_guide_url = Some(guide.into());
        d.support.contacts = vec![crate::draft::SupportContact {
            kind: ContactKind::Email,
            value: Some("a@b.example".into()),
        }];
        d
    }

    fn outcome(base: &str, path: &str) -> LinkOutcome {
        let d = draft_with(&format!("{base}{path}"), "not a url");
        let checks = check_links(&d, Duration::from_millis(500), 7);
        assert_eq!(checks.len(), 1, "only real web addresses are asked: {checks:?}");
        assert_eq!(checks[0].checked_at, 7);
        checks[0].outcome.clone()
    }

    #[test]
    fn answers_are_told_apart() {
        let base = server();
        assert!(matches!(outcome(&base, "/ok"), LinkOutcome::Ok { status: 200, .. }));
        let LinkOutcome::Ok { final_url, .. } = outcome(&base, "/moved") else {
            panic!("redirects are followed")
        };
        assert!(final_url.ends_with("/ok"), "{final_url}");
        assert!(
            matches!(outcome(&base, "/no-head"), LinkOutcome::Ok { status: 200, .. }),
            "GET after a refused HEAD"
        );
        assert_eq!(outcome(&base, "/gone"), LinkOutcome::Broken { status: 404 });
        assert!(
            matches!(outcome(&base, "/slow"), LinkOutcome::NotChecked { .. }),
            "a timeout is not an error"
        );
    }

    #[test]
    fn offline_means_not_checked() {
        // Port 9 on loopback: nothing listens, the connection is refused at once.
        let d = draft_with("http://127.0.0.1:9/", "https://no-such-host.invalid/guide");
        let checks = check_links(&d, Duration::from_millis(500), 1);
        assert_eq!(checks.len(), 2);
        assert!(
            checks.iter().all(|c| matches!(c.outcome, LinkOutcome::NotChecked { .. })),
            "{checks:?}"
        );
    }

    #[test]
    fn links_are_checked_at_once_not_one_by_one() {
        let base = server();
        let d = draft_with(&format!("{base}/slow"), &format!("{base}/slow"));
        let t = std::time::Instant::now();
        let checks = check_links(&d, Duration::from_secs(3), 1);
        assert!(checks.iter().all(|c| matches!(c.outcome, LinkOutcome::Ok { .. })));
        assert!(
            t.elapsed() < Duration::from_millis(2800),
            "two 1.5 s answers in parallel: {:?}",
            t.elapsed()
        );
    }
}
