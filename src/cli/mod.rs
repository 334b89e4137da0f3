//! Command-line declarations (clap derive) and the glue to the library.
//! Each subcommand lives in its own file and exposes `run`.

mod check;
mod completions;
mod index;
mod man;
mod out;
mod parse;
mod stats;

use std::io;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit code: no error.
pub const EXIT_OK: u8 = 0;
/// Exit code: usage error, unreadable root, or output failure.
pub const EXIT_TROUBLE: u8 = 2;

/// The error type of subcommands.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// The line naming a file that could not be read or decoded (an error
/// diagnostic of the E0xx family: unreadable, binary), or None. These
/// files are reported on stderr as well as in their record.
pub fn file_error_line(r: &cables::record::Record) -> Option<String> {
    r.diagnostics
        .iter()
        .find(|d| d.severity == cables::diag::Severity::Error && d.code.starts_with('E'))
        .map(|d| format!("{}: {}", r.path, d.message))
}

/// True when `e` is a closed pipe: `cables index … | head` ends quietly.
pub fn is_broken_pipe(e: &Error) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e.as_ref());
    while let Some(err) = cur {
        if let Some(io) = err.downcast_ref::<io::Error>() {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        if let Some(cables::index::Error::Sink(io)) = err.downcast_ref::<cables::index::Error>() {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        cur = err.source();
    }
    false
}

/// Turn FRUS diplomatic documents into JSON records, and check folders of them.
#[derive(Debug, Parser)]
#[command(name = "cables", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Examples:
  cables index fixtures/corpus > index.ndjson
  cables stats index.ndjson
  jq -r 'select(.classification == \"Top Secret\") | .path' index.ndjson
  cables parse fixtures/seed/frus1969-76v16-d67.txt | jq '{number, routing: .routing.text}'

More: cables <command> --help, man cables (cables man > cables.1), README.md \"Recipes\".")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Index a folder: one JSON record per document, in path order.
    ///
    /// Examples:
    ///   cables index fixtures > index.ndjson
    ///   cables index fixtures | jq 'select(.routing.series == "Hakto") | .title'
    ///   cables index fixtures --format json --pretty --out index.json
    #[command(verbatim_doc_comment)]
    Index(IndexArgs),
    /// Parse files (or - for stdin) and write their records.
    ///
    /// Examples:
    ///   cables parse fixtures/seed/frus1969-76v16-d67.txt | jq .footnotes
    ///   pbpaste | cables parse - | jq '{number, title, routing}'
    #[command(verbatim_doc_comment)]
    Parse(ParseArgs),
    /// Check a folder of document texts: the FRUS editors' rules, for CI.
    ///
    /// Exit code 0: no finding at error level; 1: findings at error level
    /// (after --deny); 2: usage error or unreadable folder. Rules: README.md.
    ///
    /// Examples:
    ///   cables check fixtures/corpus/frus1958-60v08
    ///   cables check archive --deny warnings --allow REF001 --format github
    ///   cables check archive --format json | jq -r 'select(.rule == "FN001") | .path' | sort -u
    #[command(verbatim_doc_comment)]
    Check(CheckArgs),
    /// Print the JSON Schema of a record.
    ///
    /// Examples:
    ///   cables schema | jq '.properties | keys'
    ///   cables schema | jq '.definitions.Reference.properties.kind.description'
    #[command(verbatim_doc_comment)]
    Schema,
    /// Summarise a folder or an index: counts by type, classification, decade…
    ///
    /// A folder is indexed on the fly (records are counted, not kept); a file
    /// ending .ndjson or .json is read as an index written by `cables index`,
    /// so a large folder is not parsed twice; - reads an index from stdin.
    ///
    /// Examples:
    ///   cables stats fixtures/corpus
    ///   cables index fixtures/corpus > index.ndjson && cables stats index.ndjson
    ///   cables stats --format json fixtures/corpus | jq -r '.classification[] | "\(.name)\t\(.documents)"'
    #[command(verbatim_doc_comment)]
    Stats(StatsArgs),
    /// Print a shell completion script.
    ///
    /// Examples:
    ///   cables completions bash > ~/.local/share/bash-completion/completions/cables
    ///   cables completions zsh > ~/.zfunc/_cables
    ///   cables completions fish > ~/.config/fish/completions/cables.fish
    #[command(verbatim_doc_comment)]
    Completions(CompletionsArgs),
    /// Print the man page (roff) of cables or of one of its commands.
    ///
    /// Examples:
    ///   cables man > cables.1 && man ./cables.1
    ///   cables man stats | man -l -
    #[command(verbatim_doc_comment)]
    Man(ManArgs),
}

