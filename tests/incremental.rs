//! `cables index --incremental` (issue 4): with nothing changed the old
//! index is kept as it is (byte-identical to a full index, not rewritten);
//! a changed, touched, added or removed file is still picked up, and the
//! result is always what a full index writes.

use std::fs;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_cables");

struct Run {
    stdout: String,
    stderr: String,
}

fn cables(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .arg("index")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    let run = Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_eq!(out.status.code(), Some(0), "{}", run.stderr);
    run
}

/// The number in "…, N reused (…" of the summary line.
fn reused(run: &Run) -> usize {
    number_before(run, " reused")
}

/// The number in "(N unread, …" of the summary line.
fn unread(run: &Run) -> usize {
    number_before(run, " unread")
}

fn number_before(run: &Run, word: &str) -> usize {
    let at = run.stderr.find(word).expect("no such count");
    let digits: String = run.stderr[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

/// A folder of the text documents of fixtures/corpus, copied so that the
/// test can change them, and their number.
fn corpus_copy() -> (tempfile::TempDir, usize) {
    let d = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let mut n = 0;
    for vol in fs::read_dir(&src).unwrap() {
        let vol = vol.unwrap().path();
        if !vol.is_dir() {
            continue;
        }
        let to = d.path().join(vol.file_name().unwrap());
        fs::create_dir_all(&to).unwrap();
        for f in fs::read_dir(&vol).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "txt") {
                fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
                n += 1;
            }
        }
    }
    assert!(n >= 10, "fixtures/corpus has {n} text files");
    (d, n)
}

struct Index {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Index {
    fn new() -> Index {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.ndjson");
        Index { _dir: dir, path }
    }

    fn run(&self, docs: &Path) -> Run {
        cables(
            docs,
            &["--out", self.path.to_str().unwrap(), "--incremental"],
        )
    }

    fn text(&self) -> String {
        fs::read_to_string(&self.path).unwrap()
    }

    /// Make the cache say that the run which wrote it started a day from
    /// now: as if the files had last changed long before it, so that
    /// their status vouches for their content.
    fn age_cache(&self) {
        let cache = self.path.with_file_name("index.ndjson.cables-cache");
        let text = fs::read_to_string(&cache).unwrap();
        let (head, rest) = text.split_once('\n').unwrap();
        let mut fields: Vec<String> = head.split(' ').map(str::to_string).collect();
        let at = fields.len() - 3;
        let start: u64 = fields[at].parse().unwrap();
        let later = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            + 86_400_000_000_000;
        assert!(later > start);
        fields[at] = format!("{later:020}");
        fs::write(&cache, format!("{}\n{rest}", fields.join(" "))).unwrap();
    }
}

#[cfg(unix)]
fn inode(p: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(p).unwrap().ino()
}

#[test]
fn nothing_changed_keeps_the_index_as_it_is() {
    let (docs, n) = corpus_copy();
    let idx = Index::new();
    let first = idx.run(docs.path());
    assert_eq!(reused(&first), 0);
    let full = cables(docs.path(), &[]).stdout;
    assert_eq!(idx.text(), full);
    #[cfg(unix)]
    let ino = inode(&idx.path);
    let cache = idx.path.with_file_name("index.ndjson.cables-cache");
    let cache_bytes = fs::read(&cache).unwrap();
    #[cfg(unix)]
    let cache_ino = inode(&cache);

    for _ in 0..2 {
        let again = idx.run(docs.path());
        assert_eq!(reused(&again), n, "{}", again.stderr);
        assert_eq!(idx.text(), full);
        // Kept, not rewritten: the same file, and no temporary file left.
        #[cfg(unix)]
        assert_eq!(inode(&idx.path), ino);
        // The cache too: the same bytes in the same file.
        assert_eq!(fs::read(&cache).unwrap(), cache_bytes);
        #[cfg(unix)]
        assert_eq!(inode(&cache), cache_ino);
        let mut names: Vec<String> = fs::read_dir(idx.path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["index.ndjson", "index.ndjson.cables-cache"]);
    }
}

/// The files of `dir`, sorted by path (walk order).
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = walk(dir);
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            v.extend(walk(&p));
        } else {
            v.push(p);
        }
    }
    v
}

