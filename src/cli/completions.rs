//! `cables completions <shell>`: the completion script, from the clap
//! declarations, on stdout.

use std::io::{self, Write};

use clap::CommandFactory;

use super::{Cli, CompletionsArgs, Error, EXIT_OK};

pub fn run(a: CompletionsArgs) -> Result<u8, Error> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_complete::generate(a.shell, &mut Cli::command(), "cables", &mut out);
    out.flush()?;
    Ok(EXIT_OK)
}
