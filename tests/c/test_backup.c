/*
 * C host tests of online backup, verify and the check of a backup (docs/backup.md, K-BAK-*):
 * lode_provider_backup with a progress callback (on the calling thread, monotone, ending with
 * done == total), cancellation from the callback (LODE_CANCELLED, nothing left), a target that
 * exists (refused), lode_verify / lode_provider_verify reports, lode_provider_check_backup, a
 * callback that calls back into the library, and bad arguments (R-BAD-1).
 *
 * Build and run: scripts/run-c-tests (under valgrind). Usage: test_backup [directory].
 */
#include "harness.h"

#include <pthread.h>
#include <sys/stat.h>

static char g_dir[512];
static lode_provider *P; /* the source store: 300 events in BankAccount/acct-backup */

static bool exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

static void path_in(char *buf, size_t cap, const char *name) {
    snprintf(buf, cap, "%s/%s", g_dir, name);
}

static char *take_text(lode_buffer *b) {
    char *t = buffer_text(b);
    lode_buffer_free(b);
    return t;
}

/* What the progress callback saw. */
typedef struct {
    int calls;
    int64_t first_done, last_done, last_total;
    bool went_back;
    bool foreign_thread;
    pthread_t caller;
    int cancel_at; /* return nonzero at this call (1-based); 0: never */
    lode_store *append_to; /* when set, the callback appends an event to it */
    int appended;
} progress_t;

static int32_t on_progress(void *user_data, int64_t done, int64_t total) {
    progress_t *p = user_data;
    p->calls++;
    if (p->calls == 1) p->first_done = done;
    if (done < p->last_done || total < done) p->went_back = true;
    p->last_done = done;
    p->last_total = total;
    if (!pthread_equal(pthread_self(), p->caller)) p->foreign_thread = true;
    if (p->append_to) {
        char id[64], m[MSG_CAP];
        unique_id(id, sizeof id, "cb");
        lode_bytes b = bytes_of(make_message(m, id, "ProgressSeen", "acct-cb", -1));
        int64_t v = 0;
        lode_error *e = NULL;
        if (lode_store_append(p->append_to, &b, 1, &v, &e) == LODE_OK) p->appended++;
        lode_error_free(e);
    }
    return p->cancel_at > 0 && p->calls >= p->cancel_at;
}

static void fill_source(void) {
    lode_store *s = NULL;
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR("acct-backup"), LODE_DEFAULT,
                              LODE_DEFAULT, &s, &err));
    for (int batch = 0; batch < 30; batch++) {
        char ms[10][MSG_CAP];
        lode_bytes bs[10];
        for (int k = 0; k < 10; k++) {
            char id[64];
            snprintf(id, sizeof id, "bk-%d-%d", batch, k);
            bs[k] = bytes_of(make_message(ms[k], id, "FundsDeposited", "acct-backup", -1));
        }
        int64_t v = 0;
        EXPECT_OK(lode_store_append(s, bs, 10, &v, &err));
    }
    EXPECT_OK(lode_store_free(s, &err));
}

/* K-BAK-1, K-BAK-5: a backup reports progress on the calling thread and says what it holds. */
static void test_k_bak_1_backup_reports_progress_and_its_position(void) {
    char target[600];
    path_in(target, sizeof target, "b1");
    progress_t pr = {0};
    pr.caller = pthread_self();
    lode_buffer *info = NULL;
    EXPECT_OK(lode_provider_backup(P, STR(target), NULL, 0, on_progress, &pr, &info, &err));
    CHECK(pr.calls >= 2);
    CHECK_EQ_I64(pr.first_done, 0);
    CHECK(!pr.went_back);
    CHECK(!pr.foreign_thread);
    CHECK_EQ_I64(pr.last_done, pr.last_total);
    CHECK_EQ_I64(lode_buffer_count(info), 1);
    char *t = take_text(info);
    CHECK_STR_CONTAINS(t, "\"position\":300");
    CHECK_STR_CONTAINS(t, "\"compacted\":false");
    char bytes[64];
    snprintf(bytes, sizeof bytes, "\"bytes\":%" PRId64, pr.last_done);
    CHECK_STR_CONTAINS(t, bytes);
    free(t);
    char file[700];
    snprintf(file, sizeof file, "%s/backup.json", target);
    CHECK(exists(file));
    /* K-BAK-4: owner-only by default. */
    struct stat st;
    CHECK(stat(target, &st) == 0 && (st.st_mode & 0777) == 0700);
    snprintf(file, sizeof file, "%s/data.mdb", target);
    CHECK(stat(file, &st) == 0 && (st.st_mode & 0777) == 0600);

    /* Compacted and verified, without a callback and without asking for the info. */
    path_in(target, sizeof target, "b1-compact");
    EXPECT_OK(lode_provider_backup(P, STR(target), STR("{\"compact\":true,\"verify\":true}"),
                                   NULL, NULL, NULL, &err));
    lode_buffer *report = NULL;
    EXPECT_OK(lode_verify(STR(target), &report, &err));
    t = take_text(report);
    CHECK_STR_CONTAINS(t, "\"ok\":true");
    CHECK_STR_CONTAINS(t, "\"events\":300");
    free(t);
}

