/*
 * The bank-account walk-through of the quickstart, end to end, in C over lode's C ABI
 * (include/lode.h). It mirrors examples/bank_account.rs.
 *
 * Build (from the repository root, after `cargo build --lib`):
 *
 *   cc -std=c11 -Wall -Wextra -Iinclude examples/c/bank_account.c -o target/bank_account \
 *      -Ltarget/debug -llode -Wl,-rpath,$PWD/target/debug
 *
 * Run:  target/bank_account [directory]     (a new temporary directory by default)
 *
 * scripts/run-c-tests builds it and runs it under valgrind.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lode.h"

#define STR(s) (const uint8_t *)(s), strlen(s)

static const char *ACCOUNT = "123456000";
static int message_counter = 0;

/* Builds an EventMessage (wire-format.md) for the BankAccount aggregate `ACCOUNT`.
 * `sequence` < 0 leaves SequenceNumber out: the store assigns the next version. */
static const char *event(char *buf, size_t cap, const char *type, const char *body,
                         long long sequence) {
    char seq[48] = "";
    if (sequence >= 0) snprintf(seq, sizeof seq, ",\"SequenceNumber\":%lld", sequence);
    snprintf(buf, cap,
             "{\"Event\":{\"$type\":\"%s\",\"AccountId\":\"%s\"%s%s},"
             "\"Metadata\":{\"DomainGlobalId\":\"default-BankAccount-%s\","
             "\"Message\":{\"Id\":\"msg-%s-%d\",\"Name\":\"%s\",\"Version\":1,"
             "\"Domain\":{\"Id\":\"%s\",\"Name\":\"BankAccount\"},"
             "\"CreatedDate\":\"2026-01-04T14:51:49.124+01:00\"},"
             "\"Context\":{\"UserId\":\"joe\",\"PartitionId\":\"default\"%s,\"Scopes\":[]}}}",
             type, ACCOUNT, body[0] ? "," : "", body, ACCOUNT, ACCOUNT, ++message_counter, type,
             ACCOUNT, seq);
    return buf;
}

/* Stops with a message when a call that should work fails. */
static void check(lode_status status, lode_error *err, const char *what) {
    if (status == LODE_OK) return;
    fprintf(stderr, "%s failed: %s (%s)\n", what, lode_error_message(err),
            lode_status_name(status));
    lode_error_free(err);
    exit(1);
}

/* A NUL-terminated copy of a buffer's JSON; the caller frees it. */
static char *text(const lode_buffer *buf) {
    size_t n = lode_buffer_len(buf);
    char *s = malloc(n + 1);
    if (!s) exit(1);
    memcpy(s, lode_buffer_data(buf), n);
    s[n] = '\0';
    return s;
}

/* The number after `"key":` at or after `from`, before `end` (NULL: anywhere); 0 if absent. */
static double number_after(const char *from, const char *end, const char *key) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    const char *p = strstr(from, pattern);
    if (!p || (end && p >= end)) return 0;
    return strtod(p + strlen(pattern), NULL);
}

/* The string after `"key":"` at or after `from` into `out`. */
static const char *string_after(const char *from, const char *key, char *out, size_t cap) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *p = strstr(from, pattern);
    out[0] = '\0';
    if (!p) return out;
    p += strlen(pattern);
    size_t n = strcspn(p, "\"");
    if (n >= cap) n = cap - 1;
    memcpy(out, p, n);
    out[n] = '\0';
    return out;
}

/* Walks the messages of a JSON array: calls `f` with each message's type and its text
 * (from its "$type" to the next one). A tiny scanner, enough for this example's messages. */
typedef void (*visit_fn)(void *ctx, const char *type, const char *start, const char *end);
static void each_message(const char *json, visit_fn f, void *ctx) {
    const char *p = strstr(json, "\"$type\":\"");
    while (p) {
        const char *next = strstr(p + 1, "\"$type\":\"");
        char type[64];
        string_after(p, "$type", type, sizeof type);
        f(ctx, type, p, next);
        p = next;
    }
}

/* Folds the history into a balance, starting from a snapshot when there is one. */
static void fold(void *ctx, const char *type, const char *start, const char *end) {
    double *balance = ctx;
    if (strcmp(type, "BankAccountState") == 0)
        *balance = number_after(start, end, "Balance");
    else if (strcmp(type, "FundsDeposited") == 0)
        *balance += number_after(start, end, "Amount");
    else if (strcmp(type, "FundsWithdrawn") == 0)
        *balance -= number_after(start, end, "Amount");
}
static double balance(const char *json) {
    double b = 0;
    each_message(json, fold, &b);
    return b;
}

