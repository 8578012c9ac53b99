//! Prefetching the next record of a cursor walk.
//!
//! An LMDB leaf page keeps an array of node offsets at its start and the nodes themselves
//! packed from its end downwards: each node added to a page is placed just below the previous
//! one (`mdb_node_add`; a split re-adds them in key order). The tables lode reads in long
//! walks are written in key order (events by version, the log by position, the time index),
//! so the node after the one a cursor just returned usually lies in the bytes right below
//! it. (Not always: message ids and correlation groups are inserted out of order, and a
//! value rewritten with another size moves its node to the bottom of the page.) Read in key order, the page is walked in a
//! zig-zag (down to a node's 8-byte header, up through its key and value, down to the next
//! header) that the CPU's stream prefetchers do not follow, and each record then starts with
//! a cache miss: measured on a 10,000-event stream of 540-byte events, the miss on the next
//! node's header in `mdb_cursor_next` plus the first touch of its bytes were most of a read's
//! time (lode 0.55× a plain raw LMDB scan; with this prefetch 0.9-1.2×, P4 in
//! docs/benchmarks.md).
//!
//! So the walk asks the CPU to start loading the bytes below the current node, room for two
//! nodes of the current one's size, while the caller checks and copies the current one. It
//! is only a hint: where the guess is wrong (the last node of a page, a page that was split
//! or refilled out of order) nothing is loaded that is needed, and nothing else changes.

/// Node header size of a leaf node (`mn_lo, mn_hi, mn_flags, mn_ksize`): the key starts right
/// after it.
#[cfg(target_arch = "x86_64")]
const NODE_HEADER: usize = 8;
/// How many nodes below the current one are prefetched: two measured a little better than one
/// (P4), and both far better than none.
#[cfg(target_arch = "x86_64")]
const NODES_AHEAD: usize = 2;
#[cfg(target_arch = "x86_64")]
const CACHE_LINE: usize = 64;
/// A node larger than this does not keep its value in the leaf page: LMDB puts the value on
/// overflow pages (`F_BIGDATA`) and the node holds only its page number. LMDB's limit with
/// 4 KiB pages (`me_nodemax`, 2,038 bytes with the node header and key); with larger pages it
/// is larger, and a node between the two is then only prefetched as if small.
#[cfg(target_arch = "x86_64")]
const LARGEST_INLINE_NODE: usize = 2038;
/// What a node whose value is on overflow pages holds besides its header and key.
#[cfg(target_arch = "x86_64")]
const OVERFLOW_PAGE_NUMBER: usize = 8;

/// Hints the CPU to load the bytes below the node of `key` (a key slice LMDB returned, which
/// points into its leaf page) and `value`.
#[inline(always)]
pub fn next_nodes(key: &[u8], value: &[u8]) {
    #[cfg(target_arch = "x86_64")]
    {
        use core::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let node = key.as_ptr().wrapping_sub(NODE_HEADER);
        let mut node_len = NODE_HEADER + key.len() + value.len();
        if node_len > LARGEST_INLINE_NODE {
            // The value is elsewhere: its length says nothing about the leaf page's nodes, and
            // a span from it would issue a prefetch per 64 bytes of a large event.
            node_len = NODE_HEADER + key.len() + OVERFLOW_PAGE_NUMBER;
        }
        let span = NODES_AHEAD * node_len + CACHE_LINE;
        let mut back = CACHE_LINE;
        while back <= span {
            // SAFETY: PREFETCHT0 is a hint that never faults and reads nothing the program
            // sees, whatever the address (Intel SDM, "PREFETCHh"); `wrapping_sub` computes the
            // address without claiming it is in bounds of anything, and it is never
            // dereferenced.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(node.wrapping_sub(back).cast::<i8>()) };
            back += CACHE_LINE;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (key, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hint reads nothing: addresses below the start of an allocation, below the first
    /// page of the address space (wrapping to the top) and of an empty slice are all fine.
    #[test]
    fn the_hint_never_faults_whatever_the_address() {
        let bytes = vec![7u8; 64];
        next_nodes(&bytes[..8], &bytes[8..]);
        let dangling: &[u8] = &[];
        next_nodes(dangling, dangling);
        let near_zero = std::ptr::NonNull::<u8>::dangling().as_ptr();
        // SAFETY: a zero-length slice may have any non-null, aligned pointer.
        let empty_at_one = unsafe { std::slice::from_raw_parts(near_zero, 0) };
        next_nodes(empty_at_one, &bytes);
        assert_eq!(bytes, vec![7u8; 64]);
    }
}
