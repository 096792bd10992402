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

enum hist_format { FMT_TABLE, FMT_TSV, FMT_CSV, FMT_JSON };

/* A session copied out of the reader's buffer, with its exercises and
 * pain reports (s.ex and s.pains point at ex and pains). */
struct hist_row {
	struct hist_session s;
	struct hist_exercise *ex;
	struct hist_pain *pains;
	int capex, cappains;
};

/* "table", "tsv", "csv" or "json" into *f: 0, or -1 for another word. */
int history_out_format(const char *name, enum hist_format *f);

/* Copies session s into r (which owns the copies); free with
 * history_row_free.  Exercises and pain reports are added after. */
void history_row_set(struct hist_row *r, const struct hist_session *s);
void history_row_add_exercise(struct hist_row *r, const struct hist_exercise *e);
void history_row_add_pain(struct hist_row *r, const struct hist_pain *p);
void history_row_free(struct hist_row *r);

/* What comes before the first row (end false) and after the last (end
 * true); printed rows were printed, and `filtered` says whether only some
 * sessions were wanted. */
void history_out_frame(enum hist_format f, bool end, size_t printed,
    bool filtered);
/* One session; printed is how many came before it. */
void history_out_row(enum hist_format f, const struct hist_row *r,
    size_t printed);

#endif