/* K-BAK-3: a backup never overwrites: an existing store, a file, the store itself. */
static void test_k_bak_3_existing_targets_are_refused(void) {
    char target[600];
    path_in(target, sizeof target, "b1");
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_provider_backup(P, STR(target), NULL, 0, NULL, NULL, NULL, &err));
    path_in(target, sizeof target, "main");
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_provider_backup(P, STR(target), NULL, 0, NULL, NULL, NULL, &err));
    path_in(target, sizeof target, "main/inside");
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_provider_backup(P, STR(target), NULL, 0, NULL, NULL, NULL, &err));
    CHECK(!exists(target));
}

/* K-BAK-5: nonzero from the callback cancels; nothing is left at the target. */
static void test_k_bak_5_cancel_from_the_callback_leaves_nothing(void) {
    for (int at = 1; at <= 3; at++) {
        char target[600], name[32];
        snprintf(name, sizeof name, "cancelled-%d", at);
        path_in(target, sizeof target, name);
        progress_t pr = {0};
        pr.caller = pthread_self();
        pr.cancel_at = at;
        lode_buffer *info = (lode_buffer *)(uintptr_t)1;
        const char *slow = "{\"max_bytes_per_second\":2000000}";
        EXPECT_ERR(LODE_CANCELLED, lode_provider_backup(P, STR(target), STR(slow), on_progress,
                                                        &pr, &info, &err));
        CHECK(info == NULL);
        CHECK_EQ_I64(pr.calls, at);
        CHECK(!exists(target));
    }
    CHECK(strcmp(lode_status_name(LODE_CANCELLED), "LODE_CANCELLED") == 0);
}

/* K-BAK-9: the callback may call into the library (here: an append on each call). */
static void test_k_bak_9_the_callback_may_append(void) {
    lode_store *s = NULL;
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR("acct-cb"), LODE_DEFAULT,
                              LODE_DEFAULT, &s, &err));
    char target[600];
    path_in(target, sizeof target, "b-callback");
    progress_t pr = {0};
    pr.caller = pthread_self();
    pr.append_to = s;
    EXPECT_OK(lode_provider_backup(P, STR(target), STR("{\"max_bytes_per_second\":4000000}"),
                                   on_progress, &pr, NULL, &err));
    CHECK(pr.calls >= 2);
    CHECK_EQ_I64(pr.appended, pr.calls);
    EXPECT_OK(lode_store_free(s, &err));
    lode_buffer *report = NULL;
    EXPECT_OK(lode_provider_check_backup(P, STR(target), &report, &err));
    char *t = take_text(report);
    CHECK_STR_CONTAINS(t, "\"ok\":true");
    free(t);
}

/* K-BAK-6: verify of a directory and of a provider; a directory without a store is refused
 * and nothing is created. */
static void test_k_bak_6_verify_reports(void) {
    lode_buffer *report = NULL;
    EXPECT_OK(lode_provider_verify(P, &report, &err));
    char *t = take_text(report);
    CHECK_STR_CONTAINS(t, "\"ok\":true");
    CHECK_STR_CONTAINS(t, "\"problem_count\":0");
    CHECK_STR_CONTAINS(t, "\"problems\":[]");
    free(t);
    char missing[600];
    path_in(missing, sizeof missing, "no-store-here");
    report = (lode_buffer *)(uintptr_t)1;
    EXPECT_ERR(LODE_STORAGE, lode_verify(STR(missing), &report, &err));
    CHECK(report == NULL);
    CHECK(!exists(missing));
}

