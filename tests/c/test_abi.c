/*
 * C host tests of the lode C ABI (include/lode.h): the happy path of every exported function,
 * every status code reachable from C, R-BAD-2 (a panic becomes LODE_INTERNAL), and a NULL
 * `lode_error **` accepted everywhere.
 *
 * Build and run: scripts/run-c-tests (compiles with -DLODE_TEST_HOOKS against the library
 * built with `--features test-hooks`, runs under valgrind). Usage: test_abi [directory].
 */
#include "harness.h"

#include <stdatomic.h>
#include <sys/stat.h>

static char g_dir[512];
static lode_provider *P; /* the provider every test shares (default settings, no_sync) */

/* ---------------------------------------------------------------------------------------- */
/* Fixtures                                                                                  */
/* ---------------------------------------------------------------------------------------- */

/* Opens a fresh stream BankAccount/<unique id> with the default timeouts and appends `n`
 * events (message ids "<id>-e1".."<id>-en", no SequenceNumber). `id` gets the aggregate id. */
static lode_store *fresh_store(char id[64], int n) {
    lode_store *s = NULL;
    unique_id(id, 64, "acct");
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR(id), LODE_DEFAULT,
                              LODE_DEFAULT, &s, &err));
    for (int i = 1; i <= n; i++) {
        char mid[96], m[MSG_CAP];
        snprintf(mid, sizeof mid, "%s-e%d", id, i);
        lode_bytes b = bytes_of(make_message(m, mid, "FundsDeposited", id, -1));
        int64_t v = -1;
        EXPECT_OK(lode_store_append(s, &b, 1, &v, &err));
        CHECK_EQ_I64(v, i);
    }
    return s;
}

static int64_t version_of(lode_store *s) {
    int64_t v = -1;
    EXPECT_OK(lode_store_version(s, &v, &err));
    return v;
}

/* The whole stream (without snapshot) as text; caller frees. */
static char *read_all(lode_store *s, bool use_snapshot, size_t *count) {
    lode_buffer *b = NULL;
    EXPECT_OK(lode_store_read(s, use_snapshot, &b, &err));
    char *t = buffer_text(b);
    if (count) *count = lode_buffer_count(b);
    lode_buffer_free(b);
    return t;
}

static void free_store(lode_store *s) { EXPECT_OK(lode_store_free(s, &err)); }

/* lode_buffer_item / lode_buffer_message: each message of a read, and each record and its
 * stored message of a query, without a JSON parser (B-RD-1, Q-LOG-2). */
static void test_buffer_items_and_messages(void) {
    char id[64];
    lode_store *s = fresh_store(id, 3);
    lode_buffer *b = NULL;
    EXPECT_OK(lode_store_read(s, false, &b, &err));
    CHECK_EQ_I64((int64_t)lode_buffer_count(b), 3);
    for (size_t i = 0; i < 3; i++) {
        const uint8_t *p = NULL, *q = NULL;
        size_t n = 0, m = 0;
        CHECK_EQ_I64(lode_buffer_item(b, i, &p, &n), LODE_OK);
        CHECK_EQ_I64(lode_buffer_message(b, i, &q, &m), LODE_OK);
        CHECK(p == q && n == m);
        CHECK(n > 2 && p[0] == '{' && p[n - 1] == '}');
        char want[40], *text = strndup((const char *)p, n);
        snprintf(want, sizeof want, "\"SequenceNumber\":%zu", i + 1);
        CHECK_STR_CONTAINS(text, want);
        free(text);
    }
    const uint8_t *p = NULL;
    size_t n = 0;
    CHECK_EQ_I64(lode_buffer_item(b, 3, &p, &n), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_buffer_item(b, 0, NULL, &n), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_buffer_message(b, 0, &p, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_buffer_item(NULL, 0, &p, &n), LODE_INVALID_ARGUMENT);
    /* All message ranges at once. */
    const size_t *off = lode_buffer_message_offsets(b);
    CHECK(off != NULL);
    for (size_t i = 0; off && i < 3; i++) {
        const uint8_t *m = NULL;
        size_t mn = 0;
        CHECK_EQ_I64(lode_buffer_message(b, i, &m, &mn), LODE_OK);
        CHECK(lode_buffer_data(b) + off[2 * i] == m && off[2 * i + 1] - off[2 * i] == mn);
    }
    CHECK(lode_buffer_message_offsets(NULL) == NULL);
    lode_buffer_free(b);

    /* A query result: items are records, messages are their "Message" members. */
    lode_buffer *q = NULL;
    EXPECT_OK(lode_provider_stream_events_since(P, NULL, 0, STR("BankAccount"), STR(id), 1, 10,
                                                &q, &err));
    CHECK_EQ_I64((int64_t)lode_buffer_count(q), 2);
    for (size_t i = 0; i < 2; i++) {
        const uint8_t *r = NULL, *msg = NULL;
        size_t rn = 0, mn = 0;
        CHECK_EQ_I64(lode_buffer_item(q, i, &r, &rn), LODE_OK);
        CHECK_EQ_I64(lode_buffer_message(q, i, &msg, &mn), LODE_OK);
        CHECK(rn > mn && msg > r && msg + mn < r + rn);
        CHECK(strncmp((const char *)r, "{\"Position\":", 12) == 0);
        CHECK(msg[0] == '{' && msg[mn - 1] == '}' && r[rn - 1] == '}');
        CHECK(strncmp((const char *)msg, "{\"Event\":", 9) == 0);
    }
    lode_buffer_free(q);

    /* A buffer of numbers has no items. */
    lode_buffer *v = NULL;
    EXPECT_OK(lode_store_snapshot(s, 1, STR("{\"Event\":{},\"Metadata\":{}}"), &err));
    EXPECT_OK(lode_store_snapshot_versions(s, &v, &err));
    CHECK_EQ_I64(lode_buffer_item(v, 0, &p, &n), LODE_INVALID_ARGUMENT);
    CHECK(lode_buffer_message_offsets(v) == NULL);
    lode_buffer_free(v);
    free_store(s);
}

/* ---------------------------------------------------------------------------------------- */
/* Library information, status names, errors, buffers                                        */
/* ---------------------------------------------------------------------------------------- */

static void test_library_version_and_abi_version(void) {
    const char *v = lode_version();
    CHECK(v != NULL && strlen(v) >= 5);
    CHECK(strchr(v, '.') != NULL);
    CHECK_EQ_I64(lode_abi_version(), LODE_ABI_VERSION);
}

static void test_status_names(void) {
    static const struct { lode_status code; const char *name; } all[] = {
        {LODE_OK, "LODE_OK"},
        {LODE_VERSION_MISMATCH, "LODE_VERSION_MISMATCH"},
        {LODE_STORE_NOT_OPEN, "LODE_STORE_NOT_OPEN"},
        {LODE_SESSION_EXPIRED, "LODE_SESSION_EXPIRED"},
        {LODE_INVALID_SESSION, "LODE_INVALID_SESSION"},
        {LODE_OPEN_STORE_FAILED, "LODE_OPEN_STORE_FAILED"},
        {LODE_STREAM_VERSION_NOT_FOUND, "LODE_STREAM_VERSION_NOT_FOUND"},
        {LODE_SNAPSHOT_VERSION_NOT_FOUND, "LODE_SNAPSHOT_VERSION_NOT_FOUND"},
        {LODE_IDEMPOTENCY_ID_NOT_FOUND, "LODE_IDEMPOTENCY_ID_NOT_FOUND"},
        {LODE_DUPLICATE_IDEMPOTENCY_ID, "LODE_DUPLICATE_IDEMPOTENCY_ID"},
        {LODE_INVALID_ARGUMENT, "LODE_INVALID_ARGUMENT"},
        {LODE_SERIALIZATION, "LODE_SERIALIZATION"},
        {LODE_STORAGE, "LODE_STORAGE"},
        {LODE_CLOSED, "LODE_CLOSED"},
        {LODE_INTERNAL, "LODE_INTERNAL"},
        {LODE_CANCELLED, "LODE_CANCELLED"},
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        CHECK_EQ_I64(all[i].code, (int)i); /* the numbers are stable: 0..15 */
        CHECK_MSG(strcmp(lode_status_name(all[i].code), all[i].name) == 0, "name of %d: %s",
                  all[i].code, lode_status_name(all[i].code));
    }
    CHECK(strcmp(lode_status_name(16), "LODE_UNKNOWN") == 0);
    CHECK(strcmp(lode_status_name(-1), "LODE_UNKNOWN") == 0);
    CHECK(strcmp(lode_status_name(INT32_MIN), "LODE_UNKNOWN") == 0);
    CHECK(strcmp(lode_status_name(INT32_MAX), "LODE_UNKNOWN") == 0);
}

static void test_error_accessors(void) {
    lode_error *err = NULL;
    lode_status st = lode_store_open(P, NULL, 0, STR(""), STR("x"), LODE_DEFAULT, LODE_DEFAULT,
                                     &(lode_store *){NULL}, &err);
    CHECK_EQ_I64(st, LODE_INVALID_ARGUMENT);
    CHECK(err != NULL);
    CHECK_EQ_I64(lode_error_code(err), LODE_INVALID_ARGUMENT);
    CHECK(strlen(lode_error_message(err)) > 10);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"kind\":\"InvalidArgument\"");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"argument\":\"name\"");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"reason\"");
    lode_error_free(err);
    /* NULL error: documented defaults. */
    CHECK_EQ_I64(lode_error_code(NULL), LODE_INVALID_ARGUMENT);
    CHECK(strcmp(lode_error_message(NULL), "") == 0);
    CHECK(strcmp(lode_error_details(NULL), "{}") == 0);
    lode_error_free(NULL);
}

