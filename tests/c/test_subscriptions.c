/*
 * Live subscriptions and checkpoints through the C ABI (docs/subscriptions.md, S-SUB-*,
 * S-CP-*): pages of query records with their message offsets, filters, from now, a close and
 * a wake from another thread while a call waits, read-your-writes, checkpoints stored alone and
 * with an append, the bad-input matrix of the new functions (R-BAD-1), and 1,000
 * subscriptions opened and closed (R-RES-4: run under valgrind by scripts/run-c-tests, the
 * leak check proves nothing is lost).
 *
 * Build and run: scripts/run-c-tests. Usage: test_subscriptions [directory].
 */
#include "harness.h"

#include <pthread.h>

static char g_dir[512];

static lode_provider *open_provider(const char *name) {
    char path[700];
    snprintf(path, sizeof path, "%s/%s", g_dir, name);
    lode_provider *p = NULL;
    EXPECT_OK(lode_provider_open(STR(path), STR("{\"durability\":\"no_sync\"}"), &p, &err));
    return p;
}

static lode_store *open_store(lode_provider *p, const char *name, const char *id) {
    lode_store *s = NULL;
    EXPECT_OK(lode_store_open(p, NULL, 0, STR(name), STR(id), LODE_DEFAULT, 0, &s, &err));
    return s;
}

/* Appends one event of `type` with correlation `corr` (NULL: the message id). */
static void append_one(lode_store *s, const char *id, const char *type, const char *corr) {
    char m[MSG_CAP], mid[64];
    unique_id(mid, sizeof mid, id);
    lode_bytes b = bytes_of(make_message_full(m, sizeof m, mid, type, "BankAccount", "1", -1,
                                              corr, "\"Amount\":1"));
    EXPECT_OK(lode_store_append(s, &b, 1, NULL, &err));
}

/* The "Position" of record `i` of a query buffer (parsed from the item's bytes). */
static int64_t position_of(lode_buffer *b, size_t i) {
    const uint8_t *data = NULL;
    size_t len = 0;
    if (lode_buffer_item(b, i, &data, &len) != LODE_OK) return -1;
    char text[64] = "";
    memcpy(text, data, len < 63 ? len : 63);
    const char *at = strstr(text, "\"Position\":");
    return at ? strtoll(at + strlen("\"Position\":"), NULL, 10) : -1;
}

/* Reads pages without waiting until one is empty; returns how many records, checking that the
 * positions continue from `*last` in order (and updating it). */
static int64_t drain(lode_subscription *sub, int64_t *last) {
    int64_t total = 0;
    for (;;) {
        lode_buffer *b = NULL;
        int64_t position = -1;
        EXPECT_OK(lode_subscription_next(sub, 0, &b, &position, &err));
        size_t n = lode_buffer_count(b);
        const size_t *offsets = lode_buffer_message_offsets(b);
        for (size_t i = 0; i < n; i++) {
            int64_t p = position_of(b, i);
            CHECK_MSG(p > *last, "position %" PRId64 " after %" PRId64, p, *last);
            *last = p;
            /* The message offsets delimit the stored message inside the record. */
            const uint8_t *msg = NULL;
            size_t msg_len = 0;
            CHECK(lode_buffer_message(b, i, &msg, &msg_len) == LODE_OK);
            CHECK(offsets != NULL && lode_buffer_data(b) + offsets[2 * i] == msg);
            CHECK(msg_len > 0 && msg[0] == '{' && msg[msg_len - 1] == '}');
        }
        CHECK(position >= *last);
        lode_buffer_free(b);
        total += (int64_t)n;
        if (n == 0) return total;
    }
}