#[test]
fn changed_touched_added_and_removed_files_are_picked_up() {
    let (docs, n) = corpus_copy();
    let idx = Index::new();
    idx.run(docs.path());
    let all = files(docs.path());

    // Same size, other content, in the middle of the walk.
    let mid = &all[all.len() / 2];
    let mut bytes = fs::read(mid).unwrap();
    let at = bytes.iter().position(|b| b.is_ascii_lowercase()).unwrap();
    bytes[at] = bytes[at].to_ascii_uppercase();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(mid, &bytes).unwrap();
    let run = idx.run(docs.path());
    assert_eq!(reused(&run), n - 1, "{}", run.stderr);
    assert_eq!(idx.text(), cables(docs.path(), &[]).stdout);

    // Touched only (same bytes, new mtime): parsed again, same records.
    let first = &all[0];
    fs::write(first, fs::read(first).unwrap()).unwrap();
    let run = idx.run(docs.path());
    assert_eq!(reused(&run), n - 1, "{}", run.stderr);
    assert_eq!(idx.text(), cables(docs.path(), &[]).stdout);

    // A file added before all others and one removed at the end.
    fs::write(docs.path().join("0-new.txt"), "1. New Head\n\nBody.\n").unwrap();
    fs::remove_file(all.last().unwrap()).unwrap();
    let run = idx.run(docs.path());
    assert_eq!(reused(&run), n - 1, "{}", run.stderr);
    assert_eq!(idx.text(), cables(docs.path(), &[]).stdout);

    // A file removed from the middle: the runs before and after it are
    // copied, and the result is still the full index.
    fs::remove_file(&all[3]).unwrap();
    let run = idx.run(docs.path());
    assert_eq!(reused(&run), n - 1, "{}", run.stderr);
    assert_eq!(idx.text(), cables(docs.path(), &[]).stdout);

    // And then nothing changed: all reused.
    let run = idx.run(docs.path());
    assert_eq!(reused(&run), n - 1, "{}", run.stderr);
    assert_eq!(idx.text(), cables(docs.path(), &[]).stdout);
}

#[test]
fn an_index_edited_to_the_same_length_is_not_trusted() {
    let (docs, _) = corpus_copy();
    let idx = Index::new();
    idx.run(docs.path());
    let full = idx.text();
    // Same length, one record's title changed.
    let mut bytes = full.clone().into_bytes();
    let at = full.find("\"title\":\"").unwrap() + 9;
    bytes[at] = if bytes[at] == b'Q' { b'R' } else { b'Q' };
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&idx.path, &bytes).unwrap();
    assert_eq!(fs::metadata(&idx.path).unwrap().len(), full.len() as u64);
    let run = idx.run(docs.path());
    assert_eq!(reused(&run), 0, "{}", run.stderr);
    assert_eq!(idx.text(), full);
}

/// A text file of exactly `n` bytes: a head, then body text.
fn text_of_size(n: usize) -> Vec<u8> {
    let mut v = b"1. Head\n\n".to_vec();
    while v.len() < n {
        v.extend_from_slice(b"Text of the body, said again. ");
    }
    v.truncate(n);
    v
}

/// Rewrite `p` with `bytes` and give it back its modification time.
fn rewrite_keeping_mtime(p: &Path, bytes: &[u8]) {
    let mtime = fs::metadata(p).unwrap().modified().unwrap();
    fs::write(p, bytes).unwrap();
    let f = fs::File::options().write(true).open(p).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    assert_eq!(fs::metadata(p).unwrap().modified().unwrap(), mtime);
}

