/*
 * store_reader.h - the history reader's state, for the two files of the
 * store module that read: store_read.c (the lines, one by one, and the
 * order pass) and store_ahead.c (a large file read and joined on a thread
 * of its own).  Internal to the store module.
 */
#ifndef BACKCOACH_STORE_READER_H
#define BACKCOACH_STORE_READER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "diag.h"
#include "history_join.h"
#include "store.h"

#define READ_BLOCK (1 << 20)    /* the longest line read: a longer one is
                                   skipped, never held in memory */
#define READ_AHEAD_MIN (4 << 20)        /* read on a thread from this size */
#define READ_CHUNK (64 * 1024)  /* read at a time: what was read is parsed
                                   while the cache still holds it, and a
                                   buffer that is never filled is never
                                   touched (a megabyte at a time cost a
                                   tenth more time, and RSS) */

struct reader {
	const char *path;
	store_fn *fn;
	void *arg;
	struct diags *d;
	long line, nbad, norphans;
	int skip_version;       /* records follow a header we cannot read */
	struct hist_join join;  /* puts each session's lines together */
	bool order_only;        /* store_in_time_order: S lines' times only */
	bool sorted;
	bool skip_line;         /* the first line read is another's end */
	bool have_first;
	int64_t first;          /* the first session start's instant */
	int64_t last;           /* the latest session start seen */
	char prev[HISTORY_START_LEN + 1];       /* the last start read, or "" */
	bool prev_stale;        /* prev came after last without an instant */
	bool too_long;          /* in a line longer than READ_BLOCK: skipping */
};

/* Reads fd to its end, or to left bytes when left >= 0, each line through
 * r's joiner (or the order pass); 0, or -1 on a read error (in r->d). */
int reader_read_all(struct reader *r, int fd, off_t left);
/* What the joiner hands on: records for r->fn, problems for r->d. */
void reader_joined(const struct hist_record *rec, long line, void *arg);
/* reader_read_all() on a thread of its own, that reads and joins while
 * this one parses and hands on (store_ahead.c); 1 when no thread could
 * be started (nothing was read: the caller reads). */
int reader_read_ahead(struct reader *r, int fd, off_t left);

#endif