static void test_buffer_accessors_and_write(void) {
    char id[64];
    lode_store *s = fresh_store(id, 2);
    lode_buffer *b = NULL;
    EXPECT_OK(lode_store_read(s, false, &b, &err));
    CHECK(b != NULL);
    CHECK(lode_buffer_data(b) != NULL);
    CHECK(lode_buffer_len(b) > 2);
    CHECK_EQ_I64(lode_buffer_count(b), 2);
    CHECK(lode_buffer_data(b)[0] == '[' && lode_buffer_data(b)[lode_buffer_len(b) - 1] == ']');
    /* lode_buffer_write replaces the bytes; the count becomes 1. */
    const char *obj = "{\"hello\":1}";
    CHECK_EQ_I64(lode_buffer_write(b, STR(obj)), LODE_OK);
    CHECK_EQ_I64(lode_buffer_len(b), strlen(obj));
    CHECK(memcmp(lode_buffer_data(b), obj, strlen(obj)) == 0);
    CHECK_EQ_I64(lode_buffer_count(b), 1);
    CHECK_EQ_I64(lode_buffer_write(b, NULL, 0), LODE_OK);
    CHECK_EQ_I64(lode_buffer_len(b), 0);
    lode_buffer_free(b);
    /* NULL buffer: documented defaults. */
    CHECK(lode_buffer_data(NULL) == NULL);
    CHECK_EQ_I64(lode_buffer_len(NULL), 0);
    CHECK_EQ_I64(lode_buffer_count(NULL), 0);
    lode_buffer_free(NULL);
    free_store(s);
}

/* ---------------------------------------------------------------------------------------- */
/* Provider and store lifecycle                                                              */
/* ---------------------------------------------------------------------------------------- */

