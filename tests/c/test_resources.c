/*
 * R-RES-4 (C side): no handle, buffer or error leaks. Opens and closes 1,000 providers and
 * stores, reads 1,000 buffers, and makes and frees 1,000 errors; run under valgrind
 * (scripts/run-c-tests) the leak check proves nothing is lost. Also checks that handles of
 * released objects stay stale after their table slots are reused.
 *
 * Build and run: scripts/run-c-tests. Usage: test_resources [directory].
 */
#include "harness.h"

#define ROUNDS 1000

static char g_dir[512];

static void test_r_res_4_open_close_1000_providers_and_stores(void) {
    char path[600], m[MSG_CAP];
    snprintf(path, sizeof path, "%s/cycle", g_dir);
    lode_provider *first = NULL;
    lode_store *first_store = NULL;
    int failures = 0;
    for (int i = 0; i < ROUNDS && failures < 5; i++) {
        lode_provider *p = NULL;
        lode_store *s = NULL;
        lode_error *err = NULL;
        if (lode_provider_open(STR(path), STR("{\"durability\":\"no_sync\"}"), &p, &err) != LODE_OK ||
            lode_store_open(p, NULL, 0, STR("BankAccount"), STR("cycle"), LODE_DEFAULT, 0, &s,
                            &err) != LODE_OK) {
            h_fail(__FILE__, __LINE__, "round %d: %s", i, lode_error_message(err));
            lode_error_free(err);
            failures++;
            lode_provider_close(p, NULL);
            continue;
        }
        if (i % 100 == 0) { /* now and then write something, so the stream grows */
            char mid[32];
            snprintf(mid, sizeof mid, "cycle-%d", i);
            lode_bytes b = bytes_of(make_message(m, mid, "FundsDeposited", "cycle", -1));
            if (lode_store_append(s, &b, 1, NULL, NULL) != LODE_OK) failures++;
        }
        if (i == 0) {
            first = p;
            first_store = s;
        }
        if (lode_store_free(s, NULL) != LODE_OK || lode_provider_close(p, NULL) != LODE_OK)
            failures++;
    }
    CHECK_EQ_I64(failures, 0);
    /* The handles of round 0 stay stale although their slots were reused ever since. */
    int64_t v;
    EXPECT_ERR(LODE_CLOSED, lode_store_version(first_store, &v, &err));
    lode_buffer *b = NULL;
    EXPECT_ERR(LODE_CLOSED, lode_provider_read_log(first, 0, 1, &b, &err));
    /* And the data is all there. */
    lode_provider *p = NULL;
    lode_store *s = NULL;
    EXPECT_OK(lode_provider_open(STR(path), NULL, 0, &p, &err));
    EXPECT_OK(lode_store_open(p, NULL, 0, STR("BankAccount"), STR("cycle"), LODE_DEFAULT, 0, &s, &err));
    v = 0;
    EXPECT_OK(lode_store_version(s, &v, &err));
    CHECK_EQ_I64(v, ROUNDS / 100);
    EXPECT_OK(lode_store_free(s, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

static void test_r_res_4_read_1000_buffers_and_errors(void) {
    char path[600], m[MSG_CAP];
    snprintf(path, sizeof path, "%s/buffers", g_dir);
    lode_provider *p = NULL;
    lode_store *s = NULL;
    EXPECT_OK(lode_provider_open(STR(path), STR("{\"durability\":\"no_sync\"}"), &p, &err));
    EXPECT_OK(lode_store_open(p, NULL, 0, STR("BankAccount"), STR("buf"), LODE_DEFAULT, 0, &s, &err));
    for (int i = 1; i <= 10; i++) {
        char mid[32];
        snprintf(mid, sizeof mid, "buf-%d", i);
        lode_bytes b = bytes_of(make_message(m, mid, "FundsDeposited", "buf", -1));
        EXPECT_OK(lode_store_append(s, &b, 1, NULL, &err));
    }
    int failures = 0;
    size_t total = 0;
    for (int i = 0; i < ROUNDS; i++) {
        lode_buffer *b = NULL;
        lode_status st;
        switch (i % 5) {
        case 0: st = lode_store_read(s, true, &b, NULL); break;
        case 1: st = lode_store_slice(s, 2, 6, &b, NULL); break;
        case 2: st = lode_provider_read_log(p, 0, 10, &b, NULL); break;
        case 3: st = lode_store_snapshot_versions(s, &b, NULL); break;
        default: st = lode_provider_events_by_type(p, STR("FundsDeposited"), -1, 0, 10, &b, NULL); break;
        }
        if (st != LODE_OK || b == NULL) failures++;
        total += lode_buffer_len(b);
        lode_buffer_free(b);
        /* An error every round, freed. */
        lode_error *err = NULL;
        if (lode_store_read_to(s, 99, false, &b, &err) != LODE_STREAM_VERSION_NOT_FOUND || !err)
            failures++;
        lode_error_free(err);
    }
    CHECK_EQ_I64(failures, 0);
    CHECK(total > 0);
    EXPECT_OK(lode_store_free(s, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

/* A snapshot_all callback, called many times: its buffer is the library's to free. */
static int32_t snap_cb(void *user_data, int64_t version, const uint8_t *json, size_t len,
                       lode_buffer *out) {
    char m[MSG_CAP], mid[32];
    (void)json, (void)len;
    ++*(int *)user_data;
    snprintf(mid, sizeof mid, "snap-%lld", (long long)version);
    make_message(m, mid, "BankAccountState", "many", version);
    return lode_buffer_write(out, STR(m));
}

static void test_r_res_4_snapshot_all_buffers(void) {
    char path[600], m[MSG_CAP];
    snprintf(path, sizeof path, "%s/snapshots", g_dir);
    lode_provider *p = NULL;
    lode_store *s = NULL;
    EXPECT_OK(lode_provider_open(STR(path), STR("{\"durability\":\"no_sync\"}"), &p, &err));
    EXPECT_OK(lode_store_open(p, NULL, 0, STR("BankAccount"), STR("many"), LODE_DEFAULT, 0, &s, &err));
    lode_bytes batch[200];
    static char msgs[200][MSG_CAP];
    for (int i = 0; i < 200; i++) {
        char mid[32];
        snprintf(mid, sizeof mid, "many-%d", i);
        batch[i] = bytes_of(make_message(msgs[i], mid, "FundsDeposited", "many", -1));
    }
    EXPECT_OK(lode_store_append(s, batch, 200, NULL, &err));
    int calls = 0;
    EXPECT_OK(lode_store_snapshot_all(s, 1, snap_cb, &calls, &err));
    CHECK_EQ_I64(calls, 200);
    (void)m;
    EXPECT_OK(lode_store_clear_snapshots(s, &err));
    EXPECT_OK(lode_store_free(s, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

int main(int argc, char **argv) {
    test_directory(argc, argv, g_dir, sizeof g_dir);
    RUN(test_r_res_4_open_close_1000_providers_and_stores);
    RUN(test_r_res_4_read_1000_buffers_and_errors);
    RUN(test_r_res_4_snapshot_all_buffers);
    return harness_finish();
}
