/*
 * history_out.h - sessions of the history printed for people and for
 * programs: a table, TSV, CSV (RFC 4180) or JSON.  Every format carries
 * every field of a record, its exercises and pain reports included.
 */
#ifndef BACKCOACH_HISTORY_OUT_H
#define BACKCOACH_HISTORY_OUT_H

#include <stdbool.h>
#include <stddef.h>

#include "history.h"
#include "sbuf.h"

enum hist_format { FMT_TABLE, FMT_TSV, FMT_CSV, FMT_JSON };

/* A session with its exercises and pain reports (s.ex and s.pains point
 * at ex and pains); cmd_history.c fills it, reusing its buffers from one
 * session to the next.  Its strings are copied into text when the row is
 * held; a row printed at its session's end borrows the reader's
 * (HREC_SESSION_END, history_join.h). */
struct hist_row {
	struct hist_session s;
	struct hist_exercise *ex;
	struct hist_pain *pains;
	int capex, cappains;
	char *text;
	size_t ntext, captext;
	bool borrowed;          /* the strings are the reader's */
	bool plain;             /* its lines were plain (hist_record): no
	                           text of it has a byte to escape */
};

/* The output: rows written into b, and written out to stdout in blocks
 * and at the end (history_out_frame); nothing is allocated per row. */
struct hist_out {
	enum hist_format fmt;
	struct sbuf b;          /* what is still to be written */
	struct sbuf cell;       /* one cell being made (the exercises...) */
	size_t printed;         /* rows so far */
};

/* "table", "tsv", "csv" or "json" into *f: 0, or -1 for another word. */
int history_out_format(const char *name, enum hist_format *f);

/* What comes before the first row (end false) and after the last (end
 * true), then everything held written out; `filtered` says whether only
 * some sessions were wanted. */
void history_out_frame(struct hist_out *o, bool end, bool filtered);
/* One session. */
void history_out_row(struct hist_out *o, const struct hist_row *r);
/* r as a TSV row into b (history_tsv.c); b->oom when memory ran out. */
void history_out_tsv(struct sbuf *b, const struct hist_row *r);
/* r's exercises ("name: status, sets a/b, ...; ...") or (pains) its pain
 * reports ("at 125 s: 7, spreads, next; ...") as one cell's text in c,
 * the names as they are: CSV's, which quotes the cell whole (the TSV row
 * writes the same with its names escaped). */
void history_out_lists(struct sbuf *c, const struct hist_row *r, bool pains);
/* Writes out what is held (the frame does too). */
void history_out_write(struct hist_out *o);
void history_out_free(struct hist_out *o);

#endif