static void test_provider_open_close_without_settings(void) {
    char path[600];
    snprintf(path, sizeof path, "%s/plain", g_dir);
    lode_provider *p = NULL;
    EXPECT_OK(lode_provider_open(STR(path), NULL, 0, &p, &err));
    CHECK(p != NULL);
    struct stat st;
    CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK_MSG((st.st_mode & 0777) == 0700, "directory mode %o", st.st_mode & 0777);
    EXPECT_OK(lode_provider_close(p, &err));
    /* Closing again, and closing NULL, are no-ops. */
    EXPECT_OK(lode_provider_close(p, &err));
    EXPECT_OK(lode_provider_close(NULL, &err));
    /* An empty settings object is also all defaults. */
    EXPECT_OK(lode_provider_open(STR(path), STR("{}"), &p, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

static void test_provider_open_with_settings_json(void) {
    char path[600];
    snprintf(path, sizeof path, "%s/settings", g_dir);
    const char *settings =
        "{\"default_database\":\"Other\",\"default_open_timeout_ms\":100,"
        "\"default_session_timeout_ms\":30000,\"durability\":\"no_sync\","
        "\"initial_map_size\":1048576,\"max_map_size\":1073741824,\"file_mode\":384,"
        "\"directory_mode\":448,\"max_readers\":50}";
    lode_provider *p = NULL;
    EXPECT_OK(lode_provider_open(STR(path), STR(settings), &p, &err));
    CHECK(p != NULL);
    /* The default database is used for a NULL database. */
    lode_store *s = NULL;
    EXPECT_OK(lode_store_open(p, NULL, 0, STR("BankAccount"), STR("s1"), LODE_DEFAULT,
                              LODE_DEFAULT, &s, &err));
    char m[MSG_CAP];
    lode_bytes b = bytes_of(make_message(m, "settings-e1", "FundsDeposited", "s1", -1));
    EXPECT_OK(lode_store_append(s, &b, 1, NULL, &err));
    lode_buffer *out = NULL;
    EXPECT_OK(lode_provider_stream_events_since(p, STR("Other"), STR("BankAccount"), STR("s1"),
                                                0, 10, &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 1);
    lode_buffer_free(out);
    EXPECT_OK(lode_provider_stream_events_since(p, STR("EventStores"), STR("BankAccount"),
                                                STR("s1"), 0, 10, &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 0);
    lode_buffer_free(out);
    /* The default open timeout (100 ms) applies: a second session fails in about that. */
    lode_store *s2 = NULL;
    EXPECT_ERR(LODE_OPEN_STORE_FAILED,
               lode_store_open(p, NULL, 0, STR("BankAccount"), STR("s1"), LODE_DEFAULT,
                               LODE_DEFAULT, &s2, &err));
    CHECK(s2 == NULL);
    free_store(s);
    EXPECT_OK(lode_provider_close(p, &err));
}

static void test_store_open_close_reopen_free(void) {
    char id[64];
    lode_store *s = fresh_store(id, 1);
    CHECK(s != NULL);
    /* An explicit database equals the default one. */
    lode_store *same = NULL;
    EXPECT_OK(lode_store_close(s, &err));
    EXPECT_OK(lode_store_close(s, &err)); /* idempotent */
    EXPECT_OK(lode_store_open(P, STR("EventStores"), STR("BankAccount"), STR(id), 1000, 0,
                              &same, &err));
    CHECK_EQ_I64(version_of(same), 1);
    free_store(same);
    /* Reopen the closed handle: a new session, same stream. */
    EXPECT_OK(lode_store_reopen(s, LODE_DEFAULT, LODE_DEFAULT, &err));
    CHECK_EQ_I64(version_of(s), 1);
    EXPECT_OK(lode_store_close(s, &err));
    EXPECT_OK(lode_store_reopen(s, 60000, 0, &err));
    CHECK_EQ_I64(version_of(s), 1);
    EXPECT_OK(lode_store_free(s, &err));
    /* Freeing again and freeing NULL are no-ops. */
    EXPECT_OK(lode_store_free(s, &err));
    EXPECT_OK(lode_store_free(NULL, &err));
}

static void test_b_ses_6_store_renew(void) {
    char id[64];
    unique_id(id, sizeof id, "renew");
    lode_store *s = NULL;
    /* A short session renewed in time stays valid past its first expiry. */
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR(id), 1500, 0, &s, &err));
    for (int i = 0; i < 3; i++) {
        sleep_ms(700);
        EXPECT_OK(lode_store_renew(s, &err));
    }
    CHECK_EQ_I64(version_of(s), 0);
    free_store(s);
}

/* ---------------------------------------------------------------------------------------- */
/* Append and read                                                                           */
/* ---------------------------------------------------------------------------------------- */

static void test_b_app_1_append_and_read_in_order(void) {
    char id[64];
    lode_store *s = fresh_store(id, 0);
    char m1[MSG_CAP], m2[MSG_CAP], m3[MSG_CAP], i1[96], i2[96], i3[96];
    snprintf(i1, sizeof i1, "%s-a", id);
    snprintf(i2, sizeof i2, "%s-b", id);
    snprintf(i3, sizeof i3, "%s-c", id);
    lode_bytes batch[2] = {bytes_of(make_message(m1, i1, "BankAccountCreated", id, -1)),
                           bytes_of(make_message(m2, i2, "FundsDeposited", id, 2))};
    int64_t v = -1;
    EXPECT_OK(lode_store_append(s, batch, 2, &v, &err));
    CHECK_EQ_I64(v, 2);
    /* An empty batch writes nothing and gives the current version (NULL array allowed). */
    v = -1;
    EXPECT_OK(lode_store_append(s, NULL, 0, &v, &err));
    CHECK_EQ_I64(v, 2);
    /* out_version may be NULL. */
    lode_bytes third = bytes_of(make_message(m3, i3, "FundsWithdrawn", id, -1));
    EXPECT_OK(lode_store_append(s, &third, 1, NULL, &err));
    CHECK_EQ_I64(version_of(s), 3);

    size_t n = 0;
    char *all = read_all(s, false, &n);
    CHECK_EQ_I64(n, 3);
    CHECK(all[0] == '[');
    /* In order, each with its version written in. */
    const char *p1 = strstr(all, i1), *p2 = strstr(all, i2), *p3 = strstr(all, i3);
    CHECK(p1 && p2 && p3 && p1 < p2 && p2 < p3);
    const char *s1 = strstr(all, "\"SequenceNumber\":1"), *s2 = strstr(all, "\"SequenceNumber\":2"),
               *s3 = strstr(all, "\"SequenceNumber\":3");
    CHECK(s1 && s2 && s3 && s1 < s2 && s2 < s3);
    CHECK(p1 < s1 && s1 < p2 && p2 < s2 && s2 < p3);
    CHECK_EQ_I64(count_of(all, "\"SequenceNumber\""), 3);
    /* The message that carried its number is stored byte for byte. */
    CHECK_STR_CONTAINS(all, m2);
    CHECK_STR_CONTAINS(all, "\"BankAccountCreated\"");
    free(all);
    free_store(s);
}

static void test_b_app_6_exact_retry_writes_nothing(void) {
    char id[64];
    lode_store *s = fresh_store(id, 0);
    char m1[MSG_CAP], m2[MSG_CAP], i1[96], i2[96];
    snprintf(i1, sizeof i1, "%s-a", id);
    snprintf(i2, sizeof i2, "%s-b", id);
    lode_bytes batch[2] = {bytes_of(make_message(m1, i1, "FundsDeposited", id, -1)),
                           bytes_of(make_message(m2, i2, "FundsDeposited", id, -1))};
    int64_t v = -1;
    EXPECT_OK(lode_store_append(s, batch, 2, &v, &err));
    CHECK_EQ_I64(v, 2);
    v = -1;
    EXPECT_OK(lode_store_append(s, batch, 2, &v, &err));
    CHECK_EQ_I64(v, 2);
    CHECK_EQ_I64(version_of(s), 2);
    free_store(s);
}

static void test_append_with_command_and_command_queries(void) {
    char id[64], cmd[64], mid[96], m[MSG_CAP];
    lode_store *s = fresh_store(id, 1);
    unique_id(cmd, sizeof cmd, "cmd");
    bool processed = true;
    EXPECT_OK(lode_provider_command_processed(P, STR(cmd), &processed, &err));
    CHECK(!processed);
    snprintf(mid, sizeof mid, "%s-cmd", id);
    lode_bytes b = bytes_of(make_message(m, mid, "FundsDeposited", id, -1));
    int64_t v = -1;
    EXPECT_OK(lode_store_append_with_command(s, &b, 1, STR(cmd), STR("Deposit"), STR("joe"), &v,
                                             &err));
    CHECK_EQ_I64(v, 2);
    EXPECT_OK(lode_provider_command_processed(P, STR(cmd), &processed, &err));
    CHECK(processed);
    lode_buffer *rec = NULL;
    EXPECT_OK(lode_provider_command_record(P, STR(cmd), &rec, &err));
    CHECK_EQ_I64(lode_buffer_count(rec), 1);
    char *t = buffer_text(rec);
    CHECK(t[0] == '{');
    char want[128];
    snprintf(want, sizeof want, "\"CommandId\":\"%s\"", cmd);
    CHECK_STR_CONTAINS(t, want);
    CHECK_STR_CONTAINS(t, "\"CommandType\":\"Deposit\"");
    CHECK_STR_CONTAINS(t, "\"Actor\":\"joe\"");
    CHECK_STR_CONTAINS(t, "\"AggregateType\":\"BankAccount\"");
    snprintf(want, sizeof want, "\"AggregateId\":\"%s\"", id);
    CHECK_STR_CONTAINS(t, want);
    CHECK_STR_CONTAINS(t, "\"FirstVersion\":2");
    CHECK_STR_CONTAINS(t, "\"LastVersion\":2");
    CHECK_STR_CONTAINS(t, "\"ProcessedAt\"");
    CHECK_STR_CONTAINS(t, "\"ProcessedAtUs\"");
    free(t);
    lode_buffer_free(rec);

    /* Type and actor may be left out (NULL, 0); the actor defaults to the event's UserId. */
    char cmd2[64], mid2[96];
    unique_id(cmd2, sizeof cmd2, "cmd");
    snprintf(mid2, sizeof mid2, "%s-cmd2", id);
    lode_bytes b2 = bytes_of(make_message(m, mid2, "FundsDeposited", id, -1));
    EXPECT_OK(lode_store_append_with_command(s, &b2, 1, STR(cmd2), NULL, 0, NULL, 0, NULL, &err));
    EXPECT_OK(lode_provider_command_record(P, STR(cmd2), &rec, &err));
    t = buffer_text(rec);
    CHECK_STR_CONTAINS(t, "\"Actor\":\"c-tests\"");
    CHECK_STR_CONTAINS(t, "\"FirstVersion\":3");
    free(t);
    lode_buffer_free(rec);
    CHECK_EQ_I64(version_of(s), 3);
    free_store(s);
}

static void test_b_rd_3_read_to_and_b_rd_4_slice(void) {
    char id[64];
    lode_store *s = fresh_store(id, 5);
    lode_buffer *b = NULL;
    EXPECT_OK(lode_store_read_to(s, 3, false, &b, &err));
    CHECK_EQ_I64(lode_buffer_count(b), 3);
    char *t = buffer_text(b);
    CHECK_STR_CONTAINS(t, "\"SequenceNumber\":3");
    CHECK(strstr(t, "\"SequenceNumber\":4") == NULL);
    free(t);
    lode_buffer_free(b);
    EXPECT_OK(lode_store_read_to(s, 0, false, &b, &err));
    CHECK_EQ_I64(lode_buffer_count(b), 0);
    CHECK(lode_buffer_len(b) == 2 && memcmp(lode_buffer_data(b), "[]", 2) == 0);
    lode_buffer_free(b);
    EXPECT_OK(lode_store_read_to(s, 5, true, &b, &err));
    CHECK_EQ_I64(lode_buffer_count(b), 5);
    lode_buffer_free(b);

    EXPECT_OK(lode_store_slice(s, 2, 4, &b, &err));
    CHECK_EQ_I64(lode_buffer_count(b), 3);
    t = buffer_text(b);
    const char *a = strstr(t, "\"SequenceNumber\":2"), *c = strstr(t, "\"SequenceNumber\":4");
    CHECK(a && c && a < c);
    CHECK(strstr(t, "\"SequenceNumber\":1") == NULL && strstr(t, "\"SequenceNumber\":5") == NULL);
    free(t);
    lode_buffer_free(b);
    EXPECT_OK(lode_store_slice(s, 4, 100, &b, &err)); /* 4..5 */
    CHECK_EQ_I64(lode_buffer_count(b), 2);
    lode_buffer_free(b);
    EXPECT_OK(lode_store_slice(s, 15, 20, &b, &err)); /* past the end: empty */
    CHECK_EQ_I64(lode_buffer_count(b), 0);
    lode_buffer_free(b);
    EXPECT_OK(lode_store_slice(s, 4, 2, &b, &err)); /* first > last: empty */
    CHECK_EQ_I64(lode_buffer_count(b), 0);
    lode_buffer_free(b);
    free_store(s);
}

static void test_b_rd_1_unknown_stream_reads_empty(void) {
    char id[64];
    lode_store *s = fresh_store(id, 0);
    size_t n = 99;
    char *t = read_all(s, true, &n);
    CHECK_EQ_I64(n, 0);
    CHECK(strcmp(t, "[]") == 0);
    free(t);
    CHECK_EQ_I64(version_of(s), 0);
    free_store(s);
}

/* ---------------------------------------------------------------------------------------- */
/* Snapshots                                                                                 */
/* ---------------------------------------------------------------------------------------- */

static const char *snapshot_message(char *buf, size_t cap, const char *id, long long version,
                                    int messages) {
    char mid[96], body[96];
    snprintf(mid, sizeof mid, "%s-snap-%lld", id, version);
    snprintf(body, sizeof body, "\"Balance\":%lld,\"FoldedMessages\":%d", version * 100, messages);
    return make_message_full(buf, cap, mid, "BankAccountState", "BankAccount", id, version, NULL,
                             body);
}

static void test_b_snp_snapshot_read_clear_versions(void) {
    char id[64], snap[MSG_CAP];
    lode_store *s = fresh_store(id, 5);
    int64_t last = -1;
    EXPECT_OK(lode_store_last_snapshot_version(s, &last, &err));
    CHECK_EQ_I64(last, 0);
    lode_buffer *b = NULL;
    EXPECT_OK(lode_store_snapshot_versions(s, &b, &err));
    CHECK(lode_buffer_len(b) == 2 && memcmp(lode_buffer_data(b), "[]", 2) == 0);
    CHECK_EQ_I64(lode_buffer_count(b), 0);
    lode_buffer_free(b);

    EXPECT_OK(lode_store_snapshot(s, 2, STR(snapshot_message(snap, sizeof snap, id, 2, 2)), &err));
    EXPECT_OK(lode_store_snapshot(s, 4, STR(snapshot_message(snap, sizeof snap, id, 4, 4)), &err));
    EXPECT_OK(lode_store_last_snapshot_version(s, &last, &err));
    CHECK_EQ_I64(last, 4);
    EXPECT_OK(lode_store_snapshot_versions(s, &b, &err));
    char *t = buffer_text(b);
    CHECK_MSG(strcmp(t, "[2,4]") == 0, "snapshot versions %s", t);
    CHECK_EQ_I64(lode_buffer_count(b), 2);
    free(t);
    lode_buffer_free(b);

    /* Read with snapshot: the snapshot at 4 (byte for byte), then event 5. */
    size_t n = 0;
    t = read_all(s, true, &n);
    CHECK_EQ_I64(n, 2);
    CHECK(strncmp(t + 1, snap, strlen(snap)) == 0);
    CHECK_STR_CONTAINS(t, "\"SequenceNumber\":5");
    free(t);
    /* Without snapshot: all 5 events. */
    t = read_all(s, false, &n);
    CHECK_EQ_I64(n, 5);
    CHECK(strstr(t, "BankAccountState") == NULL);
    free(t);
    /* Read to 3 with snapshot uses the snapshot at 2, never the newer one (bug 8). */
    EXPECT_OK(lode_store_read_to(s, 3, true, &b, &err));
    CHECK_EQ_I64(lode_buffer_count(b), 2);
    t = buffer_text(b);
    CHECK_STR_CONTAINS(t, "\"FoldedMessages\":2");
    CHECK(strstr(t, "\"FoldedMessages\":4") == NULL);
    free(t);
    lode_buffer_free(b);

    /* Replace the snapshot at 4. */
    char snap2[MSG_CAP];
    make_message_full(snap2, sizeof snap2, "replaced", "BankAccountState", "BankAccount", id, 4,
                      NULL, "\"Balance\":1");
    EXPECT_OK(lode_store_snapshot(s, 4, STR(snap2), &err));
    t = read_all(s, true, &n);
    CHECK_STR_CONTAINS(t, "\"Id\":\"replaced\"");
    free(t);

    /* Clear one, then all. */
    EXPECT_OK(lode_store_clear_snapshot(s, 4, &err));
    EXPECT_OK(lode_store_last_snapshot_version(s, &last, &err));
    CHECK_EQ_I64(last, 2);
    EXPECT_OK(lode_store_clear_snapshots(s, &err));
    EXPECT_OK(lode_store_last_snapshot_version(s, &last, &err));
    CHECK_EQ_I64(last, 0);
    EXPECT_OK(lode_store_clear_snapshots(s, &err)); /* none left: still fine */
    t = read_all(s, true, &n);
    CHECK_EQ_I64(n, 5); /* events are never touched */
    free(t);
    free_store(s);
}

typedef struct {
    int calls;
    int64_t versions[8];
    int messages_seen[8];
    const char *aggregate;
    int fail_at_call; /* 1-based; 0: never */
    const char *write_instead; /* if not NULL, written as the snapshot */
} snapshot_ctx;

static int32_t build_snapshot(void *user_data, int64_t version, const uint8_t *messages_json,
                              size_t messages_len, lode_buffer *out) {
    snapshot_ctx *ctx = user_data;
    int call = ++ctx->calls;
    if (ctx->fail_at_call == call) return 7;
    /* Count the messages handed in (each one has exactly one "$type"). */
    char *json = malloc(messages_len + 1);
    if (!json) abort();
    memcpy(json, messages_json, messages_len);
    json[messages_len] = '\0';
    int n = count_of(json, "\"$type\"");
    free(json);
    if (call <= 8) {
        ctx->versions[call - 1] = version;
        ctx->messages_seen[call - 1] = n;
    }
    if (ctx->write_instead) return lode_buffer_write(out, STR(ctx->write_instead));
    char snap[MSG_CAP];
    snapshot_message(snap, sizeof snap, ctx->aggregate, version, n);
    return lode_buffer_write(out, STR(snap));
}

static void test_b_snp_4_snapshot_all_with_c_callback(void) {
    char id[64];
    lode_store *s = fresh_store(id, 5);
    snapshot_ctx ctx = {0};
    ctx.aggregate = id;
    EXPECT_OK(lode_store_snapshot_all(s, 2, build_snapshot, &ctx, &err));
    CHECK_EQ_I64(ctx.calls, 2);
    CHECK_EQ_I64(ctx.versions[0], 2);
    CHECK_EQ_I64(ctx.versions[1], 4);
    CHECK_EQ_I64(ctx.messages_seen[0], 2); /* events 1, 2 (never an empty list: bug 6) */
    CHECK_EQ_I64(ctx.messages_seen[1], 3); /* snapshot at 2, events 3, 4 */
    lode_buffer *b = NULL;
    EXPECT_OK(lode_store_snapshot_versions(s, &b, &err));
    char *t = buffer_text(b);
    CHECK_MSG(strcmp(t, "[2,4]") == 0, "snapshot versions %s", t);
    free(t);
    lode_buffer_free(b);
    /* The written snapshot is what read-with-snapshot gives first. */
    t = read_all(s, true, NULL);
    CHECK_STR_CONTAINS(t, "\"FoldedMessages\":3");
    free(t);
    /* Again: every multiple already has a snapshot, so no call. */
    snapshot_ctx again = {0};
    again.aggregate = id;
    EXPECT_OK(lode_store_snapshot_all(s, 2, build_snapshot, &again, &err));
    CHECK_EQ_I64(again.calls, 0);
    free_store(s);
}

/* ---------------------------------------------------------------------------------------- */
/* Provider queries                                                                          */
/* ---------------------------------------------------------------------------------------- */

static int64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void test_q_provider_queries(void) {
    char id[64], type[64], corr[64], m[MSG_CAP], mid[96];
    unique_id(type, sizeof type, "ProbeHappened");
    unique_id(corr, sizeof corr, "corr");
    int64_t before = now_us();
    lode_store *s = fresh_store(id, 2);
    for (int i = 3; i <= 4; i++) {
        snprintf(mid, sizeof mid, "%s-q%d", id, i);
        make_message_full(m, sizeof m, mid, type, "BankAccount", id, -1, corr, "\"N\":1");
        lode_bytes b = bytes_of(m);
        EXPECT_OK(lode_store_append(s, &b, 1, NULL, &err));
    }
    int64_t after = now_us();
    lode_buffer *out = NULL;
    char *t;

    /* Q-LOG-2: the global log. */
    EXPECT_OK(lode_provider_read_log(P, 0, 1000000, &out, &err));
    t = buffer_text(out);
    CHECK(lode_buffer_count(out) >= 4);
    CHECK_STR_CONTAINS(t, "\"Position\"");
    CHECK_STR_CONTAINS(t, "\"RecordedAt\"");
    CHECK_STR_CONTAINS(t, "\"Message\":{");
    snprintf(mid, sizeof mid, "\"EventId\":\"%s-q4\"", id);
    CHECK_STR_CONTAINS(t, mid);
    free(t);
    lode_buffer_free(out);
    EXPECT_OK(lode_provider_read_log(P, 0, 1, &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 1);
    lode_buffer_free(out);

    /* Q-Q-1 by type, any version and version 1; version 2 matches nothing. */
    EXPECT_OK(lode_provider_events_by_type(P, STR(type), -1, 0, 100, &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 2);
    t = buffer_text(out);
    snprintf(mid, sizeof mid, "\"EventType\":\"%s\"", type);
    CHECK_EQ_I64(count_of(t, mid), 2);
    CHECK_STR_CONTAINS(t, "\"AggregateVersion\":3");
    CHECK_STR_CONTAINS(t, "\"AggregateVersion\":4");
    CHECK(strstr(t, "\"AggregateVersion\":3") < strstr(t, "\"AggregateVersion\":4"));
    free(t);
    lode_buffer_free(out);
    EXPECT_OK(lode_provider_events_by_type(P, STR(type), 1, 0, 100, &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 2);
    lode_buffer_free(out);
    EXPECT_OK(lode_provider_events_by_type(P, STR(type), 2, 0, 100, &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 0);
    lode_buffer_free(out);
    EXPECT_OK(lode_provider_events_by_type(P, STR(type), -1, 0, 1, &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 1);
    lode_buffer_free(out);

    /* Q-Q-2 by time: everything this test wrote is in [before, after+1). */
    EXPECT_OK(lode_provider_events_by_time(P, before, after + 1, 1000000, &out, &err));
    t = buffer_text(out);
    CHECK(lode_buffer_count(out) >= 4);
    snprintf(mid, sizeof mid, "\"EventId\":\"%s-e1\"", id);
    CHECK_STR_CONTAINS(t, mid);
    snprintf(mid, sizeof mid, "\"EventId\":\"%s-q4\"", id);
    CHECK_STR_CONTAINS(t, mid);
    free(t);
    lode_buffer_free(out);
    EXPECT_OK(lode_provider_events_by_time(P, 0, 1, 100, &out, &err)); /* 1970: nothing */
    CHECK_EQ_I64(lode_buffer_count(out), 0);
    lode_buffer_free(out);

    /* Q-Q-3 by correlation id. */
    EXPECT_OK(lode_provider_events_by_correlation(P, STR(corr), 0, 100, &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 2);
    t = buffer_text(out);
    snprintf(mid, sizeof mid, "\"CorrelationId\":\"%s\"", corr);
    CHECK_STR_CONTAINS(t, mid);
    free(t);
    lode_buffer_free(out);

    /* Q-Q-4 stream events since a version, without a session. */
    EXPECT_OK(lode_provider_stream_events_since(P, NULL, 0, STR("BankAccount"), STR(id), 1, 100,
                                                &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 3);
    t = buffer_text(out);
    CHECK(strstr(t, "\"AggregateVersion\":1,") == NULL);
    CHECK_STR_CONTAINS(t, "\"AggregateVersion\":2");
    free(t);
    lode_buffer_free(out);
    EXPECT_OK(lode_provider_stream_events_since(P, STR("EventStores"), STR("BankAccount"), STR(id),
                                                4, 100, &out, &err));
    CHECK_EQ_I64(lode_buffer_count(out), 0);
    lode_buffer_free(out);
    free_store(s);
}

/* ---------------------------------------------------------------------------------------- */
/* Logging                                                                                   */
/* ---------------------------------------------------------------------------------------- */

static atomic_int g_log_events;
static atomic_int g_log_bad;

static void count_log(void *user_data, int32_t level, const char *target, const char *message,
                      const char *fields_json) {
    atomic_int *counter = user_data;
    atomic_fetch_add(counter, 1);
    if (level < LODE_LOG_ERROR || level > LODE_LOG_TRACE || !target || !message || !fields_json ||
        fields_json[0] != '{' || strncmp(target, "lode", 4) != 0)
        atomic_fetch_add(&g_log_bad, 1);
}

static void test_set_log_callback_counts_events_and_unregisters(void) {
    EXPECT_OK(lode_set_log_callback(count_log, &g_log_events, LODE_LOG_TRACE, &err));
    char id[64], snap[MSG_CAP];
    lode_store *s = fresh_store(id, 2);
    EXPECT_OK(lode_store_snapshot(s, 2, STR(snapshot_message(snap, sizeof snap, id, 2, 2)), &err));
    free_store(s);
    int seen = atomic_load(&g_log_events);
    CHECK_MSG(seen > 0, "no log event reached the callback");
    CHECK_EQ_I64(atomic_load(&g_log_bad), 0);
    /* Only ERROR: opening and appending log nothing at that level. */
    EXPECT_OK(lode_set_log_callback(count_log, &g_log_events, LODE_LOG_ERROR, &err));
    int before = atomic_load(&g_log_events);
    s = fresh_store(id, 1);
    free_store(s);
    CHECK_EQ_I64(atomic_load(&g_log_events), before);
    /* Unregister with NULL: no more calls. */
    EXPECT_OK(lode_set_log_callback(count_log, &g_log_events, LODE_LOG_TRACE, &err));
    EXPECT_OK(lode_set_log_callback(NULL, NULL, 0, &err));
    before = atomic_load(&g_log_events);
    s = fresh_store(id, 2);
    free_store(s);
    CHECK_EQ_I64(atomic_load(&g_log_events), before);
}

/* ---------------------------------------------------------------------------------------- */
/* Every status code, each in its own test                                                   */
/* ---------------------------------------------------------------------------------------- */

static void test_b_app_3_version_mismatch(void) {
    char id[64], m[MSG_CAP], mid[96];
    lode_store *s = fresh_store(id, 2);
    snprintf(mid, sizeof mid, "%s-stale", id);
    lode_bytes b = bytes_of(make_message(m, mid, "FundsWithdrawn", id, 2)); /* should be 3 */
    lode_error *err = NULL;
    int64_t v = -7;
    lode_status st = lode_store_append(s, &b, 1, &v, &err);
    CHECK_EQ_I64(st, LODE_VERSION_MISMATCH);
    CHECK_EQ_I64(v, -7); /* out_version untouched on error */
    /* B-APP-3, the .NET meaning: expected = the version the stream expected the message to
     * carry (3), actual = the SequenceNumber it carried (2). */
    CHECK_STR_CONTAINS(lode_error_details(err), "\"expected_version\":3");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"actual_version\":2");
    CHECK_STR_CONTAINS(lode_error_details(err), mid);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"store_id\":\"EventStores/BankAccount/");
    expect_error_at(__FILE__, __LINE__, "append stale", st, err, LODE_VERSION_MISMATCH);
    /* Also a later one in a batch: nothing of the batch is written (B-APP-5). */
    char m2[MSG_CAP], m3[MSG_CAP], i2[96], i3[96];
    snprintf(i2, sizeof i2, "%s-ok", id);
    snprintf(i3, sizeof i3, "%s-bad", id);
    lode_bytes batch[2] = {bytes_of(make_message(m2, i2, "FundsDeposited", id, 3)),
                           bytes_of(make_message(m3, i3, "FundsDeposited", id, 5))};
    EXPECT_ERR(LODE_VERSION_MISMATCH, lode_store_append(s, batch, 2, NULL, &err));
    CHECK_EQ_I64(version_of(s), 2);
    free_store(s);
}

/* The VersionMismatch sentence names both versions with their .NET meaning: the message carried
 * SequenceNumber 2, the stream (at version 2) expected 3. */
static void test_b_app_3_version_mismatch_message_names_the_right_versions(void) {
    char id[64], m[MSG_CAP], mid[96];
    lode_store *s = fresh_store(id, 2);
    snprintf(mid, sizeof mid, "%s-stale", id);
    lode_bytes b = bytes_of(make_message(m, mid, "FundsWithdrawn", id, 2));
    lode_error *err = NULL;
    CHECK_EQ_I64(lode_store_append(s, &b, 1, NULL, &err), LODE_VERSION_MISMATCH);
    CHECK_STR_CONTAINS(lode_error_message(err), "carries SequenceNumber 2");
    CHECK_STR_CONTAINS(lode_error_message(err), "the stream expected version 3");
    lode_error_free(err);
    free_store(s);
}

static void test_b_ses_4_store_not_open(void) {
    char id[64], m[MSG_CAP], mid[96];
    lode_store *s = fresh_store(id, 1);
    EXPECT_OK(lode_store_close(s, &err));
    snprintf(mid, sizeof mid, "%s-late", id);
    lode_bytes b = bytes_of(make_message(m, mid, "FundsDeposited", id, -1));
    EXPECT_ERR(LODE_STORE_NOT_OPEN, lode_store_append(s, &b, 1, NULL, &err));
    lode_buffer *out = NULL;
    EXPECT_ERR(LODE_STORE_NOT_OPEN, lode_store_read(s, false, &out, &err));
    CHECK(out == NULL);
    int64_t v;
    EXPECT_ERR(LODE_STORE_NOT_OPEN, lode_store_version(s, &v, &err));
    EXPECT_ERR(LODE_STORE_NOT_OPEN, lode_store_renew(s, &err));
    /* The handle stays valid: reopen works. */
    EXPECT_OK(lode_store_reopen(s, LODE_DEFAULT, 0, &err));
    CHECK_EQ_I64(version_of(s), 1);
    free_store(s);
}

static void test_b_ses_4_session_expired(void) {
    char id[64], m[MSG_CAP];
    unique_id(id, sizeof id, "expire");
    lode_store *s = NULL;
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR(id), 50, 0, &s, &err));
    sleep_ms(100);
    lode_bytes b = bytes_of(make_message(m, "late-1", "FundsDeposited", id, -1));
    lode_error *err = NULL;
    lode_status st = lode_store_append(s, &b, 1, NULL, &err);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"session_id\"");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"expired_at\"");
    expect_error_at(__FILE__, __LINE__, "append after expiry", st, err, LODE_SESSION_EXPIRED);
    EXPECT_ERR(LODE_SESSION_EXPIRED, lode_store_renew(s, &err));
    /* Reopen gives a new session. */
    EXPECT_OK(lode_store_reopen(s, 60000, 0, &err));
    EXPECT_OK(lode_store_append(s, &b, 1, NULL, &err));
    free_store(s);
}

static void test_b_ses_4_invalid_session(void) {
    char id[64], m[MSG_CAP];
    unique_id(id, sizeof id, "stolen");
    lode_store *a = NULL, *b = NULL;
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR(id), 50, 0, &a, &err));
    sleep_ms(100);
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR(id), 60000, 0, &b, &err));
    lode_bytes msg = bytes_of(make_message(m, "a-1", "FundsDeposited", id, -1));
    lode_error *err = NULL;
    lode_status st = lode_store_append(a, &msg, 1, NULL, &err);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"holder_session_id\"");
    expect_error_at(__FILE__, __LINE__, "append on the old session", st, err,
                    LODE_INVALID_SESSION);
    EXPECT_ERR(LODE_INVALID_SESSION, lode_store_renew(a, &err));
    CHECK_EQ_I64(version_of(b), 0);
    /* Closing the old session leaves the new holder's lease alone (B-SES-5). */
    free_store(a);
    EXPECT_OK(lode_store_append(b, &msg, 1, NULL, &err));
    free_store(b);
}