static void print_event(void *ctx, const char *type, const char *start, const char *end) {
    (void)ctx;
    printf("  event %s version %.0f\n", type, number_after(start, end, "SequenceNumber"));
}

/* Library log events (warnings and errors) go to standard output here. */
static void on_log(void *user_data, int32_t level, const char *target, const char *message,
                   const char *fields_json) {
    (void)user_data;
    printf("  [log %s %s] %s %s\n", level == LODE_LOG_ERROR ? "ERROR" : "WARN", target, message,
           fields_json);
}

int main(int argc, char **argv) {
    char dir[512];
    if (argc > 1) {
        snprintf(dir, sizeof dir, "%s", argv[1]);
    } else {
        snprintf(dir, sizeof dir, "/tmp/lode-bank-XXXXXX");
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            return 1;
        }
    }
    printf("lode %s (C ABI %u; this program was built for %d)\n", lode_version(),
           lode_abi_version(), LODE_ABI_VERSION);
    if (lode_abi_version() != LODE_ABI_VERSION) return 1;

    lode_error *err = NULL;
    check(lode_set_log_callback(on_log, NULL, LODE_LOG_WARN, &err), err, "setting the log callback");

    /* 3. The event store provider. */
    lode_provider *provider = NULL;
    check(lode_provider_open(STR(dir), NULL, 0, &provider, &err), err, "opening the provider");
    printf("store directory: %s\n", dir);

    /* 4. Open an event store and add events. */
    lode_store *store = NULL;
    check(lode_store_open(provider, NULL, 0, STR("BankAccount"), STR(ACCOUNT), LODE_DEFAULT,
                          LODE_DEFAULT, &store, &err),
          err, "opening the store");
    char m1[1024], m2[1024], m3[1024];
    lode_bytes opened[2] = {
        {(const uint8_t *)event(m1, sizeof m1, "BankAccountCreated",
                                "\"OwnerName\":\"Joe Dalton\",\"Currency\":\"EUR\"", -1), 0},
        {(const uint8_t *)event(m2, sizeof m2, "FundsDeposited", "\"Amount\":1500", -1), 0},
    };
    opened[0].len = strlen(m1);
    opened[1].len = strlen(m2);
    int64_t version = 0;
    check(lode_store_append(store, opened, 2, &version, &err), err, "adding events");
    printf("after opening the account and a deposit: version %lld\n", (long long)version);
    lode_bytes withdrawal = {(const uint8_t *)event(m3, sizeof m3, "FundsWithdrawn",
                                                    "\"Amount\":500", -1), strlen(m3)};
    check(lode_store_append(store, &withdrawal, 1, &version, &err), err, "adding an event");
    printf("after a withdrawal: version %lld\n", (long long)version);

    /* 5. Retrieve events. */
    lode_buffer *buf = NULL;
    check(lode_store_read(store, false, &buf, &err), err, "reading");
    char *history = text(buf);
    lode_buffer_free(buf);
    each_message(history, print_event, NULL);
    double current_balance = balance(history);
    printf("balance: %.0f\n", current_balance);
    free(history);

    /* Optimistic concurrency: a stale expected version is refused, nothing written. */
    int64_t current = 0;
    check(lode_store_version(store, &current, &err), err, "reading the version");
    char stale[1024];
    lode_bytes stale_b = {(const uint8_t *)event(stale, sizeof stale, "FundsWithdrawn",
                                                 "\"Amount\":100", current), strlen(stale)};
    lode_status st = lode_store_append(store, &stale_b, 1, NULL, &err);
    if (st != LODE_VERSION_MISMATCH) {
        fprintf(stderr, "expected a version mismatch, got %s\n", lode_status_name(st));
        return 1;
    }
    const char *details = lode_error_details(err);
    printf("conflict: the stream expected version %.0f, the event carried %.0f\n",
           number_after(details, NULL, "expected_version"),
           number_after(details, NULL, "actual_version"));
    printf("  (%s: %s)\n", lode_status_name(st), lode_error_message(err));
    lode_error_free(err);

    /* Snapshots: store one at the current version, then read with it. */
    char body[128], state[1024], deposit[1024];
    snprintf(body, sizeof body, "\"Balance\":%.0f", current_balance);
    event(state, sizeof state, "BankAccountState", body, -1);
    check(lode_store_version(store, &current, &err), err, "reading the version");
    check(lode_store_snapshot(store, current, STR(state), &err), err, "storing a snapshot");
    lode_bytes dep = {(const uint8_t *)event(deposit, sizeof deposit, "FundsDeposited",
                                             "\"Amount\":250", -1), strlen(deposit)};
    check(lode_store_append(store, &dep, 1, NULL, &err), err, "adding an event");
    check(lode_store_read(store, true, &buf, &err), err, "reading with snapshot");
    char *with_snapshot = text(buf);
    printf("read with snapshot: %zu messages (snapshot first: %s), balance %.0f\n",
           lode_buffer_count(buf),
           strncmp(strstr(with_snapshot, "\"$type\":\"") + 9, "BankAccountState", 16) == 0
               ? "true" : "false",
           balance(with_snapshot));
    free(with_snapshot);
    lode_buffer_free(buf);

    /* Slices. */
    check(lode_store_slice(store, 2, 3, &buf, &err), err, "reading a slice");
    printf("slice 2..3: %zu events\n", lode_buffer_count(buf));
    lode_buffer_free(buf);

    /* Commands: exactly-once handling. */
    char cmd_msg[1024];
    lode_bytes cmd_event = {(const uint8_t *)event(cmd_msg, sizeof cmd_msg, "FundsDeposited",
                                                   "\"Amount\":75", -1), strlen(cmd_msg)};
    check(lode_store_append_with_command(store, &cmd_event, 1, STR("deposit-cmd-1"),
                                         STR("DepositFunds"), NULL, 0, NULL, &err),
          err, "adding events with a command");
    st = lode_store_append_with_command(store, &cmd_event, 1, STR("deposit-cmd-1"),
                                        STR("DepositFunds"), NULL, 0, NULL, &err);
    printf("the same command twice: %s (%s)\n", lode_error_message(err), lode_status_name(st));
    lode_error_free(err);
    check(lode_provider_command_record(provider, STR("deposit-cmd-1"), &buf, &err), err,
          "reading the command record");
    char *record = text(buf);
    char processed_at[64];
    printf("command processed at %s producing version %.0f\n",
           string_after(record, "ProcessedAt", processed_at, sizeof processed_at),
           number_after(record, NULL, "LastVersion"));
    free(record);
    lode_buffer_free(buf);

    /* The session guards the stream across threads and processes. */
    lode_store *other = NULL;
    st = lode_store_open(provider, NULL, 0, STR("BankAccount"), STR(ACCOUNT), 60000, 100, &other,
                         &err);
    if (st != LODE_OPEN_STORE_FAILED) {
        fprintf(stderr, "expected LODE_OPEN_STORE_FAILED, got %s\n", lode_status_name(st));
        return 1;
    }
    printf("a second session is refused: %s\n", lode_error_message(err));
    lode_error_free(err);

    check(lode_store_close(store, &err), err, "closing the store");
    check(lode_store_free(store, &err), err, "freeing the store");

    /* Queries across streams need no session. */
    check(lode_provider_events_by_type(provider, STR("FundsDeposited"), -1, 0, 100, &buf, &err),
          err, "querying by type");
    printf("deposits in the whole store: %zu\n", lode_buffer_count(buf));
    lode_buffer_free(buf);
    check(lode_provider_read_log(provider, 0, 3, &buf, &err), err, "reading the log");
    char *log = text(buf);
    for (const char *r = strstr(log, "\"Position\":"); r; r = strstr(r + 1, "\"Position\":")) {
        char recorded[64], type[64];
        printf("  log #%.0f %s %s v%.0f\n", number_after(r, NULL, "Position"),
               string_after(r, "RecordedAt", recorded, sizeof recorded),
               string_after(r, "EventType", type, sizeof type),
               number_after(r, NULL, "AggregateVersion"));
    }
    free(log);
    lode_buffer_free(buf);

    check(lode_provider_close(provider, &err), err, "closing the provider");
    check(lode_set_log_callback(NULL, NULL, 0, &err), err, "removing the log callback");
    return 0;
}
