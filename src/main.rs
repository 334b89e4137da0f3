//! The `cables` binary: declares the CLI and wires it to the library.

mod cli;

use std::process::ExitCode;

/// mimalloc instead of the system allocator: records are many small
/// strings and vectors, and glibc's malloc and free were about 12 % of the
/// instructions of an index run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => ExitCode::from(code),
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cables: error: {e:#}");
            ExitCode::from(cli::EXIT_TROUBLE)
        }
    }
}