static void test_b_ses_3_open_store_failed(void) {
    char id[64];
    lode_store *a = fresh_store(id, 1);
    lode_store *b = (lode_store *)(uintptr_t)1;
    lode_error *err = NULL;
    lode_status st = lode_store_open(P, NULL, 0, STR("BankAccount"), STR(id), LODE_DEFAULT, 0, &b,
                                     &err);
    CHECK(b == NULL);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"timeout_ms\":0");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"holder_session_id\"");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"holder_pid\"");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"holder_expires_at\"");
    expect_error_at(__FILE__, __LINE__, "second open, timeout 0", st, err, LODE_OPEN_STORE_FAILED);
    EXPECT_ERR(LODE_OPEN_STORE_FAILED, lode_store_open(P, NULL, 0, STR("BankAccount"), STR(id),
                                                       LODE_DEFAULT, 20, &b, &err));
    /* Reopening a closed handle while another session holds the lease fails the same way. */
    lode_store *c = NULL;
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR("other-stream"), LODE_DEFAULT, 0,
                              &c, &err));
    EXPECT_OK(lode_store_close(a, &err));
    EXPECT_OK(lode_store_close(c, &err));
    lode_store *holder = NULL;
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR(id), LODE_DEFAULT, 0, &holder,
                              &err));
    EXPECT_ERR(LODE_OPEN_STORE_FAILED, lode_store_reopen(a, LODE_DEFAULT, 20, &err));
    free_store(holder);
    free_store(a);
    free_store(c);
}