/// Files are read in one read when their size holds (issue 4): sizes at
/// the edges of the read buffer (empty, 1 byte, around 8 KiB, a file
/// larger than the buffer a worker keeps) are read whole, and a file
/// whose bytes change while its size and mtime stay the same is still
/// parsed again, since the hash is taken from its bytes on every run.
#[test]
fn sizes_at_the_read_edges_and_bytes_changed_under_the_same_mtime() {
    let docs = tempfile::tempdir().unwrap();
    let sizes = [0, 1, 8191, 8192, 8193, 16385, 5 << 20];
    for n in sizes {
        fs::write(docs.path().join(format!("f{n:08}.txt")), text_of_size(n)).unwrap();
    }
    let n = sizes.len();
    let idx = Index::new();
    let run = idx.run(docs.path());
    assert_eq!(reused(&run), 0, "{}", run.stderr);
    let full = cables(docs.path(), &[]).stdout;
    assert_eq!(full.lines().count(), n);
    assert_eq!(idx.text(), full);
    let run = idx.run(docs.path());
    assert_eq!(reused(&run), n, "{}", run.stderr);
    assert_eq!(idx.text(), full);

    // Same size and mtime, one byte changed: in a small file, in the
    // 8 KiB one and at the end of the large one.
    for (name, at) in [
        ("f00008192.txt", 100),
        ("f00016385.txt", 16384),
        ("f05242880.txt", (5 << 20) - 1),
    ] {
        let p = docs.path().join(name);
        let mut bytes = fs::read(&p).unwrap();
        bytes[at] = if bytes[at] == b'X' { b'Y' } else { b'X' };
        rewrite_keeping_mtime(&p, &bytes);
        let run = idx.run(docs.path());
        assert_eq!(reused(&run), n - 1, "{name}: {}", run.stderr);
        assert_eq!(idx.text(), cables(docs.path(), &[]).stdout, "{name}");
    }

    // Grown by a byte, and the empty file given a byte, mtime kept: the
    // size differs from the cache's.
    for name in ["f00008191.txt", "f00000000.txt"] {
        let p = docs.path().join(name);
        let mut bytes = fs::read(&p).unwrap();
        bytes.push(b'.');
        rewrite_keeping_mtime(&p, &bytes);
        let run = idx.run(docs.path());
        assert_eq!(reused(&run), n - 1, "{name}: {}", run.stderr);
        assert_eq!(idx.text(), cables(docs.path(), &[]).stdout, "{name}");
    }

    // Nothing changed since: all reused, the index as a full one.
    let run = idx.run(docs.path());
    assert_eq!(reused(&run), n, "{}", run.stderr);
    assert_eq!(idx.text(), cables(docs.path(), &[]).stdout);
}

/// A run long after the files last changed trusts their status (size,
/// mtime, ctime, inode, device) and reads none of them; a file written
/// since, even to the same size and mtime, has a new ctime, so it is read
/// and parsed again; `--verify` reads and hashes every file.
#[cfg(unix)]
#[test]
fn files_whose_status_is_unchanged_are_not_read() {
    let (docs, n) = corpus_copy();
    let idx = Index::new();
    idx.run(docs.path());
    let full = cables(docs.path(), &[]).stdout;
    // Written just before the run: too recent to vouch, so all are read.
    let run = idx.run(docs.path());
    assert_eq!((reused(&run), unread(&run)), (n, 0), "{}", run.stderr);

    idx.age_cache();
    let run = idx.run(docs.path());
    assert_eq!((reused(&run), unread(&run)), (n, n), "{}", run.stderr);
    assert_eq!(idx.text(), full);

    let verify = [
        "--out",
        idx.path.to_str().unwrap(),
        "--incremental",
        "--verify",
    ];
    let run = cables(docs.path(), &verify);
    assert_eq!((reused(&run), unread(&run)), (n, 0), "{}", run.stderr);
    assert_eq!(idx.text(), full);

    // Same size and mtime, other bytes: only its ctime tells.
    let all = files(docs.path());
    let mid = &all[all.len() / 2];
    let mut bytes = fs::read(mid).unwrap();
    let at = bytes.iter().position(|b| b.is_ascii_lowercase()).unwrap();
    bytes[at] = bytes[at].to_ascii_uppercase();
    rewrite_keeping_mtime(mid, &bytes);
    let run = idx.run(docs.path());
    assert_eq!(
        (reused(&run), unread(&run)),
        (n - 1, n - 1),
        "{}",
        run.stderr
    );
    assert_ne!(idx.text(), full);
    assert_eq!(idx.text(), cables(docs.path(), &[]).stdout);
}
