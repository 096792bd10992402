/*
 * history_join.h - a session's records put together as the file is read.
 *
 * Part of the pure core.  A session's S, E and P lines are written in one
 * piece, but the A line that amends it (the pain after, a note) comes
 * later, perhaps after another session's lines, and the N line (the next
 * morning) on a later day.  The joiner holds the last HIST_JOIN_WINDOW
 * sessions' lines as they are read and hands each session on, amended,
 * when it leaves the window or the file ends: the S record first (its
 * pain_after and note from the latest A line, its next_day from the
 * latest N line), then its E, P and F records (F: how each exercise
 * felt, written later like an A line, handed on as records of their own;
 * history_feedback_add() tallies them), then HREC_SESSION_END: until it
 * is handled, every string of the session's records is still there, so
 * a consumer that is done with a session by then need copy none of them
 * (`history` streams rows so).  Consumers never see an A or
 * N line that found its session.  A D line belongs to no session but
 * keeps its place among them: it is held in a slot of its own and handed
 * on in file order, so a reader knows which sessions came before it.
 *
 * Lines are copied, then parsed once, when handed on; a line that does
 * not parse is handed on as HREC_BAD with its line number.
 */
#ifndef BACKCOACH_HISTORY_JOIN_H
#define BACKCOACH_HISTORY_JOIN_H

#include <stddef.h>

#include "history.h"

#define HIST_JOIN_WINDOW 16             /* sessions held at once */
#define HIST_JOIN_SLOT_MAX (1 << 20)    /* bytes one session may hold */

/* Receives each record, with the line it came from. */
typedef void hist_join_fn(const struct hist_record *rec, long line, void *arg);
struct hist_join_slot;
/* Receives, in raw mode, what would be parsed and handed on: a session's
 * lines, a D line or a line nobody holds, in a slot to be copied now. */
typedef void hist_join_raw_fn(const struct hist_join_slot *sl, void *arg);

/* One line held: where it is in its slot's buffer, and where in the file. */
struct hist_join_line {
	size_t off, len;        /* in the slot's buf, without its '\n' */
	long lineno;
};

enum { HIST_JOIN_EMPTY, HIST_JOIN_SESSION, HIST_JOIN_DOSE, HIST_JOIN_LONE };

struct hist_join_slot {
	int held;               /* HIST_JOIN_EMPTY, _SESSION (an S line and
	                           the lines matched to it), _DOSE (a D line,
	                           which no line matches), _LONE (raw mode: a
	                           line no session holds) */
	size_t start_n;         /* its S line's start: buf[2..2+start_n) */
	size_t id_off, id_n;    /* and its routine id, as written */
	long sid_off;           /* its session id in buf, once looked for
	                           (-1: not yet; sid_n 0: it has none) */
	size_t sid_n;
	char *buf;              /* its lines, each ending in '\n' */
	size_t len, cap;
	struct hist_join_line *lines;
	size_t nlines, caplines;
};

struct hist_join {
	struct hist_join_slot slot[HIST_JOIN_WINDOW];
	int first, n;           /* the oldest slot held, and how many */
	hist_join_fn *fn;
	void *arg;
	int oom;                /* memory ran out: lines were handed on unjoined */
	unsigned skip;          /* the record letters dropped unread, a bit
	                           each from 'A' (hist_join_skip) */
	hist_join_raw_fn *raw;  /* raw mode: what is handed on unparsed */
	void *raw_arg;
};

void hist_join_init(struct hist_join *j, hist_join_fn *fn, void *arg);
/* Raw mode: what leaves the window goes to raw unparsed, for the caller
 * to hand on with hist_join_deliver() (the reader does, on another
 * thread, so that reading and joining cost the parse no time). */
void hist_join_raw(struct hist_join *j, hist_join_raw_fn *raw, void *arg);
/* Parses what slot sl holds, in place (its buffer must be writable),
 * and hands it on to fn: an S line's record amended by its A and N
 * lines, its E, P and F records, then HREC_SESSION_END; or a line's
 * record alone. */
void hist_join_deliver(struct hist_join_slot *sl, hist_join_fn *fn,
    void *arg);
/* Drops the lines of the record types in `letters` (of "EPF": a
 * session's exercises, pain reports and ratings) unread: neither joined
 * nor parsed nor handed on, so a malformed one is not reported either.
 * For a reader that needs the sessions only (`stats`: two thirds of the
 * lines are exercises). */
void hist_join_skip(struct hist_join *j, const char *letters);
/* Takes one record line (not a header or comment: the caller reads those)
 * of len bytes, without its '\n'; line is its number.  The bytes are
 * copied. */
void hist_join_line(struct hist_join *j, const char *line, size_t len,
    long lineno);
/* Hands on every session held; the joiner is empty (and reusable). */
void hist_join_flush(struct hist_join *j);
void hist_join_free(struct hist_join *j);

#endif