static void test_b_rd_3_stream_version_not_found(void) {
    char id[64], snap[MSG_CAP];
    lode_store *s = fresh_store(id, 2);
    lode_buffer *out = (lode_buffer *)(uintptr_t)1;
    lode_error *err = NULL;
    lode_status st = lode_store_read_to(s, 3, false, &out, &err);
    CHECK(out == NULL);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"version\":3");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"current_version\":2");
    expect_error_at(__FILE__, __LINE__, "read_to 3 of 2", st, err, LODE_STREAM_VERSION_NOT_FOUND);
    /* B-SNP-1: a snapshot past the end, or at 0. */
    snapshot_message(snap, sizeof snap, id, 3, 3);
    EXPECT_ERR(LODE_STREAM_VERSION_NOT_FOUND, lode_store_snapshot(s, 3, STR(snap), &err));
    EXPECT_ERR(LODE_STREAM_VERSION_NOT_FOUND, lode_store_snapshot(s, 0, STR(snap), &err));
    free_store(s);
}

static void test_b_snp_3_snapshot_version_not_found(void) {
    char id[64];
    lode_store *s = fresh_store(id, 2);
    lode_error *err = NULL;
    lode_status st = lode_store_clear_snapshot(s, 1, &err);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"version\":1");
    expect_error_at(__FILE__, __LINE__, "clear_snapshot 1", st, err,
                    LODE_SNAPSHOT_VERSION_NOT_FOUND);
    free_store(s);
}

