//! A PDF's text layer, read by pdf-extract where a damaged file can't take
//! the app down. pdf-extract panics on some malformed files, and a release
//! build aborts on a panic (`panic = "abort"`, the workspace's release
//! profile: it leaves the unwinding code out of what users download). So a
//! binary that ships offers itself as the reader (`serve`, first thing in its
//! `main`) and each PDF is read in a child process of it: a damaged PDF ends
//! the child, never the app, and a PDF that reads for longer than
//! [`READ_LIMIT`] is stopped. Elsewhere (core's own tests, which unwind) the
//! PDF is read in this process and a panic is caught.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

/// The first argument that makes a binary the PDF reader.
pub const READER_ARG: &str = "--oin-read-pdf";

/// How long one PDF may take to read (a 10 MB manual reads in ~1 s here).
pub const READ_LIMIT: Duration = Duration::from_secs(30);

static READER: OnceLock<PathBuf> = OnceLock::new();

/// What reading a PDF gave.
#[derive(Debug, PartialEq)]
pub enum Text {
    /// Its text layer (may be empty: a scan).
    Read(String),
    /// pdf-extract's own error.
    Failed(String),
    /// The reader panicked or died: the file is damaged.
    Crashed,
    /// It read for longer than [`READ_LIMIT`] and was stopped.
    TooSlow,
}

/// First thing in `main` of every binary that ships. Started as the reader
/// (first argument [`READER_ARG`]): reads a PDF from stdin, writes its text
/// to stdout and exits. Otherwise: offers this binary as the reader of every
/// PDF read from now on.
pub fn serve() {
    if std::env::args_os().nth(1).is_some_and(|a| a == READER_ARG) {
        let mut bytes = Vec::new();
        if std::io::stdin().take(super::MAX_GUIDE_BYTES as u64).read_to_end(&mut bytes).is_err() {
            std::process::exit(2);
        }
        let answer = match pdf_extract::extract_text_from_mem(&bytes) {
            Ok(text) => format!("T{text}"),
            Err(e) => format!("E{e}"),
        };
        let mut out = std::io::stdout().lock();
        let written = out.write_all(answer.as_bytes()).and_then(|()| out.flush());
        std::process::exit(if written.is_ok() { 0 } else { 2 });
    }
    if let Ok(exe) = std::env::current_exe() {
        let _ = READER.set(exe);
    }
}

/// Reads the text layer of `bytes`, in a child process where a binary serves.
pub fn text(bytes: &[u8]) -> Text {
    match READER.get() {
        // An app updated while it runs may no longer find its own file; most
        // PDFs read fine in-process then.
        Some(exe) => in_child(exe, bytes).unwrap_or_else(|| in_process(bytes)),
        None => in_process(bytes),
    }
}

/// None: the child could not be started.
fn in_child(exe: &PathBuf, bytes: &[u8]) -> Option<Text> {
    let mut child = Command::new(exe)
        .arg(READER_ARG)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let (mut stdin, mut stdout) = (child.stdin.take()?, child.stdout.take()?);
    let owned = bytes.to_vec();
    // Written from a thread: a child that answers before it has read
    // everything must not leave both sides waiting on a full pipe.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&owned);
    });
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let read = stdout.read_to_end(&mut out);
        let _ = tx.send(read.map(|_| out));
    });
    let answer = match rx.recv_timeout(READ_LIMIT) {
        Ok(answer) => answer.ok(),
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            return Some(Text::TooSlow);
        }
    };
    let status = child.wait().ok()?;
    let _ = writer.join();
    Some(match answer {
        Some(out) if status.success() => match out.split_first() {
            Some((b'T', text)) => Text::Read(String::from_utf8_lossy(text).into_owned()),
            Some((b'E', error)) => Text::Failed(String::from_utf8_lossy(error).into_owned()),
            _ => Text::Crashed,
        },
        _ => Text::Crashed,
    })
}

fn in_process(bytes: &[u8]) -> Text {
    let owned = bytes.to_vec();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&owned));
    std::panic::set_hook(hook);
    match result {
        Ok(Ok(text)) => Text::Read(text),
        Ok(Err(e)) => Text::Failed(e.to_string()),
        Err(_) => Text::Crashed,
    }
}