/// Output options shared by index and parse.
#[derive(Debug, clap::Args)]
struct OutArgs {
    /// Output layout: one record per line, or one JSON array.
    #[arg(long, value_enum, default_value_t = OutFormat::Ndjson)]
    format: OutFormat,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
    /// Write to FILE atomically (a temporary file, then rename) instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutFormat {
    Ndjson,
    Json,
}

#[derive(Debug, clap::Args)]
struct IndexArgs {
    /// The folder to index (walked recursively; .txt and .xml files are read).
    dir: PathBuf,
    #[command(flatten)]
    out: OutArgs,
    /// Follow symbolic links (they are skipped by default).
    #[arg(long)]
    follow: bool,
    /// Reuse the records of unchanged files (same size, mtime, content hash
    /// and parser version) from the previous --out FILE, using the cache
    /// FILE.cables-cache next to it. A file whose status (size, mtime,
    /// ctime, inode, device) is the one recorded is not read: its content
    /// cannot have changed (see --verify). Needs --out and NDJSON output.
    #[arg(long, requires = "out")]
    incremental: bool,
    /// With --incremental, read and hash every file, even one whose size,
    /// mtime, ctime, inode and device are those the cache recorded well
    /// after its last change (such a file is otherwise reused unread).
    #[arg(long, requires = "incremental")]
    verify: bool,
    /// Print no summary on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Split text files that hold several documents (a chapter, a pasted run, a
    /// volume as one text) into one record per document, with `part` and `span`.
    #[arg(long)]
    split: bool,
}

#[derive(Debug, clap::Args)]
struct ParseArgs {
    /// Files to parse; - reads stdin.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    out: OutArgs,
    /// Split a file that holds several documents into one record per document.
    #[arg(long)]
    split: bool,
}

#[derive(Debug, clap::Args)]
struct StatsArgs {
    /// A folder to index, or an index file (.ndjson or .json) written by `cables index`, or - for NDJSON on stdin.
    input: PathBuf,
    /// Output: a table for reading, or one JSON object for jq.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    format: StatsFormat,
    /// Follow symbolic links when indexing a folder.
    #[arg(long)]
    follow: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StatsFormat {
    Table,
    Json,
}

#[derive(Debug, clap::Args)]
struct CompletionsArgs {
    /// The shell.
    shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
struct ManArgs {
    /// A command whose page to print (index, parse, stats, …); the main page when left out.
    command: Option<String>,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// The folder to check (each directory in it is one volume); a single file works too.
    dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Report rule ID as an error; "warnings" makes every warning an error. Repeatable.
    #[arg(long, value_name = "ID|warnings")]
    deny: Vec<String>,
    /// Report rule ID as a warning. Repeatable.
    #[arg(long, value_name = "ID")]
    warn: Vec<String>,
    /// Do not report rule ID. Repeatable.
    #[arg(long, value_name = "ID")]
    allow: Vec<String>,
    /// Read rule settings from FILE instead of cables.toml at the folder root.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Follow symbolic links (they are skipped by default).
    #[arg(long)]
    follow: bool,
    /// Print no summary on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Check each document of a text file that holds several (a pasted run, a
    /// volume as one text) on its own, as `cables index --split` gives them.
    #[arg(long)]
    split: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Github,
    Sarif,
}

/// Parse arguments and run; returns the exit code.
pub fn run() -> Result<u8, Error> {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_TROUBLE
            } else {
                EXIT_OK
            };
            e.print()?;
            return Ok(code);
        }
    };
    match cli.command {
        Command::Index(a) => index::run(a),
        Command::Parse(a) => parse::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
        Command::Check(a) => check::run(a),
        Command::Schema => {
            let schema = schemars::schema_for!(cables::Record);
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            serde_json::to_writer_pretty(&mut lock, &schema)?;
            io::Write::write_all(&mut lock, b"\n")?;
            Ok(EXIT_OK)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