static void test_q_cmd_2_idempotency_id_not_found(void) {
    lode_buffer *out = (lode_buffer *)(uintptr_t)1;
    lode_error *err = NULL;
    lode_status st = lode_provider_command_record(P, STR("never-recorded-command"), &out, &err);
    CHECK(out == NULL);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"id\":\"never-recorded-command\"");
    expect_error_at(__FILE__, __LINE__, "command_record unknown", st, err,
                    LODE_IDEMPOTENCY_ID_NOT_FOUND);
}

static void test_b_app_6_duplicate_message_id(void) {
    char id[64], m1[MSG_CAP], m2[MSG_CAP], i1[96], i2[96];
    lode_store *s = fresh_store(id, 0);
    snprintf(i1, sizeof i1, "%s-a", id);
    snprintf(i2, sizeof i2, "%s-b", id);
    lode_bytes first = bytes_of(make_message(m1, i1, "FundsDeposited", id, -1));
    EXPECT_OK(lode_store_append(s, &first, 1, NULL, &err));
    /* A new event followed by the old id: not a retry. */
    lode_bytes batch[2] = {bytes_of(make_message(m2, i2, "FundsDeposited", id, -1)), first};
    lode_error *err = NULL;
    lode_status st = lode_store_append(s, batch, 2, NULL, &err);
    CHECK_STR_CONTAINS(lode_error_details(err), i1);
    expect_error_at(__FILE__, __LINE__, "append a used id", st, err, LODE_DUPLICATE_IDEMPOTENCY_ID);
    /* The same id twice in one batch. */
    lode_bytes twice[2] = {batch[0], batch[0]};
    EXPECT_ERR(LODE_DUPLICATE_IDEMPOTENCY_ID, lode_store_append(s, twice, 2, NULL, &err));
    CHECK_EQ_I64(version_of(s), 1);
    free_store(s);
}

