//! `cables index <dir>`.

use std::time::Instant;

use cables::index::{self, Options};

use super::out::Sink;
use super::{Error, IndexArgs, EXIT_OK, EXIT_TROUBLE};

pub fn run(a: IndexArgs) -> Result<u8, Error> {
    let start = Instant::now();
    let mut sink = Sink::open(&a.out)?;
    let opts = Options {
        follow_links: a.follow,
    };
    let result = index::index(
        &a.dir,
        &opts,
        |r| sink.write(r),
        |msg| eprintln!("cables: warning: {msg}"),
    );
    let summary = match result {
        Ok(s) => s,
        Err(index::Error::Root(p, e)) => {
            sink.abandon();
            eprintln!("cables: error: cannot read {}: {e}", p.display());
            return Ok(EXIT_TROUBLE);
        }
        Err(e) => {
            sink.abandon();
            return Err(Box::new(e));
        }
    };
    sink.finish()?;
    if !a.quiet {
        eprintln!(
            "cables: {} files, {} documents, {} skipped, {} warnings, {} errors in {:.2} s",
            summary.files,
            summary.documents,
            summary.skipped,
            summary.warnings,
            summary.errors,
            start.elapsed().as_secs_f64()
        );
        if summary.files == 0 {
            eprintln!("cables: no .txt or .xml files under {}", a.dir.display());
        }
    }
    Ok(EXIT_OK)
}
