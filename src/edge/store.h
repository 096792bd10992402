/*
 * store.h - the history file on disk: where it is, appending a session
 * crash-safely, and streaming its records back.
 *
 * The edge around history.c.  Appends are one write() of whole records on
 * an O_APPEND descriptor under an exclusive flock, then fsync: a record is
 * in the file whole or not at all, and two sessions ending at once both
 * land.  Reading never writes.
 */
#ifndef BACKCOACH_STORE_H
#define BACKCOACH_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "history.h"

/* $XDG_STATE_HOME/backcoach/history: where the history is kept unless the
 * user says otherwise.  Malloc'd. */
char *store_default_path(void);

/* A new session id, 16 hexadecimal digits at random (getrandom), for
 * the S line and the A and N lines that find it later. */
void store_new_sid(char sid[static HISTORY_SID_MAX + 1]);

/* How long, in seconds, a lock on the history another program holds is
 * waited for (a ^C or TERM ends the wait at once), before an append fails
 * and a read goes on without it. */
#define STORE_LOCK_WAIT 10
#define STR_(x) #x
#define STR(x) STR_(x)

/*
 * Appends len bytes of whole records (each ending in '\n') to path in one
 * write(), creating the file (0600, with the version header) and its
 * directory (0700) when missing.  Returns 0 when the records are on disk;
 * -1 when they are not, and every earlier record is untouched.  The error,
 * or a warning on success (a file others can read), goes to d.
 */
int store_append(const char *path, const char *buf, size_t len,
    struct diags *d);

/*
 * Whether a session could be appended to path, found before it starts:
 * the file opens for appending (O_NONBLOCK, nothing written) and is a
 * regular file, or, missing, the nearest directory above it that is there
 * lets it be made.  0, or -1 with the reason in d (an error on path).
 */
int store_writable(const char *path, struct diags *d);

/* Formats record rec (its S, E and P lines) and appends it to path:
 * store_append()'s result. */
int store_record(const char *path, const struct hist_session *rec,
    struct diags *d);
/* Appends the A line that amends the recorded rec with its pain_after and
 * note. */
int store_amend(const char *path, const struct hist_session *rec,
    struct diags *d);
/* Appends the F lines of the recorded rec's exercises that were rated
 * (their feedback). */
int store_feedback(const char *path, const struct hist_session *rec,
    struct diags *d);

/* Appends the N line of the recorded rec's next_day answer. */
int store_next_day(const char *path, const struct hist_session *rec,
    struct diags *d);
/* Appends the D lines of n dose changes. */
int store_doses(const char *path, const struct hist_dose *v, int n,
    struct diags *d);

/* Called for each session, exercise, pain report and dose change, with
 * its line number. */
typedef void store_fn(const struct hist_record *rec, long line, void *arg);

/*
 * Streams path's records to fn.  A malformed line is skipped and reported
 * in d as a warning, "FILE:LINE: skipped malformed record (why)" (the
 * first STORE_MAX_REPORTS of them, then a count); *nbad (when not NULL)
 * counts them.  A missing file has no records.  Returns 0, or -1 on a
 * read error (an error in d).
 */
#define STORE_MAX_REPORTS 100
int store_read(const char *path, store_fn *fn, void *arg, struct diags *d,
    long *nbad);

/* Whether the sessions of path are in time order (the instants their
 * starts name), as a history written by one machine is; false for two
 * files put together.  A quick pass over the S lines' starts only, its
 * two halves on two threads for a file of 4 MiB or more; a file that
 * cannot be read counts as in order. */
bool store_in_time_order(const char *path);

struct hstats;
/* Reads the history at path into st (hstats_init'd here for nweeks weeks
 * ending on day `today`, and finished); problems go to d (the exercise,
 * pain and rating lines are not read: a malformed one is for `history`
 * to report).  0, or -1 on a read error; st is usable either way
 * (hstats_free). */
int store_stats(const char *path, struct hstats *st, int nweeks, int today,
    struct diags *d);

#endif