static void test_b_app_6_duplicate_command_id(void) {
    char id[64], cmd[64], m1[MSG_CAP], m2[MSG_CAP], i1[96], i2[96];
    lode_store *s = fresh_store(id, 0);
    unique_id(cmd, sizeof cmd, "cmd");
    snprintf(i1, sizeof i1, "%s-a", id);
    snprintf(i2, sizeof i2, "%s-b", id);
    lode_bytes b1 = bytes_of(make_message(m1, i1, "FundsDeposited", id, -1));
    lode_bytes b2 = bytes_of(make_message(m2, i2, "FundsDeposited", id, -1));
    EXPECT_OK(lode_store_append_with_command(s, &b1, 1, STR(cmd), NULL, 0, NULL, 0, NULL, &err));
    lode_error *err = NULL;
    lode_status st =
        lode_store_append_with_command(s, &b2, 1, STR(cmd), NULL, 0, NULL, 0, NULL, &err);
    CHECK_STR_CONTAINS(lode_error_details(err), cmd);
    expect_error_at(__FILE__, __LINE__, "the same command twice", st, err,
                    LODE_DUPLICATE_IDEMPOTENCY_ID);
    CHECK_EQ_I64(version_of(s), 1);
    free_store(s);
}

static void test_b_id_2_invalid_argument(void) {
    lode_store *s = (lode_store *)(uintptr_t)1;
    lode_error *err = NULL;
    lode_status st = lode_store_open(P, NULL, 0, STR("BankAccount"), STR(""), LODE_DEFAULT,
                                     LODE_DEFAULT, &s, &err);
    CHECK(s == NULL);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"argument\":\"id\"");
    expect_error_at(__FILE__, __LINE__, "open with an empty id", st, err, LODE_INVALID_ARGUMENT);
}

static void test_b_app_8_serialization(void) {
    char id[64];
    lode_store *s = fresh_store(id, 1);
    lode_bytes not_json = bytes_of("{this is not json");
    lode_bytes array = bytes_of("[{\"Metadata\":{}}]");
    lode_bytes text = bytes_of("hello");
    EXPECT_ERR(LODE_SERIALIZATION, lode_store_append(s, &not_json, 1, NULL, &err));
    EXPECT_ERR(LODE_SERIALIZATION, lode_store_append(s, &array, 1, NULL, &err));
    EXPECT_ERR(LODE_SERIALIZATION, lode_store_append(s, &text, 1, NULL, &err));
    EXPECT_ERR(LODE_SERIALIZATION, lode_store_snapshot(s, 1, STR("{nope"), &err));
    EXPECT_ERR(LODE_SERIALIZATION, lode_store_snapshot(s, 1, STR("[1,2]"), &err));
    CHECK_EQ_I64(version_of(s), 1);
    free_store(s);
}

static void test_storage_error_on_a_regular_file(void) {
    char path[600];
    snprintf(path, sizeof path, "%s/a-regular-file", g_dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("not a directory\n", f);
        fclose(f);
    }
    lode_provider *p = (lode_provider *)(uintptr_t)1;
    lode_error *err = NULL;
    lode_status st = lode_provider_open(STR(path), NULL, 0, &p, &err);
    CHECK(p == NULL);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"storage_code\"");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"storage_text\"");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"operation\"");
    expect_error_at(__FILE__, __LINE__, "open on a file", st, err, LODE_STORAGE);
    /* A path under a regular file cannot be created either. */
    char below[700];
    snprintf(below, sizeof below, "%s/sub", path);
    EXPECT_ERR(LODE_STORAGE, lode_provider_open(STR(below), NULL, 0, &p, &err));
}

static void test_closed_store_and_provider_handles(void) {
    char id[64];
    lode_store *s = fresh_store(id, 1);
    free_store(s);
    int64_t v;
    lode_error *err = NULL;
    lode_status st = lode_store_version(s, &v, &err);
    CHECK_STR_CONTAINS(lode_error_details(err), "\"object\"");
    expect_error_at(__FILE__, __LINE__, "version on a freed store", st, err, LODE_CLOSED);
    /* B-SES-5: closing a disposed store does nothing. */
    EXPECT_OK(lode_store_close(s, &err));

    char path[600];
    snprintf(path, sizeof path, "%s/closed", g_dir);
    lode_provider *p = NULL;
    EXPECT_OK(lode_provider_open(STR(path), NULL, 0, &p, &err));
    /* A store opened from a provider stays usable after the provider is closed. */
    lode_store *kept = NULL;
    EXPECT_OK(lode_store_open(p, NULL, 0, STR("BankAccount"), STR("kept"), LODE_DEFAULT, 0, &kept,
                              &err));
    EXPECT_OK(lode_provider_close(p, &err));
    lode_buffer *out = NULL;
    EXPECT_ERR(LODE_CLOSED, lode_provider_read_log(p, 0, 10, &out, &err));
    CHECK(out == NULL);
    EXPECT_ERR(LODE_CLOSED, lode_store_open(p, NULL, 0, STR("BankAccount"), STR("x"),
                                            LODE_DEFAULT, 0, &s, &err));
    char m[MSG_CAP];
    lode_bytes b = bytes_of(make_message(m, "kept-1", "FundsDeposited", "kept", -1));
    EXPECT_OK(lode_store_append(kept, &b, 1, NULL, &err));
    CHECK_EQ_I64(version_of(kept), 1);
    free_store(kept);
}

static void test_r_bad_2_panic_becomes_internal(void) {
#ifdef LODE_TEST_HOOKS
    lode_error *err = NULL;
    lode_status st = lode_test_panic(&err);
    CHECK_STR_CONTAINS(lode_error_message(err), "panic");
    CHECK_STR_CONTAINS(lode_error_details(err), "\"detail\"");
    expect_error_at(__FILE__, __LINE__, "lode_test_panic", st, err, LODE_INTERNAL);
    CHECK_EQ_I64(lode_test_panic(NULL), LODE_INTERNAL);
    /* The library keeps working. */
    char id[64], m[MSG_CAP];
    lode_store *s = fresh_store(id, 1);
    lode_bytes b = bytes_of(make_message(m, "after-panic", "FundsDeposited", id, -1));
    int64_t v = 0;
    EXPECT_OK(lode_store_append(s, &b, 1, &v, &err));
    CHECK_EQ_I64(v, 2);
    free_store(s);
#else
    h_fail(__FILE__, __LINE__, "built without LODE_TEST_HOOKS");
#endif
}

/* ---------------------------------------------------------------------------------------- */
/* A NULL lode_error ** is accepted everywhere                                               */
/* ---------------------------------------------------------------------------------------- */

