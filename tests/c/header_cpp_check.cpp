// The header must compile as C++ (cbindgen's cpp_compat): extern "C" linkage, no C-only
// constructs. Compiled with `g++ -std=c++17 -Wall -Werror -c` by scripts/run-c-tests.
#include "lode.h"

#include <type_traits>

static_assert(LODE_OK == 0, "0 is success");
static_assert(std::is_same<lode_status, int32_t>::value, "lode_status is int32_t");
static_assert(sizeof(lode_bytes) == sizeof(void *) + sizeof(size_t), "lode_bytes is ptr + len");
// A negative constant must be one token in any expression: `-LODE_DEFAULT` would read as
// `--1` (and not compile) if the macro were not parenthesized.
static_assert(-LODE_DEFAULT == 1, "LODE_DEFAULT is parenthesized");
static_assert(LODE_MAX_NESTING_DEPTH == 64, "the nesting limit is System.Text.Json's default");

extern "C" {
static int32_t cpp_snapshot(void *, int64_t, const uint8_t *, size_t, lode_buffer *out) {
    return lode_buffer_write(out, reinterpret_cast<const uint8_t *>("{}"), 2);
}
static void cpp_log(void *, int32_t, const char *, const char *, const char *) {}
}

// Every function's address, so a declaration that C++ cannot parse fails here.
void header_cpp_check_take_addresses(void (*sink)(const void *)) {
    sink(reinterpret_cast<const void *>(&lode_version));
    sink(reinterpret_cast<const void *>(&lode_abi_version));
    sink(reinterpret_cast<const void *>(&lode_status_name));
    sink(reinterpret_cast<const void *>(&lode_error_code));
    sink(reinterpret_cast<const void *>(&lode_error_message));
    sink(reinterpret_cast<const void *>(&lode_error_details));
    sink(reinterpret_cast<const void *>(&lode_error_free));
    sink(reinterpret_cast<const void *>(&lode_buffer_data));
    sink(reinterpret_cast<const void *>(&lode_buffer_len));
    sink(reinterpret_cast<const void *>(&lode_buffer_count));
    sink(reinterpret_cast<const void *>(&lode_buffer_write));
    sink(reinterpret_cast<const void *>(&lode_buffer_free));
    sink(reinterpret_cast<const void *>(&lode_set_log_callback));
    sink(reinterpret_cast<const void *>(&lode_provider_open));
    sink(reinterpret_cast<const void *>(&lode_provider_close));
    sink(reinterpret_cast<const void *>(&lode_provider_read_log));
    sink(reinterpret_cast<const void *>(&lode_provider_events_by_type));
    sink(reinterpret_cast<const void *>(&lode_provider_events_by_time));
    sink(reinterpret_cast<const void *>(&lode_provider_events_by_correlation));
    sink(reinterpret_cast<const void *>(&lode_provider_stream_events_since));
    sink(reinterpret_cast<const void *>(&lode_provider_command_processed));
    sink(reinterpret_cast<const void *>(&lode_provider_command_record));
    sink(reinterpret_cast<const void *>(&lode_store_open));
    sink(reinterpret_cast<const void *>(&lode_store_reopen));
    sink(reinterpret_cast<const void *>(&lode_store_close));
    sink(reinterpret_cast<const void *>(&lode_store_free));
    sink(reinterpret_cast<const void *>(&lode_store_renew));
    sink(reinterpret_cast<const void *>(&lode_store_append));
    sink(reinterpret_cast<const void *>(&lode_store_append_with_command));
    sink(reinterpret_cast<const void *>(&lode_store_read));
    sink(reinterpret_cast<const void *>(&lode_store_read_to));
    sink(reinterpret_cast<const void *>(&lode_store_slice));
    sink(reinterpret_cast<const void *>(&lode_store_version));
    sink(reinterpret_cast<const void *>(&lode_store_snapshot));
    sink(reinterpret_cast<const void *>(&lode_store_clear_snapshot));
    sink(reinterpret_cast<const void *>(&lode_store_clear_snapshots));
    sink(reinterpret_cast<const void *>(&lode_store_snapshot_versions));
    sink(reinterpret_cast<const void *>(&lode_store_last_snapshot_version));
    sink(reinterpret_cast<const void *>(&lode_store_snapshot_all));
    lode_snapshot_fn snap = cpp_snapshot;
    lode_log_fn log = cpp_log;
    sink(reinterpret_cast<const void *>(snap));
    sink(reinterpret_cast<const void *>(log));
}
