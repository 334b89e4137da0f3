//! `cables`: FRUS diplomatic documents into structured records.
//!
//! The library turns a document, as its history.state.gov page reads when
//! copied as text, into a [`Record`] (see [`record`]), indexes folders of
//! them ([`index`]), and checks them ([`check`] when built). Parsing is
//! total: any input gives a record plus diagnostics.
//!
//! ```
//! let rec = cables::parse::parse("67. Message From A to B1\n\nHakto 1. 1. Text.\n\n  1. Source: X. Secret; Flash.", "d67.txt");
//! assert_eq!(rec.number.as_deref(), Some("67"));
//! assert_eq!(rec.routing.unwrap().series.as_deref(), Some("Hakto"));
//! assert_eq!(rec.classification.as_deref(), Some("Secret"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod account;
mod bytes;
pub mod cache;
pub mod check;
pub mod decode;
pub mod diag;
pub mod document;
pub mod hint;
pub mod index;
pub mod output;
pub mod parse;
pub mod record;
pub mod split;
pub mod stats;
pub mod tei;
pub mod vocab;

pub use diag::{Diagnostic, Severity};
pub use record::Record;

/// Version of the parser; a change forces incremental indexes to re-parse.
pub const PARSER_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+p1");
