//! The `cables` binary: declares the CLI and wires it to the library.

mod cli;

use std::process::ExitCode;

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
