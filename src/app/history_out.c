/*
 * history_out.c - the history command's output formats (history_out.h).
 *
 * Table and TSV (history_tsv.c) escape text as the file does
 * (history_escape); CSV quotes
 * it, and keeps a cell from reading as a formula; JSON escapes it and
 * replaces bytes that are not UTF-8.  Rows are written into one buffer,
 * written out in blocks: nothing is allocated per field or per row (a
 * million rows of xasprintf'd fields cost an export 4 s).
 */
#include "history_out.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "plan.h"
#include "text.h"
#include "util.h"

#define OUT_BLOCK (64 * 1024)   /* written out once this much is held */

int
history_out_format(const char *name, enum hist_format *f)
{
	static const char *const names[] = { "table", "tsv", "csv", "json" };

	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0) {
			*f = (enum hist_format)i;
			return 0;
		}
	return -1;
}

/* --- writing ----------------------------------------------------------- */

static const char *const columns[] = {
	"start", "duration_s", "routine_id", "routine_name", "status", "reason",
	"exercises_completed", "exercises_skipped", "exercises_total",
	"worked_s", "pain_before", "pain_after", "note", "exercises",
	"red_flag", "checked", "pain_max", "kind", "pain_reports", "next_day",
};
#define NCOLUMNS ((int)(sizeof columns / sizeof *columns))

/* What is held written out to stdout (write errors are main's to find). */
void
history_out_write(struct hist_out *o)
{
	if (o->b.oom || o->cell.oom)
		oom();
	if (o->b.len > 0)
		fwrite(o->b.p, 1, o->b.len, stdout);
	o->b.len = 0;
}

/* A CSV cell, quoted as RFC 4180 says when it must be.  One that starts
 * as a spreadsheet formula would (=, +, -, @, tab, CR) is given a leading
 * ' and quoted, so that a note such as =HYPERLINK(...) is shown as text,
 * not run: OWASP's advice on CSV injection,
 * https://owasp.org/www-community/attacks/CSV_Injection */
static void
put_csv(struct sbuf *b, const char *s)
{
	bool formula = *s != '\0' && strchr("=+-@\t\r", *s) != NULL;

	if (!formula && strpbrk(s, ",\"\r\n") == NULL) {
		sb_str(b, s);
		return;
	}
	sb_put(b, formula ? "\"'" : "\"", formula ? 2 : 1);
	for (;;) {
		size_t n = strcspn(s, "\"");
		sb_put(b, s, n);
		if (s[n] == '\0')
			break;
		sb_put(b, "\"\"", 2);           /* a quote, doubled */
		s += n + 1;
	}
	sb_put(b, "\"", 1);
}

/* A text cell of a CSV row. */
static void
put_cell(struct hist_out *o, const char *s)
{
	put_csv(&o->b, s);
}

/* A number cell (never quoted or escaped: digits only), or for a pain
 * score of -1, an empty one. */
static void
put_num(struct hist_out *o, int64_t v, bool pain)
{
	if (!pain || v >= 0)
		sb_int(&o->b, v);
}

/* The header row of TSV or CSV, or (r not NULL) a session's CSV row
 * (RFC 4180: quoted, CRLF), its cells in the order of columns[]. */
static void
print_delimited(struct hist_out *o, const struct hist_row *r)
{
	const struct hist_session *s = r ? &r->s : NULL;
	char sep = o->fmt == FMT_CSV ? ',' : '\t';

	for (int i = 0; r == NULL && i < NCOLUMNS; i++) {
		if (i > 0)
			sb_put(&o->b, &sep, 1);
		sb_str(&o->b, columns[i]);
	}
	for (int i = 0; r != NULL && i < NCOLUMNS; i++) {
		if (i > 0)
			sb_put(&o->b, &sep, 1);
		switch (i) {
		case 0:  put_cell(o, s->start); break;
		case 1:  put_num(o, s->duration_s, false); break;
		case 2:  put_cell(o, s->routine_id); break;
		case 3:  put_cell(o, s->routine_name); break;
		case 4:  put_cell(o, history_status_name(s->status)); break;
		case 5:  put_cell(o, history_reason_name(s->reason)); break;
		case 6:  put_num(o, s->ex_completed, false); break;
		case 7:  put_num(o, s->ex_skipped, false); break;
		case 8:  put_num(o, s->ex_total, false); break;
		case 9:  put_num(o, s->worked_s, false); break;
		case 10: put_num(o, s->pain_before, true); break;
		case 11: put_num(o, s->pain_after, true); break;
		case 12: put_cell(o, s->note); break;
		case 13: history_out_lists(&o->cell, r, false);
			put_cell(o, o->cell.len > 0 ? o->cell.p : ""); break;
		case 14: put_cell(o, s->flag); break;
		case 15: put_cell(o, s->checked); break;
		case 16: put_num(o, s->pain_max, true); break;
		case 17: put_cell(o, history_kind_name(s->kind)); break;
		case 18: history_out_lists(&o->cell, r, true);
			put_cell(o, o->cell.len > 0 ? o->cell.p : ""); break;
		default: put_cell(o, history_next_day_name(s->next_day)); break;
		}
	}
	sb_str(&o->b, o->fmt == FMT_CSV ? "\r\n" : "\n");
}

