//! `cables man [command]`: the man page (roff) on stdout.

use std::io::{self, Write};

use clap::CommandFactory;

use super::{Cli, Error, ManArgs, EXIT_OK, EXIT_TROUBLE};

pub fn run(a: ManArgs) -> Result<u8, Error> {
    let mut cmd = Cli::command();
    // Building fills in what subcommands inherit: the version, and the
    // display name "cables-stats" that the page is titled with, as git does.
    cmd.build();
    let page = match &a.command {
        None => cmd,
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(name) else {
                let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
                eprintln!(
                    "cables: error: no command {name:?}; commands: {}",
                    names.join(", ")
                );
                return Ok(EXIT_TROUBLE);
            };
            sub.clone()
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_mangen::Man::new(page).render(&mut out)?;
    out.flush()?;
    Ok(EXIT_OK)
}