static void test_s_sub_1_pages_of_query_records_then_live(void) {
    lode_provider *p = open_provider("pages");
    lode_store *s = open_store(p, "BankAccount", "1");
    for (int i = 0; i < 25; i++) append_one(s, "m", "FundsDeposited", NULL);
    lode_subscription *sub = NULL;
    EXPECT_OK(lode_subscription_open(p, 0, NULL, 0, 10, &sub, &err));
    lode_buffer *b = NULL;
    int64_t position = 0;
    EXPECT_OK(lode_subscription_next(sub, 0, &b, &position, &err));
    CHECK_EQ_I64(lode_buffer_count(b), 10);
    CHECK_EQ_I64(position, 10);
    CHECK_EQ_I64(position_of(b, 0), 1);
    /* The same records as read_log gives. */
    lode_buffer *log = NULL;
    EXPECT_OK(lode_provider_read_log(p, 1, 10, &log, &err));
    CHECK(lode_buffer_len(log) == lode_buffer_len(b) &&
          memcmp(lode_buffer_data(log), lode_buffer_data(b), lode_buffer_len(b)) == 0);
    lode_buffer_free(log);
    lode_buffer_free(b);
    int64_t last = 10;
    CHECK_EQ_I64(drain(sub, &last), 15);
    CHECK_EQ_I64(last, 25);
    /* Live: appended now, delivered next (the wait ends as soon as it commits). */
    append_one(s, "live", "FundsWithdrawn", NULL);
    b = NULL;
    EXPECT_OK(lode_subscription_next(sub, 60000, &b, NULL, &err));
    CHECK_EQ_I64(lode_buffer_count(b), 1);
    CHECK_EQ_I64(position_of(b, 0), 26);
    lode_buffer_free(b);
    /* Nothing more: an empty page after the wait. */
    EXPECT_OK(lode_subscription_next(sub, 5, &b, &position, &err));
    CHECK_EQ_I64(lode_buffer_count(b), 0);
    CHECK_EQ_I64(position, 26);
    lode_buffer_free(b);
    EXPECT_OK(lode_subscription_position(sub, &position, &err));
    CHECK_EQ_I64(position, 26);
    EXPECT_OK(lode_subscription_close(sub, &err));
    /* From now: only what comes after. */
    EXPECT_OK(lode_subscription_open(p, LODE_FROM_NOW, NULL, 0, LODE_DEFAULT, &sub, &err));
    EXPECT_OK(lode_subscription_position(sub, &position, &err));
    CHECK_EQ_I64(position, 26);
    last = 26;
    CHECK_EQ_I64(drain(sub, &last), 0);
    append_one(s, "after-now", "FundsDeposited", NULL);
    CHECK_EQ_I64(drain(sub, &last), 1);
    EXPECT_OK(lode_subscription_close(sub, &err));
    EXPECT_OK(lode_store_free(s, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

static void test_s_sub_3_filters_through_the_filter_json(void) {
    lode_provider *p = open_provider("filters");
    lode_store *a = open_store(p, "BankAccount", "1");
    lode_store *b = open_store(p, "Order", "1");
    for (int i = 0; i < 6; i++) {
        append_one(a, "a", i % 2 ? "FundsDeposited" : "FundsWithdrawn", i % 3 ? "corr-a" : NULL);
        append_one(b, "b", "OrderPlaced", "corr-a");
    }
    struct {
        const char *json;
        int64_t want;
    } cases[] = {
        {"{}", 12},
        {"{\"event_types\":[{\"type\":\"FundsDeposited\"}]}", 3},
        {"{\"event_types\":[{\"type\":\"FundsDeposited\",\"version\":1},{\"type\":\"OrderPlaced\"}]}", 9},
        {"{\"event_types\":[{\"type\":\"FundsDeposited\",\"version\":2}]}", 0},
        {"{\"aggregate_type\":\"Order\"}", 6},
        {"{\"correlation_id\":\"corr-a\"}", 10},
        {"{\"correlation_id\":\"corr-a\",\"aggregate_type\":\"BankAccount\"}", 4},
        {"{\"stream\":{\"name\":\"BankAccount\",\"id\":\"1\"}}", 6},
        {"{\"stream\":{\"database\":\"EventStores\",\"name\":\"Order\",\"id\":\"1\"},"
         "\"event_types\":[{\"type\":\"OrderPlaced\"}],\"correlation_id\":\"corr-a\"}", 6},
        {"{\"stream\":{\"database\":\"Other\",\"name\":\"Order\",\"id\":\"1\"}}", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lode_subscription *sub = NULL;
        EXPECT_OK(lode_subscription_open(p, 0, STR(cases[i].json), 4, &sub, &err));
        int64_t last = 0;
        int64_t got = drain(sub, &last);
        CHECK_MSG(got == cases[i].want, "%s: %" PRId64 " records, expected %" PRId64,
                  cases[i].json, got, cases[i].want);
        int64_t position = 0;
        EXPECT_OK(lode_subscription_position(sub, &position, &err));
        CHECK_EQ_I64(position, 12); /* seen up to the head, whatever matched */
        EXPECT_OK(lode_subscription_close(sub, &err));
    }
    EXPECT_OK(lode_store_free(a, &err));
    EXPECT_OK(lode_store_free(b, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

/* -- threads ----------------------------------------------------------------------------- */

typedef struct {
    lode_subscription *sub;
    lode_status status;
    size_t count;
} waiter;

static void *wait_forever(void *arg) {
    waiter *w = arg;
    lode_buffer *b = NULL;
    lode_error *e = NULL;
    w->status = lode_subscription_next(w->sub, LODE_WAIT_FOREVER, &b, NULL, &e);
    w->count = lode_buffer_count(b);
    lode_buffer_free(b);
    lode_error_free(e);
    return NULL;
}

static void test_s_sub_8_close_and_wake_from_another_thread_while_it_waits(void) {
    lode_provider *p = open_provider("close");
    lode_subscription *sub = NULL;
    EXPECT_OK(lode_subscription_open(p, LODE_FROM_NOW, NULL, 0, 10, &sub, &err));
    /* wake: the waiting call returns LODE_OK with an empty page; the subscription goes on. */
    waiter w = {sub, -1, 99};
    pthread_t t;
    CHECK(pthread_create(&t, NULL, wait_forever, &w) == 0);
    sleep_ms(50);
    EXPECT_OK(lode_subscription_wake(sub, &err));
    pthread_join(t, NULL);
    CHECK_EQ_I64(w.status, LODE_OK);
    CHECK_EQ_I64(w.count, 0);
    /* close: the waiting call returns LODE_CLOSED, and so does every later call. */
    w.status = -1;
    CHECK(pthread_create(&t, NULL, wait_forever, &w) == 0);
    sleep_ms(50);
    EXPECT_OK(lode_subscription_close(sub, &err));
    pthread_join(t, NULL);
    CHECK_EQ_I64(w.status, LODE_CLOSED);
    lode_buffer *b = NULL;
    EXPECT_ERR(LODE_CLOSED, lode_subscription_next(sub, 0, &b, NULL, &err));
    CHECK(b == NULL);
    int64_t position;
    EXPECT_ERR(LODE_CLOSED, lode_subscription_position(sub, &position, &err));
    EXPECT_ERR(LODE_CLOSED, lode_subscription_wake(sub, &err));
    EXPECT_OK(lode_subscription_close(sub, &err)); /* idempotent */
    EXPECT_OK(lode_subscription_close(NULL, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

typedef struct {
    lode_store *s;
} appender;

static void *append_later(void *arg) {
    appender *a = arg;
    sleep_ms(30);
    append_one(a->s, "later", "FundsDeposited", NULL);
    return NULL;
}

static void test_s_sub_7_wait_for_position(void) {
    lode_provider *p = open_provider("wait");
    lode_store *s = open_store(p, "BankAccount", "1");
    append_one(s, "first", "FundsDeposited", NULL);
    int64_t head = -1;
    EXPECT_OK(lode_provider_head_position(p, &head, &err));
    CHECK_EQ_I64(head, 1);
    bool reached = false;
    EXPECT_OK(lode_provider_wait_for_position(p, 1, 0, &reached, &err));
    CHECK(reached);
    EXPECT_OK(lode_provider_wait_for_position(p, 2, 10, &reached, &err));
    CHECK(!reached);
    appender a = {s};
    pthread_t t;
    CHECK(pthread_create(&t, NULL, append_later, &a) == 0);
    EXPECT_OK(lode_provider_wait_for_position(p, 2, 60000, &reached, &err));
    CHECK(reached);
    pthread_join(t, NULL);
    EXPECT_OK(lode_store_free(s, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

/* -- checkpoints --------------------------------------------------------------------------- */

static void test_s_cp_checkpoints_alone_and_with_an_append(void) {
    lode_provider *p = open_provider("checkpoints");
    lode_store *in = open_store(p, "In", "1");
    for (int i = 0; i < 5; i++) append_one(in, "in", "FundsDeposited", NULL);
    bool found = true;
    int64_t position = -1, at = -1;
    EXPECT_OK(lode_provider_checkpoint(p, STR("proj"), &found, &position, &at, &err));
    CHECK(!found);
    EXPECT_OK(lode_provider_store_checkpoint(p, STR("proj"), 3, false, &err));
    EXPECT_OK(lode_provider_checkpoint(p, STR("proj"), &found, &position, &at, &err));
    CHECK(found);
    CHECK_EQ_I64(position, 3);
    CHECK(at > 0);
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_store_checkpoint(p, STR("proj"), 2, false, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_store_checkpoint(p, STR("proj"), 6, false, &err));
    EXPECT_OK(lode_provider_store_checkpoint(p, STR("proj"), 1, true, &err)); /* reset */
    EXPECT_OK(lode_provider_checkpoint(p, STR("proj"), &found, &position, NULL, &err));
    CHECK_EQ_I64(position, 1);
    /* With an append: both or neither. */
    lode_store *out = open_store(p, "Out", "1");
    char m[MSG_CAP];
    lode_bytes o = bytes_of(make_message(m, "out-1", "Projected", "1", -1));
    int64_t version = 0;
    EXPECT_OK(lode_store_append_with_checkpoint(out, &o, 1, STR("proj"), 5, &version, &err));
    CHECK_EQ_I64(version, 1);
    EXPECT_OK(lode_provider_checkpoint(p, STR("proj"), &found, &position, NULL, &err));
    CHECK_EQ_I64(position, 5);
    lode_bytes o2 = bytes_of(make_message(m, "out-2", "Projected", "1", -1));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_store_append_with_checkpoint(out, &o2, 1, STR("proj"), 4, &version, &err));
    EXPECT_OK(lode_store_version(out, &version, &err));
    CHECK_EQ_I64(version, 1);
    lode_bytes wrong = bytes_of(make_message(m, "out-3", "Projected", "1", 7));
    EXPECT_ERR(LODE_VERSION_MISMATCH,
               lode_store_append_with_checkpoint(out, &wrong, 1, STR("proj"), 6, NULL, &err));
    EXPECT_OK(lode_provider_checkpoint(p, STR("proj"), &found, &position, NULL, &err));
    CHECK_EQ_I64(position, 5);
    /* An empty batch stores the checkpoint alone. */
    EXPECT_OK(lode_store_append_with_checkpoint(out, NULL, 0, STR("proj"), 6, &version, &err));
    EXPECT_OK(lode_provider_checkpoint(p, STR("proj"), &found, &position, NULL, &err));
    CHECK_EQ_I64(position, 6);
    EXPECT_OK(lode_store_free(out, &err));
    EXPECT_OK(lode_store_free(in, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

/* -- R-BAD-1 for the new functions ------------------------------------------------------------ */

static void test_r_bad_1_subscription_functions_refuse_bad_input(void) {
    lode_provider *p = open_provider("bad");
    lode_store *s = open_store(p, "BankAccount", "1");
    append_one(s, "x", "FundsDeposited", NULL);
    lode_subscription *sub = NULL;
    lode_buffer *b = NULL;
    int64_t i64 = 0;
    bool flag = false;
    char long_name[402];
    repeat_x(long_name, 401);
    /* open: NULL and wrong-kind handles, bad positions, page sizes, filters. */
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_open(NULL, 0, NULL, 0, 10, &sub, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_subscription_open((lode_provider *)s, 0, NULL, 0, 10, &sub, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_open(p, 0, NULL, 0, 10, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_open(p, -2, NULL, 0, 10, &sub, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_open(p, 0, NULL, 0, 0, &sub, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_open(p, 0, NULL, 0, -5, &sub, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_subscription_open(p, 0, NULL, 0, LODE_MAX_PAGE_SIZE + 1, &sub, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_open(p, 0, NULL, 3, 10, &sub, &err));
    const char *bad_filters[] = {
        "not json", "[]", "{\"unknown\":1}", "{\"event_types\":[\"FundsDeposited\"]}",
        "{\"event_types\":[{\"type\":\"\"}]}", "{\"stream\":{\"name\":\"A\"}}",
        "{\"correlation_id\":7}", "{\"aggregate_type\":\"\"}", BAD_UTF8,
    };
    for (size_t i = 0; i < sizeof bad_filters / sizeof bad_filters[0]; i++)
        EXPECT_ERR(LODE_INVALID_ARGUMENT,
                   lode_subscription_open(p, 0, STR(bad_filters[i]), 10, &sub, &err));
    CHECK(sub == NULL);
    /* next, position, wake, close: NULL, wrong kinds, NULL outs, bad waits. */
    EXPECT_OK(lode_subscription_open(p, 0, NULL, 0, 10, &sub, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_next(NULL, 0, &b, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_subscription_next((lode_subscription *)p, 0, &b, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_subscription_next((lode_subscription *)s, 0, &b, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_next(sub, 0, NULL, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_next(sub, -2, &b, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_position(sub, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_position(NULL, &i64, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_wake((lode_subscription *)p, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_subscription_close((lode_subscription *)s, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_store_free((lode_store *)sub, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_read_log((lode_provider *)sub, 0, 1, &b, &err));
    /* After the bad calls it still works. */
    int64_t last = 0;
    CHECK_EQ_I64(drain(sub, &last), 1);
    EXPECT_OK(lode_subscription_close(sub, &err));
    /* wait_for_position, head_position. */
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_wait_for_position(p, -1, 0, &flag, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_wait_for_position(p, 1, -1, &flag, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_wait_for_position(p, 1, 0, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_wait_for_position(NULL, 1, 0, &flag, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_head_position(p, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_head_position((lode_provider *)s, &i64, &err));
    /* checkpoints: names empty, too long, not UTF-8, NULL with a length; bad positions. */
    const uint8_t *names[] = {U8(""), U8(long_name), U8(BAD_UTF8), NULL};
    size_t lens[] = {0, 401, strlen(BAD_UTF8), 3};
    for (size_t i = 0; i < 4; i++) {
        EXPECT_ERR(LODE_INVALID_ARGUMENT,
                   lode_provider_checkpoint(p, names[i], lens[i], &flag, &i64, NULL, &err));
        EXPECT_ERR(LODE_INVALID_ARGUMENT,
                   lode_provider_store_checkpoint(p, names[i], lens[i], 0, false, &err));
        EXPECT_ERR(LODE_INVALID_ARGUMENT,
                   lode_store_append_with_checkpoint(s, NULL, 0, names[i], lens[i], 0, NULL, &err));
    }
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_checkpoint(p, STR("c"), NULL, &i64, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_checkpoint(p, STR("c"), &flag, NULL, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_store_checkpoint(p, STR("c"), -1, false, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_store_append_with_checkpoint(s, NULL, 0, STR("c"), -1, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_store_append_with_checkpoint(s, NULL, 2, STR("c"), 0, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_store_append_with_checkpoint((lode_store *)p, NULL, 0, STR("c"), 0, NULL, &err));
    /* Nothing was written by any of them. */
    EXPECT_OK(lode_provider_checkpoint(p, STR("c"), &flag, &i64, NULL, &err));
    CHECK(!flag);
    EXPECT_OK(lode_provider_head_position(p, &i64, &err));
    CHECK_EQ_I64(i64, 1);
    /* A closed provider. */
    lode_provider *closed = open_provider("bad-closed");
    EXPECT_OK(lode_provider_close(closed, &err));
    EXPECT_ERR(LODE_CLOSED, lode_subscription_open(closed, 0, NULL, 0, 10, &sub, &err));
    EXPECT_ERR(LODE_CLOSED, lode_provider_checkpoint(closed, STR("c"), &flag, &i64, NULL, &err));
    EXPECT_ERR(LODE_CLOSED, lode_provider_wait_for_position(closed, 1, 0, &flag, &err));
    EXPECT_OK(lode_store_free(s, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

/* -- R-RES-4 ----------------------------------------------------------------------------------- */

static void test_r_res_4_open_read_close_1000_subscriptions(void) {
    lode_provider *p = open_provider("loop");
    lode_store *s = open_store(p, "BankAccount", "1");
    for (int i = 0; i < 30; i++) append_one(s, "l", i % 2 ? "A" : "B", NULL);
    int failures = 0;
    for (int i = 0; i < 1000 && failures < 5; i++) {
        lode_subscription *sub = NULL;
        lode_buffer *b = NULL;
        const char *filter = i % 2 ? "{\"event_types\":[{\"type\":\"A\"}]}" : "";
        lode_error *e = NULL;
        if (lode_subscription_open(p, i % 10, STR(filter), 5, &sub, &e) != LODE_OK ||
            lode_subscription_next(sub, 0, &b, NULL, &e) != LODE_OK || lode_buffer_count(b) != 5) {
            h_fail(__FILE__, __LINE__, "round %d: %s", i, lode_error_message(e));
            failures++;
        }
        lode_error_free(e);
        lode_buffer_free(b);
        if (i % 3 == 0) lode_subscription_wake(sub, NULL);
        if (lode_subscription_close(sub, NULL) != LODE_OK) failures++;
        /* An error from the closed handle, made and freed. */
        e = NULL;
        if (lode_subscription_position(sub, &(int64_t){0}, &e) != LODE_CLOSED) failures++;
        lode_error_free(e);
    }
    CHECK_EQ_I64(failures, 0);
    EXPECT_OK(lode_store_free(s, &err));
    EXPECT_OK(lode_provider_close(p, &err));
}

int main(int argc, char **argv) {
    test_directory(argc, argv, g_dir, sizeof g_dir);
    RUN(test_s_sub_1_pages_of_query_records_then_live);
    RUN(test_s_sub_3_filters_through_the_filter_json);
    RUN(test_s_sub_8_close_and_wake_from_another_thread_while_it_waits);
    RUN(test_s_sub_7_wait_for_position);
    RUN(test_s_cp_checkpoints_alone_and_with_an_append);
    RUN(test_r_bad_1_subscription_functions_refuse_bad_input);
    RUN(test_r_res_4_open_read_close_1000_subscriptions);
    return harness_finish();
}