/* ", "key": " then v, or null for a pain score of -1. */
static void
json_num(struct sbuf *b, const char *key, int64_t v, bool pain)
{
	sb_str(b, ", \"");
	sb_str(b, key);
	sb_str(b, "\": ");
	if (pain && v < 0)
		sb_str(b, "null");
	else
		sb_int(b, v);
}

/* ", "key": " then s as a JSON string, or null for NULL. */
static void
json_str(struct sbuf *b, const char *key, const char *s)
{
	sb_str(b, ", \"");
	sb_str(b, key);
	sb_str(b, "\": ");
	if (s == NULL)
		sb_str(b, "null");
	else
		sb_json(b, s);
}

/* The exercises and pain reports of a JSON row, as two arrays. */
static void
print_json_lists(struct sbuf *b, const struct hist_row *r)
{
	sb_str(b, ", \"exercises\": [");
	for (int i = 0; i < r->s.nex; i++) {
		const struct hist_exercise *e = &r->ex[i];
		sb_str(b, i ? ",\n    {\"name\": " : "\n    {\"name\": ");
		sb_json(b, e->name);
		json_str(b, "status", history_ex_status_name(e->status));
		json_num(b, "sets_done", e->sets_done, false);
		json_num(b, "sets_planned", e->sets_planned, false);
		json_num(b, "reps_done", e->reps_done, false);
		json_num(b, "reps_planned", e->reps_planned, false);
		json_num(b, "worked_s", e->worked_s, false);
		sb_str(b, "}");
	}
	sb_str(b, r->s.nex ? "\n  ], \"pain_reports\": [" : "], \"pain_reports\": [");
	for (int i = 0; i < r->s.npains; i++) {
		const struct hist_pain *p = &r->pains[i];
		sb_str(b, i ? ",\n    {\"at_s\": " : "\n    {\"at_s\": ");
		sb_int(b, p->at_s);
		json_num(b, "score", p->score, false);
		sb_str(b, p->spreads ? ", \"spreads\": true" : ", \"spreads\": false");
		json_str(b, "step", history_pain_step_name(p->step));
		sb_str(b, "}");
	}
	sb_str(b, r->s.npains ? "\n  ]}" : "]}");
}

static void
print_json_row(struct sbuf *b, const struct hist_row *r)
{
	const struct hist_session *s = &r->s;

	sb_str(b, "  {\"start\": ");
	sb_json(b, s->start);
	json_num(b, "duration_s", s->duration_s, false);
	json_str(b, "routine_id", s->routine_id);
	json_str(b, "routine_name", s->routine_name);
	json_str(b, "status", history_status_name(s->status));
	json_str(b, "reason", history_reason_name(s->reason));
	json_num(b, "exercises_completed", s->ex_completed, false);
	json_num(b, "exercises_skipped", s->ex_skipped, false);
	json_num(b, "exercises_total", s->ex_total, false);
	json_num(b, "worked_s", s->worked_s, false);
	json_num(b, "pain_before", s->pain_before, true);
	json_num(b, "pain_after", s->pain_after, true);
	json_str(b, "note", s->note);
	json_str(b, "red_flag", s->flag);
	json_str(b, "checked", s->checked);
	json_num(b, "pain_max", s->pain_max, true);
	json_str(b, "next_day", s->next_day == NEXT_DAY_UNKNOWN ? NULL :
	    history_next_day_name(s->next_day));
	json_str(b, "kind", history_kind_name(s->kind));
	print_json_lists(b, r);
}

/* Text with TAB, LF, CR and backslash escaped as the history file escapes
 * them (history_escape), into b: the table's text. */
static void
put_escaped(struct sbuf *b, const char *s)
{
	size_t n = strcspn(s, "\t\n\r\\");

	if (s[n] == '\0') {
		sb_put(b, s, n);                /* nothing to escape: most fields */
		return;
	}
	n = history_escape(s, NULL, 0);
	char *at = sb_extend(b, n);
	if (at != NULL)
		history_escape(s, at, n + 1);
}

/* For the table, a person's: escaped as the file does, then for the
 * terminal (sb_term). */
static void
put_shown(struct hist_out *o, const char *s)
{
	o->cell.len = 0;
	put_escaped(&o->cell, s);
	sb_term(&o->b, o->cell.len > 0 ? o->cell.p : "");
}

/* The table's first line of a session, within 80 columns: when (the
 * minute of its start, as written) and what ("Name [id]"), escaped and
 * cut on a character with "…". */
static void
print_table_head(struct hist_out *o, const struct hist_session *s)
{
	struct sbuf *c = &o->cell;

	c->len = 0;
	put_escaped(c, s->routine_name);
	sb_str(c, " [");
	put_escaped(c, s->routine_id);
	sb_str(c, "]");
	sb_printf(&o->b, "%.10s %.5s  ", s->start, s->start + 11);
	size_t at = o->b.len;
	sb_fit(&o->b, c->p, 62, false);
	while (o->b.len > at && o->b.p[o->b.len - 1] == ' ')
		o->b.p[--o->b.len] = '\0';
	sb_str(&o->b, "\n");
}

