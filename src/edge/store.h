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

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "history.h"
#include "session.h"

/* The history file: --history FILE, else the `history` setting, else
 * $XDG_STATE_HOME/backcoach/history.  Malloc'd. */
char *store_path(void);

/*
 * Appends len bytes of whole records (each ending in '\n') to path in one
 * write(), creating the file (0600, with the version header) and its
 * directory (0700) when missing.  Returns 0 when the records are on disk;
 * -1 when they are not, and every earlier record is untouched.  msg gets
 * the error, or a warning on success (a file readable by others), or "".
 */
int store_append(const char *path, const char *buf, size_t len, char *msg,
    size_t msglen);

/* Called for each session and exercise record, with its line number. */
typedef void store_fn(const struct hist_record *rec, long line, void *arg);

/*
 * Streams path's records to fn.  A malformed line is skipped and, when
 * diag is not NULL, reported there as "FILE:LINE: skipped malformed
 * record (why)"; *nbad counts them.  A missing file has no records.
 * Returns 0, or -1 on a read error (reported to diag).
 */
int store_read(const char *path, store_fn *fn, void *arg, FILE *diag,
    long *nbad);

struct hstats;
/* Today's local date as a day number (calendar_days_from_civil). */
int store_today(void);
/* Reads the history into st (hstats_init'd here for nweeks weeks ending
 * today, and finished).  Problems go to diag (NULL: counted only).
 * 0, or -1 on a read error; st is usable either way (hstats_free). */
int store_stats(struct hstats *st, int nweeks, FILE *diag);

/* What the coach knows when a session ends. */
struct store_session {
	const char *routine_id;
	const char *routine_name;
	time_t start;                   /* wall-clock start */
	int64_t elapsed_ns;             /* session_elapsed(): pauses excluded */
	enum hist_status status;
	enum hist_reason reason;
	int pain_before, pain_after;    /* 0-10, or -1: none */
	const char *note;               /* NULL or "": none */
	const struct ex_outcome *ex;    /* per exercise (session_outcome) */
	const char *const *ex_names;    /* their names */
	int nex;
};

/* The records (S line and E lines) for a session, as one malloc'd
 * buffer; *len gets its length.  Start time in local time with offset. */
char *store_format(const struct store_session *ss, size_t *len);

/* Formats ss and appends it to store_path(): store_append()'s result. */
int store_record(const struct store_session *ss, char *msg, size_t msglen);

#endif