static void test_null_err_is_accepted_everywhere(void) {
    char id[64], m[MSG_CAP], snap[MSG_CAP], mid[96], cmd[64];
    lode_store *s = fresh_store(id, 2);
    lode_buffer *b = NULL;
    int64_t v = 0;
    bool processed;
    lode_provider *p = NULL;
    char path[600];

    /* Success with NULL err. */
    snprintf(path, sizeof path, "%s/nullerr", g_dir);
    CHECK_EQ_I64(lode_provider_open(STR(path), NULL, 0, &p, NULL), LODE_OK);
    CHECK_EQ_I64(lode_provider_close(p, NULL), LODE_OK);
    snprintf(mid, sizeof mid, "%s-n1", id);
    lode_bytes msg = bytes_of(make_message(m, mid, "FundsDeposited", id, -1));
    CHECK_EQ_I64(lode_store_append(s, &msg, 1, &v, NULL), LODE_OK);
    unique_id(cmd, sizeof cmd, "cmd");
    snprintf(mid, sizeof mid, "%s-n2", id);
    msg = bytes_of(make_message(m, mid, "FundsDeposited", id, -1));
    CHECK_EQ_I64(lode_store_append_with_command(s, &msg, 1, STR(cmd), NULL, 0, NULL, 0, NULL, NULL),
                 LODE_OK);
    CHECK_EQ_I64(lode_store_version(s, &v, NULL), LODE_OK);
    CHECK_EQ_I64(v, 4);
    CHECK_EQ_I64(lode_store_read(s, true, &b, NULL), LODE_OK);
    lode_buffer_free(b);
    CHECK_EQ_I64(lode_store_read_to(s, 2, true, &b, NULL), LODE_OK);
    lode_buffer_free(b);
    CHECK_EQ_I64(lode_store_slice(s, 1, 2, &b, NULL), LODE_OK);
    lode_buffer_free(b);
    snapshot_message(snap, sizeof snap, id, 2, 2);
    CHECK_EQ_I64(lode_store_snapshot(s, 2, STR(snap), NULL), LODE_OK);
    CHECK_EQ_I64(lode_store_snapshot_versions(s, &b, NULL), LODE_OK);
    lode_buffer_free(b);
    CHECK_EQ_I64(lode_store_last_snapshot_version(s, &v, NULL), LODE_OK);
    CHECK_EQ_I64(lode_store_clear_snapshot(s, 2, NULL), LODE_OK);
    snapshot_ctx ctx = {0};
    ctx.aggregate = id;
    CHECK_EQ_I64(lode_store_snapshot_all(s, 2, build_snapshot, &ctx, NULL), LODE_OK);
    CHECK_EQ_I64(lode_store_clear_snapshots(s, NULL), LODE_OK);
    CHECK_EQ_I64(lode_store_renew(s, NULL), LODE_OK);
    CHECK_EQ_I64(lode_provider_read_log(P, 0, 1, &b, NULL), LODE_OK);
    lode_buffer_free(b);
    CHECK_EQ_I64(lode_provider_events_by_type(P, STR("FundsDeposited"), -1, 0, 1, &b, NULL),
                 LODE_OK);
    lode_buffer_free(b);
    CHECK_EQ_I64(lode_provider_events_by_time(P, 0, INT64_MAX, 1, &b, NULL), LODE_OK);
    lode_buffer_free(b);
    CHECK_EQ_I64(lode_provider_events_by_correlation(P, STR("x"), 0, 1, &b, NULL), LODE_OK);
    lode_buffer_free(b);
    CHECK_EQ_I64(lode_provider_stream_events_since(P, NULL, 0, STR("BankAccount"), STR(id), 0, 10,
                                                   &b, NULL),
                 LODE_OK);
    lode_buffer_free(b);
    CHECK_EQ_I64(lode_provider_command_processed(P, STR(cmd), &processed, NULL), LODE_OK);
    CHECK(processed);
    CHECK_EQ_I64(lode_provider_command_record(P, STR(cmd), &b, NULL), LODE_OK);
    lode_buffer_free(b);
    CHECK_EQ_I64(lode_set_log_callback(NULL, NULL, 0, NULL), LODE_OK);
    CHECK_EQ_I64(lode_store_close(s, NULL), LODE_OK);
    CHECK_EQ_I64(lode_store_reopen(s, LODE_DEFAULT, 0, NULL), LODE_OK);

    /* Failure with NULL err: the status alone. */
    lode_store *other = NULL;
    CHECK_EQ_I64(lode_store_open(P, NULL, 0, STR("BankAccount"), STR(id), LODE_DEFAULT, 0, &other,
                                 NULL),
                 LODE_OPEN_STORE_FAILED);
    CHECK_EQ_I64(lode_store_open(P, NULL, 0, STR(""), STR(id), LODE_DEFAULT, 0, &other, NULL),
                 LODE_INVALID_ARGUMENT);
    msg = bytes_of(make_message(m, "stale", "FundsDeposited", id, 1));
    CHECK_EQ_I64(lode_store_append(s, &msg, 1, NULL, NULL), LODE_VERSION_MISMATCH);
    snprintf(mid, sizeof mid, "%s-n3", id);
    msg = bytes_of(make_message(m, mid, "FundsDeposited", id, -1));
    CHECK_EQ_I64(lode_store_append_with_command(s, &msg, 1, STR(cmd), NULL, 0, NULL, 0, NULL, NULL),
                 LODE_DUPLICATE_IDEMPOTENCY_ID);
    CHECK_EQ_I64(lode_store_read_to(s, 99, false, &b, NULL), LODE_STREAM_VERSION_NOT_FOUND);
    CHECK_EQ_I64(lode_store_slice(s, 0, 2, &b, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_store_read(s, false, NULL, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_store_version(s, NULL, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_store_snapshot(s, 99, STR(snap), NULL), LODE_STREAM_VERSION_NOT_FOUND);
    CHECK_EQ_I64(lode_store_snapshot_versions(s, NULL, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_store_last_snapshot_version(s, NULL, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_store_clear_snapshot(s, 1, NULL), LODE_SNAPSHOT_VERSION_NOT_FOUND);
    CHECK_EQ_I64(lode_store_snapshot_all(s, 0, build_snapshot, &ctx, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_provider_read_log(P, -1, 1, &b, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_provider_events_by_type(P, STR("x"), -2, 0, 1, &b, NULL),
                 LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_provider_events_by_time(P, 0, 1, -1, &b, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_provider_events_by_correlation(P, STR("x"), -1, 1, &b, NULL),
                 LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_provider_stream_events_since(P, NULL, 0, STR("B"), STR(""), 0, 1, &b, NULL),
                 LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_provider_command_processed(P, STR("x"), NULL, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_provider_command_record(P, STR("never"), &b, NULL),
                 LODE_IDEMPOTENCY_ID_NOT_FOUND);
    CHECK_EQ_I64(lode_set_log_callback(count_log, NULL, 9, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_provider_open(NULL, 3, NULL, 0, &p, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_provider_close((lode_provider *)s, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_store_reopen(s, -5, 0, NULL), LODE_INVALID_ARGUMENT);
    CHECK_EQ_I64(lode_store_free((lode_store *)P, NULL), LODE_INVALID_ARGUMENT);
#ifdef LODE_TEST_HOOKS
    CHECK_EQ_I64(lode_test_panic(NULL), LODE_INTERNAL);
#endif
    CHECK_EQ_I64(lode_store_close(s, NULL), LODE_OK);
    CHECK_EQ_I64(lode_store_renew(s, NULL), LODE_STORE_NOT_OPEN);
    CHECK_EQ_I64(lode_store_free(s, NULL), LODE_OK);
    CHECK_EQ_I64(lode_store_close(s, NULL), LODE_OK); /* B-SES-5: a no-op once freed */
    CHECK_EQ_I64(lode_store_renew(s, NULL), LODE_CLOSED);
}

int main(int argc, char **argv) {
    test_directory(argc, argv, g_dir, sizeof g_dir);
    char path[600];
    snprintf(path, sizeof path, "%s/main", g_dir);
    lode_error *err = NULL;
    if (lode_provider_open(STR(path), STR("{\"durability\":\"no_sync\"}"), &P, &err) != LODE_OK) {
        fprintf(stderr, "cannot open the test provider: %s\n", lode_error_message(err));
        lode_error_free(err);
        return 2;
    }
    printf("lode %s, ABI %u, directory %s\n", lode_version(), lode_abi_version(), g_dir);

    RUN(test_library_version_and_abi_version);
    RUN(test_status_names);
    RUN(test_error_accessors);
    RUN(test_buffer_accessors_and_write);
    RUN(test_provider_open_close_without_settings);
    RUN(test_provider_open_with_settings_json);
    RUN(test_store_open_close_reopen_free);
    RUN(test_b_ses_6_store_renew);
    RUN(test_b_app_1_append_and_read_in_order);
    RUN(test_b_app_6_exact_retry_writes_nothing);
    RUN(test_append_with_command_and_command_queries);
    RUN(test_b_rd_3_read_to_and_b_rd_4_slice);
    RUN(test_b_rd_1_unknown_stream_reads_empty);
    RUN(test_b_snp_snapshot_read_clear_versions);
    RUN(test_b_snp_4_snapshot_all_with_c_callback);
    RUN(test_q_provider_queries);
    RUN(test_set_log_callback_counts_events_and_unregisters);

    RUN(test_buffer_items_and_messages);
    RUN(test_b_app_3_version_mismatch);
    RUN(test_b_app_3_version_mismatch_message_names_the_right_versions);
    RUN(test_b_ses_4_store_not_open);
    RUN(test_b_ses_4_session_expired);
    RUN(test_b_ses_4_invalid_session);
    RUN(test_b_ses_3_open_store_failed);
    RUN(test_b_rd_3_stream_version_not_found);
    RUN(test_b_snp_3_snapshot_version_not_found);
    RUN(test_q_cmd_2_idempotency_id_not_found);
    RUN(test_b_app_6_duplicate_message_id);
    RUN(test_b_app_6_duplicate_command_id);
    RUN(test_b_id_2_invalid_argument);
    RUN(test_b_app_8_serialization);
    RUN(test_storage_error_on_a_regular_file);
    RUN(test_closed_store_and_provider_handles);
    RUN(test_r_bad_2_panic_becomes_internal);
    RUN(test_null_err_is_accepted_everywhere);

    if (lode_provider_close(P, &err) != LODE_OK) {
        fprintf(stderr, "closing the provider: %s\n", lode_error_message(err));
        lode_error_free(err);
        h_failed++;
    }
    return harness_finish();
}