/* A session in the table: two lines within 80 columns (what and when;
 * how long, how it ended, the exercises, the time worked, the pain), then
 * its note, flags and exercises, indented. */
static void
print_table_row(struct hist_out *o, const struct hist_row *r)
{
	const struct hist_session *s = &r->s;
	struct sbuf *b = &o->b;
	char dur[32], work[32], pain[32], st[32], pb[12] = "-", pa[12] = "-";

	plan_format_clock(s->duration_s * NS_PER_SEC, dur, sizeof dur);
	plan_format_clock(s->worked_s * NS_PER_SEC, work, sizeof work);
	if (s->pain_before >= 0)
		snprintf(pb, sizeof pb, "%d", s->pain_before);
	if (s->pain_after >= 0)
		snprintf(pa, sizeof pa, "%d", s->pain_after);
	snprintf(pain, sizeof pain, "%s->%s", pb, pa);
	snprintf(st, sizeof st, "%s/%s", history_status_name(s->status),
	    history_reason_name(s->reason));
	print_table_head(o, s);
	if (s->kind == HK_PACK)         /* a pack: no exercises, no work */
		sb_printf(b, "    %7s  %-19s  %-11s  on for %7s  pain %s", dur, st,
		    "ice or heat", work, pain);
	else
		sb_printf(b, "    %7s  %-19s  ex %2d/%2d/%2d  worked %7s  pain %s",
		    dur, st, s->ex_completed, s->ex_skipped, s->ex_total, work,
		    pain);
	if (s->note[0]) {
		sb_str(b, "\n    note: ");
		put_shown(o, s->note);
	}
	if (s->flag[0]) {
		sb_str(b, "\n    red flag: ");
		sb_term(b, s->flag);
	}
	if (s->checked[0]) {
		sb_str(b, "\n    checked by a doctor: ");
		sb_term(b, s->checked);
	}
	if (s->next_day != NEXT_DAY_UNKNOWN)
		sb_printf(b, "\n    the next morning: %s",
		    history_next_day_name(s->next_day));
	sb_str(b, "\n");
	for (int i = 0; i < r->s.nex; i++) {
		const struct hist_exercise *e = &r->ex[i];
		/* a person's words, as the end screen's: "not reached" */
		if (s->kind == HK_PACK)
			sb_printf(b, "    %2d. %-11s %-24s%5lld s  ", i + 1,
			    history_ex_status_text(e->status), "pack on for",
			    (long long)e->worked_s);
		else
			sb_printf(b, "    %2d. %-11s sets %2d/%-2d reps %3d/%-3d "
			    "%5lld s  ", i + 1, history_ex_status_text(e->status),
			    e->sets_done, e->sets_planned, e->reps_done,
			    e->reps_planned, (long long)e->worked_s);
		put_shown(o, e->name);
		sb_str(b, "\n");
	}
	for (int i = 0; i < r->s.npains; i++) {
		const struct hist_pain *p = &r->pains[i];
		plan_format_clock(p->at_s * NS_PER_SEC, dur, sizeof dur);
		sb_printf(b, "    pain %d at %s%s: %s\n", p->score, dur,
		    p->spreads ? ", spreading down a leg" : "",
		    history_pain_step_name(p->step));
	}
}

void
history_out_row(struct hist_out *o, const struct hist_row *r)
{
	if (o->fmt == FMT_JSON) {
		sb_str(&o->b, o->printed ? ",\n" : "\n");
		print_json_row(&o->b, r);
	} else if (o->fmt == FMT_TSV) {
		history_out_tsv(&o->b, r);
	} else if (o->fmt == FMT_TABLE) {
		if (o->printed == 0)
			sb_printf(&o->b, "start             routine [id]\n%11s  "
			    "%-19s  %-11s  %-14s  %s\n", "duration", "status/reason",
			    "ex c/s/n", "worked", "pain");
		print_table_row(o, r);
	} else {
		print_delimited(o, r);
	}
	o->printed++;
	if (o->b.len >= OUT_BLOCK)
		history_out_write(o);
}

void
history_out_frame(struct hist_out *o, bool end, bool filtered)
{
	if (o->fmt == FMT_JSON)
		sb_str(&o->b, !end ? "[" : o->printed ? "\n]\n" : "]\n");
	else if (o->fmt != FMT_TABLE && !end)
		print_delimited(o, NULL);
	else if (o->fmt == FMT_TABLE && end && o->printed == 0)
		sb_printf(&o->b, "No sessions recorded%s.\n", filtered ?
		    " that match" : " yet");
	history_out_write(o);
}

void
history_out_free(struct hist_out *o)
{
	free(o->b.p);
	free(o->cell.p);
	memset(o, 0, sizeof *o);
}