/* K-BAK-7: a backup checks against its source, also after the source went on. */
static void test_k_bak_7_check_backup(void) {
    char target[600];
    path_in(target, sizeof target, "b1");
    lode_store *s = NULL;
    EXPECT_OK(lode_store_open(P, NULL, 0, STR("BankAccount"), STR("acct-later"), LODE_DEFAULT,
                              LODE_DEFAULT, &s, &err));
    char m[MSG_CAP];
    lode_bytes b = bytes_of(make_message(m, "later-1", "FundsDeposited", "acct-later", -1));
    int64_t v = 0;
    EXPECT_OK(lode_store_append(s, &b, 1, &v, &err));
    EXPECT_OK(lode_store_free(s, &err));
    lode_buffer *report = NULL;
    EXPECT_OK(lode_provider_check_backup(P, STR(target), &report, &err));
    char *t = take_text(report);
    CHECK_STR_CONTAINS(t, "\"ok\":true");
    CHECK_STR_CONTAINS(t, "\"position\":300");
    CHECK_STR_CONTAINS(t, "\"recorded_position\":300");
    CHECK_STR_CONTAINS(t, "\"events_compared\":300");
    free(t);
    /* The store itself is not its own backup. */
    char self[600];
    path_in(self, sizeof self, "main");
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_check_backup(P, STR(self), &report, &err));
}

/* R-BAD-1 for the new functions: NULLs, bad JSON, unknown keys, freed handles. */
static void test_r_bad_1_backup_arguments(void) {
    char target[600];
    path_in(target, sizeof target, "never");
    lode_buffer *out = NULL;
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_provider_backup(NULL, STR(target), NULL, 0, NULL, NULL, &out, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_provider_backup(P, NULL, 5, NULL, 0, NULL, NULL, &out, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_provider_backup(P, NULL, 0, NULL, 0, NULL, NULL, &out, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_provider_backup(P, U8(BAD_UTF8), strlen(BAD_UTF8), NULL, 0, NULL, NULL,
                                    &out, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_provider_backup(P, STR(target), STR("not json"), NULL, NULL, &out, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_backup(P, STR(target), STR("{\"fast\":1}"),
                                                           NULL, NULL, &out, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT,
               lode_provider_backup(P, STR(target), NULL, 3, NULL, NULL, &out, &err));
    CHECK(!exists(target));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_verify(P, NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_verify(NULL, &out, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_verify(NULL, 0, &out, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_verify(STR(target), NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_check_backup(P, STR(target), NULL, &err));
    EXPECT_ERR(LODE_INVALID_ARGUMENT, lode_provider_check_backup(NULL, STR(target), &out, &err));
    /* A closed provider. */
    lode_provider *closed = NULL;
    char other[600];
    path_in(other, sizeof other, "closed");
    EXPECT_OK(lode_provider_open(STR(other), NULL, 0, &closed, &err));
    EXPECT_OK(lode_provider_close(closed, &err));
    EXPECT_ERR(LODE_CLOSED,
               lode_provider_backup(closed, STR(target), NULL, 0, NULL, NULL, &out, &err));
    EXPECT_ERR(LODE_CLOSED, lode_provider_verify(closed, &out, &err));
    CHECK(!exists(target));
    /* NULL err is accepted. */
    CHECK_EQ_I64(lode_provider_verify(NULL, &out, NULL), LODE_INVALID_ARGUMENT);
}

int main(int argc, char **argv) {
    test_directory(argc, argv, g_dir, sizeof g_dir);
    char path[600];
    path_in(path, sizeof path, "main");
    lode_error *err = NULL;
    if (lode_provider_open(STR(path), STR("{\"durability\":\"no_sync\"}"), &P, &err) != LODE_OK) {
        fprintf(stderr, "cannot open the test provider: %s\n", lode_error_message(err));
        lode_error_free(err);
        return 2;
    }
    fill_source();
    RUN(test_k_bak_1_backup_reports_progress_and_its_position);
    RUN(test_k_bak_3_existing_targets_are_refused);
    RUN(test_k_bak_5_cancel_from_the_callback_leaves_nothing);
    RUN(test_k_bak_6_verify_reports);
    RUN(test_k_bak_7_check_backup);
    RUN(test_k_bak_9_the_callback_may_append);
    RUN(test_r_bad_1_backup_arguments);
    lode_provider_close(P, NULL);
    return harness_finish();
}
