//! Checks LMDB's data file before the engine maps it (R-BAD-5).
//!
//! LMDB reads the two meta pages with `pread`, then maps the file and follows page numbers into
//! the map. A page past the end of the file is not an error to LMDB: touching it raises SIGBUS
//! and kills the host. So before opening we read the newest meta page ourselves and check that
//! every page it can reach lies inside the file.
//!
//! The rule LMDB states (`mdb.c`, `MDB_page`): every page up to the meta's `mm_last_pg` is used
//! by a database or listed in the free database. Usually the file holds all of them; it may end
//! early only when the last pages were allocated and freed within one transaction and so never
//! written. The check is therefore: the file holds pages `0..=last_pg`, or every page past its
//! end is listed as free. The free database is walked with `pread` (it is small: a few pages).
//!
//! Only a file that was cut short fails this check; a file that is merely not an LMDB file is
//! left for LMDB to refuse (it reads the header itself and says `MDB_INVALID`).

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::Path;

/// Why the data file cannot be opened safely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Truncated {
    /// Bytes the file has.
    pub len: u64,
    /// Bytes the meta page says it needs (`(last_pg + 1) × page size`).
    pub needed: u64,
}

const MDB_MAGIC: u32 = 0xBEEF_C0DE;
const PAGE_HEADER: usize = 16;
const P_BRANCH: u16 = 0x01;
const P_LEAF: u16 = 0x02;
const P_META: u16 = 0x08;
const F_BIGDATA: u16 = 0x01;
const P_INVALID: u64 = u64::MAX;
// Offsets inside a meta page: the page header, then MDB_meta (magic u32, version u32, address,
// mapsize, two MDB_db of 48 bytes, last_pg, txnid).
const META_MAGIC: usize = PAGE_HEADER;
const META_PSIZE: usize = PAGE_HEADER + 24; // mm_dbs[FREE_DBI].md_pad
const META_FREE_ROOT: usize = PAGE_HEADER + 24 + 40; // mm_dbs[FREE_DBI].md_root
const META_LAST_PG: usize = PAGE_HEADER + 24 + 96;
const META_TXNID: usize = META_LAST_PG + 8;
const META_END: usize = META_TXNID + 8;
/// The walk of the free database gives up past this many pages (a damaged tree could loop).
const MAX_FREE_PAGES_VISITED: usize = 1 << 20;

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([b[at], b[at + 1]])
}
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_ne_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

struct Meta {
    page_size: u64,
    last_pg: u64,
    free_root: u64,
    txnid: u64,
}

fn read_meta(file: &File, offset: u64) -> Option<Meta> {
    let mut b = [0u8; META_END];
    file.read_exact_at(&mut b, offset).ok()?;
    if u16_at(&b, 10) & P_META == 0 || u32_at(&b, META_MAGIC) != MDB_MAGIC {
        return None;
    }
    Some(Meta {
        page_size: u32_at(&b, META_PSIZE) as u64,
        last_pg: u64_at(&b, META_LAST_PG),
        free_root: u64_at(&b, META_FREE_ROOT),
        txnid: u64_at(&b, META_TXNID),
    })
}

/// Checks the data file at `path`. `Ok(())` when it is absent, empty (a new store), not an LMDB
/// file (LMDB refuses it itself), or holds every page its newest meta page can reach.
pub(crate) fn check(path: &Path) -> std::io::Result<Result<(), Truncated>> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ok(())),
        Err(e) => return Err(e),
    };
    // The meta page is read before the length: a writer in another process writes a
    // transaction's pages before its meta page, so the length read afterwards covers them.
    let Some(first) = read_meta(&file, 0) else {
        return Ok(Ok(()));
    };
    if !(512..=65536).contains(&first.page_size) || !first.page_size.is_power_of_two() {
        return Ok(Ok(()));
    }
    let meta = match read_meta(&file, first.page_size) {
        Some(second) if second.txnid > first.txnid => second,
        Some(_) => first,
        // Page 1 missing or unreadable: LMDB reads it too and refuses the file.
        None => return Ok(Ok(())),
    };
    let len = file.metadata()?.len();
    let psize = meta.page_size;
    let needed = meta.last_pg.saturating_add(1).saturating_mul(psize);
    if len >= needed {
        return Ok(Ok(()));
    }
    let truncated = Truncated { len, needed };
    // Pages `len / psize ..= last_pg` are past the end: all of them must be free.
    let first_missing = len / psize;
    let missing = meta.last_pg + 1 - first_missing;
    match free_pages_at_or_after(&file, &meta, len, first_missing) {
        Some(free) if free == missing => Ok(Ok(())),
        _ => Ok(Err(truncated)),
    }
}

/// How many distinct pages `>= from` the free database lists, or `None` when the walk needs a
/// page that is not in the file (or the tree is not one LMDB could have written).
fn free_pages_at_or_after(file: &File, meta: &Meta, len: u64, from: u64) -> Option<u64> {
    let psize = meta.page_size as usize;
    let mut found = std::collections::BTreeSet::new();
    if meta.free_root == P_INVALID {
        return Some(0);
    }
    let mut pending = vec![meta.free_root];
    let mut visited = 0usize;
    let mut page = vec![0u8; psize];
    while let Some(pgno) = pending.pop() {
        visited += 1;
        if visited > MAX_FREE_PAGES_VISITED {
            return None;
        }
        let offset = pgno.checked_mul(psize as u64)?;
        if offset.checked_add(psize as u64)? > len {
            return None;
        }
        file.read_exact_at(&mut page, offset).ok()?;
        let flags = u16_at(&page, 10);
        let lower = u16_at(&page, 12) as usize;
        if lower < PAGE_HEADER || lower > psize {
            return None;
        }
        let keys = (lower - PAGE_HEADER) / 2;
        for i in 0..keys {
            let node = u16_at(&page, PAGE_HEADER + 2 * i) as usize;
            if node + 8 > psize {
                return None;
            }
            let lo = u16_at(&page, node) as u64;
            let hi = u16_at(&page, node + 2) as u64;
            let nflags = u16_at(&page, node + 4);
            let ksize = u16_at(&page, node + 6) as usize;
            if flags & P_BRANCH != 0 {
                pending.push(lo | hi << 16 | (nflags as u64) << 32);
            } else if flags & P_LEAF != 0 {
                let size = (lo | hi << 16) as usize;
                let at = node + 8 + ksize;
                let ids: Vec<u8> = if nflags & F_BIGDATA != 0 {
                    if at + 8 > psize {
                        return None;
                    }
                    let overflow = u64_at(&page, at);
                    let start = overflow.checked_mul(psize as u64)? + PAGE_HEADER as u64;
                    if start.checked_add(size as u64)? > len {
                        return None;
                    }
                    let mut data = vec![0u8; size];
                    file.read_exact_at(&mut data, start).ok()?;
                    data
                } else {
                    page.get(at..at + size)?.to_vec()
                };
                // An IDL: a count, then that many page numbers.
                let count = ids.get(..8).map(|c| u64_at(c, 0))? as usize;
                if ids.len() < 8 * (count + 1) {
                    return None;
                }
                for k in 1..=count {
                    let free = u64_at(&ids, 8 * k);
                    if free >= from && free <= meta.last_pg {
                        found.insert(free);
                    }
                }
            } else {
                return None;
            }
        }
    }
    Some(found.len() as u64)
}
