//! Test helper: saves revisions of one draft as fast as it can, printing each
//! revision's number once SQLite has committed it. The kill -9 test reads those
//! acknowledgements and kills this process mid-stream.
//!
//! Usage: oin-save-storm <database file>

use std::io::Write;

use oin_core::store::Store;
use oin_core::{Draft, IntegrationType};

fn main() {
    let path = std::env::args_os().nth(1).expect("usage: oin-save-storm <database file>");
    let mut store = Store::open(std::path::Path::new(&path)).expect("the store opens");
    let id = match store.list_drafts().expect("drafts list").first() {
        Some(row) => row.id.clone(),
        None => store.create_draft(&Draft::new(IntegrationType::ApiService), 0).unwrap(),
    };
    let mut out = std::io::stdout().lock();
    for n in 1u64.. {
        let mut draft = Draft::new(IntegrationType::ApiService);
        draft.app_info.app_name = Some(n.to_string());
        // A body of a few kilobytes, like a real draft with a long description.
        draft.app_info.description = Some(format!("revision {n} ").repeat(200));
        store.save_draft(&id, &draft, n as i64).expect("save");
        writeln!(out, "{n}").unwrap();
        out.flush().unwrap();
    }
}
