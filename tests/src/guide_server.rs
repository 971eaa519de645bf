//! A loopback web server for the guide doctor: the guides in
//! `tests/fixtures/guides/` by name, and the pages that aren't guides — a
//! redirect to a sign-in page, a 403, an endless redirect, a page larger than
//! 10 MB (declared and streamed), binary served as HTML, a cookie wall, a PDF
//! served as text/html, a page that never ends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub struct GuideServer {
    port: u16,
    hits: Arc<AtomicU32>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/guides")
}

fn reply(s: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-length")) {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(body);
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("pdf") => "application/pdf",
        _ => "text/plain; charset=utf-8",
    }
}

fn handle(mut s: TcpStream) {
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(s.try_clone().expect("clone the stream"));
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let html =
        |body: &str| (vec![("Content-Type", "text/html".to_owned())], body.as_bytes().to_vec());
    match path.as_str() {
        "/walled" => {
            reply(&mut s, "302 Found", &[("Location", "/login?next=%2Fguide".into())], b"")
        }
        "/sso" => reply(
            &mut s,
            "302 Found",
            &[("Location", "https://accounts.google.com/ServiceLogin?continue=x".into())],
            b"",
        ),
        p if p.starts_with("/login") => {
            let (h, b) = html("<html><body><form><h1>Sign in</h1><input name=u><input type=\"password\" name=p><button>Log in</button></form></body></html>");
            reply(&mut s, "200 OK", &h, &b)
        }
        "/forbidden" => reply(&mut s, "403 Forbidden", &[], b"no"),
        "/gone" => reply(&mut s, "404 Not Found", &[], b"not here"),
        "/loop" => reply(&mut s, "302 Found", &[("Location", "/loop-again".into())], b""),
        "/loop-again" => {
            reply(&mut s, "301 Moved Permanently", &[("Location", "/loop".into())], b"")
        }
        "/moved" => reply(
            &mut s,
            "301 Moved Permanently",
            &[("Location", "/api-service-good.html".into())],
            b"",
        ),
        "/huge" => {
            let head = [
                ("Content-Type", "text/html".to_owned()),
                ("Content-Length", (11 * 1024 * 1024).to_string()),
            ];
            reply(&mut s, "200 OK", &head, b"<html>");
        }
        "/huge-streamed" => {
            let _ = s.write_all(
                b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n",
            );
            let chunk = "<p>Prerequisites and more words.</p>".repeat(1000);
            for _ in 0..400 {
                if s.write_all(chunk.as_bytes()).is_err() {
                    return;
                }
            }
        }
        "/binary" => {
            let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
            reply(&mut s, "200 OK", &[("Content-Type", "text/html".into())], &bytes)
        }
        "/cookies" => {
            let (h, b) = html("<html><body><div id=consent><p>We use cookies to improve your experience. Accept all cookies to continue.</p><button>Accept</button></div></body></html>");
            reply(&mut s, "200 OK", &h, &b)
        }
        "/pdf-as-html" => {
            let bytes = std::fs::read(fixtures().join("api-service-good.pdf")).unwrap_or_default();
            reply(&mut s, "200 OK", &[("Content-Type", "text/html".into())], &bytes)
        }
        "/never-ends" => {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html>");
            std::thread::sleep(Duration::from_secs(30));
        }
        p => {
            let name = p.trim_start_matches('/');
            let file = fixtures().join(name);
            let safe = !name.contains("..") && !name.contains('/');
            match std::fs::read(&file) {
                Ok(bytes) if safe => {
                    reply(&mut s, "200 OK", &[("Content-Type", content_type(name).into())], &bytes)
                }
                _ => reply(&mut s, "404 Not Found", &[], b"not here"),
            }
        }
    }
    let _ = reader.read(&mut [0u8; 0]);
}

impl GuideServer {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("an address").port();
        let hits = Arc::new(AtomicU32::new(0));
        let counter = hits.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                counter.fetch_add(1, Ordering::Relaxed);
                std::thread::spawn(move || handle(stream));
            }
        });
        Self { port, hits }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn hits(&self) -> u32 {
        self.hits.load(Ordering::Relaxed)
    }
}
