/*
 * history_out.c - the history command's output formats (history_out.h).
 *
 * Table and TSV escape text as the file does (history_escape); CSV quotes
 * it, and keeps a cell from reading as a formula; JSON escapes it and replaces bytes that are not UTF-8.
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

void
history_row_set(struct hist_row *r, const struct hist_session *s)
{
	history_row_free(r);
	r->s = *s;
	r->s.routine_id = xstrdup(s->routine_id);
	r->s.routine_name = xstrdup(s->routine_name);
	r->s.note = xstrdup(s->note);
	r->s.flag = xstrdup(s->flag);
	r->s.checked = xstrdup(s->checked);
	r->s.ex = NULL;
	r->s.nex = 0;
	r->s.pains = NULL;
	r->s.npains = 0;
}

void
history_row_add_exercise(struct hist_row *r, const struct hist_exercise *e)
{
	if (r->s.nex == r->capex)
		r->ex = xrealloc(r->ex, (size_t)(r->capex = r->capex ?
		    2 * r->capex : 8) * sizeof *r->ex);
	r->ex[r->s.nex] = *e;
	r->ex[r->s.nex++].name = xstrdup(e->name);
	r->s.ex = r->ex;
}

void
history_row_add_pain(struct hist_row *r, const struct hist_pain *p)
{
	if (r->s.npains == r->cappains)
		r->pains = xrealloc(r->pains, (size_t)(r->cappains = r->cappains ?
		    2 * r->cappains : 4) * sizeof *r->pains);
	r->pains[r->s.npains++] = *p;
	r->s.pains = r->pains;
}

void
history_row_free(struct hist_row *r)
{
	free((char *)r->s.routine_id);
	free((char *)r->s.routine_name);
	free((char *)r->s.note);
	free((char *)r->s.flag);
	free((char *)r->s.checked);
	for (int j = 0; j < r->s.nex; j++)
		free((char *)r->ex[j].name);
	free(r->ex);
	free(r->pains);
	memset(r, 0, sizeof *r);
}

static const char *const columns[] = {
	"start", "duration_s", "routine_id", "routine_name", "status", "reason",
	"exercises_completed", "exercises_skipped", "exercises_total",
	"worked_s", "pain_before", "pain_after", "note", "exercises",
	"red_flag", "checked", "pain_max", "kind", "pain_reports", "next_day",
};
#define NCOLUMNS ((int)(sizeof columns / sizeof *columns))

/* Prints text with TAB, LF, CR and backslash escaped as the history
 * file escapes them (history_escape). */
static void
put_escaped(const char *s)
{
	if (s[strcspn(s, "\t\n\r\\")] == '\0') {
		fputs(s, stdout);               /* nothing to escape: most fields */
		return;
	}
	size_t n = history_escape(s, NULL, 0);
	char *buf = xmalloc(n + 1);

	history_escape(s, buf, n + 1);
	fputs(buf, stdout);
	free(buf);
}

/* For the table, a person's: escaped as the file does, then for the
 * terminal (cmd_safe). */
static void
put_shown(const char *s)
{
	size_t n = history_escape(s, NULL, 0);
	char *buf = xmalloc(n + 1);

	history_escape(s, buf, n + 1);
	fputs(cmd_safe(buf), stdout);
	free(buf);
}

/* The exercises as one text field: "name: status, sets a/b, reps c/d, N s; ..." */
static char *
exercise_summary(const struct hist_row *r)
{
	char *out = xstrdup("");

	for (int i = 0; i < r->s.nex; i++) {
		const struct hist_exercise *e = &r->ex[i];
		char *n = xasprintf("%s%s%s: %s, sets %d/%d, reps %d/%d, %lld s", out,
		    i ? "; " : "", e->name, history_ex_status_name(e->status),
		    e->sets_done, e->sets_planned, e->reps_done, e->reps_planned,
		    (long long)e->worked_s);
		free(out);
		out = n;
	}
	return out;
}

/* The pain reports as one text field: "at 125 s: 7, spreads, next; ..." */
static char *
pain_summary(const struct hist_row *r)
{
	char *out = xstrdup("");

	for (int i = 0; i < r->s.npains; i++) {
		const struct hist_pain *p = &r->pains[i];
		char *n = xasprintf("%s%sat %lld s: %d%s, %s", out, i ? "; " : "",
		    (long long)p->at_s, p->score, p->spreads ? ", spreads" : "",
		    history_pain_step_name(p->step));
		free(out);
		out = n;
	}
	return out;
}

/* A pain score as text: "" when there is none. */
static char *
pain_text(int v)
{
	return v >= 0 ? xasprintf("%d", v) : xstrdup("");
}

/* The fields of a row as text, in the order of columns[] (malloc'd). */
static void
row_fields(const struct hist_row *r, char **f)
{
	const struct hist_session *s = &r->s;

	f[0] = xstrdup(s->start);
	f[1] = xasprintf("%lld", (long long)s->duration_s);
	f[2] = xstrdup(s->routine_id);
	f[3] = xstrdup(s->routine_name);
	f[4] = xstrdup(history_status_name(s->status));
	f[5] = xstrdup(history_reason_name(s->reason));
	f[6] = xasprintf("%d", s->ex_completed);
	f[7] = xasprintf("%d", s->ex_skipped);
	f[8] = xasprintf("%d", s->ex_total);
	f[9] = xasprintf("%lld", (long long)s->worked_s);
	f[10] = pain_text(s->pain_before);
	f[11] = pain_text(s->pain_after);
	f[12] = xstrdup(s->note);
	f[13] = exercise_summary(r);
	f[14] = xstrdup(s->flag);
	f[15] = xstrdup(s->checked);
	f[16] = pain_text(s->pain_max);
	f[17] = xstrdup(history_kind_name(s->kind));
	f[18] = pain_summary(r);
	f[19] = xstrdup(history_next_day_name(s->next_day));
}

/* A CSV cell, quoted as RFC 4180 says when it must be.  One that starts
 * as a spreadsheet formula would (=, +, -, @, tab, CR) is given a leading
 * ' and quoted, so that a note such as =HYPERLINK(...) is shown as text,
 * not run: OWASP's advice on CSV injection,
 * https://owasp.org/www-community/attacks/CSV_Injection */
static void
put_csv(const char *s)
{
	bool formula = *s != '\0' && strchr("=+-@\t\r", *s) != NULL;

	if (!formula && strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	if (formula)
		putchar('\'');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

/* TSV (text escaped) or CSV (RFC 4180: quoted, CRLF): the header row, or
 * (r not NULL) a session's row. */
static void
print_delimited(enum hist_format fmt, const struct hist_row *r)
{
	const char *sep = fmt == FMT_CSV ? "," : "\t";
	char *f[NCOLUMNS];

	if (r != NULL)
		row_fields(r, f);
	for (int i = 0; i < NCOLUMNS; i++) {
		fputs(i ? sep : "", stdout);
		if (r == NULL)
			fputs(columns[i], stdout);
		else if (fmt == FMT_CSV)
			put_csv(f[i]);
		else
			put_escaped(f[i]);
		if (r != NULL)
			free(f[i]);
	}
	fputs(fmt == FMT_CSV ? "\r\n" : "\n", stdout);
}

/* Length of the valid UTF-8 sequence at s, or 0. */
/* A JSON string: quotes, backslash and control characters (C1 too)
 * escaped, bytes that are not strict UTF-8 (text_utf8) replaced by
 * U+FFFD: always valid JSON, and safe on a terminal. */
static void
put_json(const char *str)
{
	size_t n = strlen(str);
	uint32_t c;

	putchar('"');
	for (size_t i = 0; i < n; ) {
		size_t len = text_utf8(str + i, n - i, &c);
		if (len == 0)
			fputs("\\ufffd", stdout);
		else if (c == '"' || c == '\\')
			printf("\\%c", (char)c);
		else if (c == '\n' || c == '\t' || c == '\r')
			printf("\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
		else if (text_is_control(c))
			printf("\\u%04x", (unsigned)c);
		else
			fwrite(str + i, 1, len, stdout);
		i += len ? len : 1;
	}
	putchar('"');
}

static void
put_json_pain(const char *key, int v)
{
	if (v >= 0)
		printf(", \"%s\": %d", key, v);
	else
		printf(", \"%s\": null", key);
}

static void
print_json_row(const struct hist_row *r)
{
	const struct hist_session *s = &r->s;

	printf("  {\"start\": ");
	put_json(s->start);
	printf(", \"duration_s\": %lld, \"routine_id\": ", (long long)s->duration_s);
	put_json(s->routine_id);
	printf(", \"routine_name\": ");
	put_json(s->routine_name);
	printf(", \"status\": \"%s\", \"reason\": \"%s\", \"exercises_completed\": %d, "
	    "\"exercises_skipped\": %d, \"exercises_total\": %d, \"worked_s\": %lld",
	    history_status_name(s->status), history_reason_name(s->reason),
	    s->ex_completed, s->ex_skipped, s->ex_total, (long long)s->worked_s);
	put_json_pain("pain_before", s->pain_before);
	put_json_pain("pain_after", s->pain_after);
	printf(", \"note\": ");
	put_json(s->note);
	printf(", \"red_flag\": ");
	put_json(s->flag);
	printf(", \"checked\": ");
	put_json(s->checked);
	put_json_pain("pain_max", s->pain_max);
	if (s->next_day == NEXT_DAY_UNKNOWN)
		printf(", \"next_day\": null");
	else
		printf(", \"next_day\": \"%s\"", history_next_day_name(s->next_day));
	printf(", \"kind\": \"%s\", \"exercises\": [", history_kind_name(s->kind));
	for (int i = 0; i < r->s.nex; i++) {
		const struct hist_exercise *e = &r->ex[i];
		printf("%s\n    {\"name\": ", i ? "," : "");
		put_json(e->name);
		printf(", \"status\": \"%s\", \"sets_done\": %d, \"sets_planned\": %d, "
		    "\"reps_done\": %d, \"reps_planned\": %d, \"worked_s\": %lld}",
		    history_ex_status_name(e->status), e->sets_done,
		    e->sets_planned, e->reps_done, e->reps_planned,
		    (long long)e->worked_s);
	}
	printf("%s], \"pain_reports\": [", r->s.nex ? "\n  " : "");
	for (int i = 0; i < r->s.npains; i++) {
		const struct hist_pain *p = &r->pains[i];
		printf("%s\n    {\"at_s\": %lld, \"score\": %d, \"spreads\": %s, "
		    "\"step\": \"%s\"}", i ? "," : "", (long long)p->at_s, p->score,
		    p->spreads ? "true" : "false", history_pain_step_name(p->step));
	}
	printf("%s]}", r->s.npains ? "\n  " : "");
}


/* The table's first line of a session, within 80 columns: when (the
 * minute of its start, as written) and what ("Name [id]"), escaped and
 * cut on a character with "…". */
static void
print_table_head(const struct hist_session *s)
{
	char *what = xasprintf("%s [%s]", s->routine_name, s->routine_id);
	size_t n = history_escape(what, NULL, 0);
	char *esc = xmalloc(n + 1);

	history_escape(what, esc, n + 1);
	char *line = xasprintf("%.10s %.5s  %s", s->start, s->start + 11,
	    cmd_col(esc, 62, false));
	n = strlen(line);
	while (n > 0 && line[n - 1] == ' ')
		line[--n] = '\0';
	puts(line);
	free(line);
	free(esc);
	free(what);
}

/* A session in the table: two lines within 80 columns (what and when;
 * how long, how it ended, the exercises, the time worked, the pain), then
 * its note, flags and exercises, indented. */
static void
print_table_row(const struct hist_row *r)
{
	const struct hist_session *s = &r->s;
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
	print_table_head(s);
	if (s->kind == HK_PACK)         /* a pack: no exercises, no work */
		printf("    %7s  %-19s  %-11s  on for %7s  pain %s", dur, st,
		    "ice or heat", work, pain);
	else
		printf("    %7s  %-19s  ex %2d/%2d/%2d  worked %7s  pain %s", dur,
		    st, s->ex_completed, s->ex_skipped, s->ex_total, work, pain);
	if (s->note[0]) {
		printf("\n    note: ");
		put_shown(s->note);
	}
	if (s->flag[0])
		printf("\n    red flag: %s", cmd_safe(s->flag));
	if (s->checked[0])
		printf("\n    checked by a doctor: %s", cmd_safe(s->checked));
	if (s->next_day != NEXT_DAY_UNKNOWN)
		printf("\n    the next morning: %s", history_next_day_name(s->next_day));
	putchar('\n');
	for (int i = 0; i < r->s.nex; i++) {
		const struct hist_exercise *e = &r->ex[i];
		/* a person's words, as the end screen's: "not reached" */
		if (s->kind == HK_PACK)
			printf("    %2d. %-11s %-24s%5lld s  ", i + 1,
			    history_ex_status_text(e->status), "pack on for",
			    (long long)e->worked_s);
		else
			printf("    %2d. %-11s sets %2d/%-2d reps %3d/%-3d %5lld s  ",
			    i + 1, history_ex_status_text(e->status), e->sets_done,
			    e->sets_planned, e->reps_done, e->reps_planned,
			    (long long)e->worked_s);
		put_shown(e->name);
		putchar('\n');
	}
	for (int i = 0; i < r->s.npains; i++) {
		const struct hist_pain *p = &r->pains[i];
		plan_format_clock(p->at_s * NS_PER_SEC, dur, sizeof dur);
		printf("    pain %d at %s%s: %s\n", p->score, dur,
		    p->spreads ? ", spreading down a leg" : "",
		    history_pain_step_name(p->step));
	}
}


void
history_out_row(enum hist_format f, const struct hist_row *r, size_t printed)
{
	if (f == FMT_JSON) {
		printf("%s\n", printed ? "," : "");
		print_json_row(r);
	} else if (f == FMT_TABLE) {
		if (printed == 0)
			printf("start             routine [id]\n%11s  %-19s  %-11s  "
			    "%-14s  %s\n", "duration", "status/reason", "ex c/s/n",
			    "worked", "pain");
		print_table_row(r);
	} else {
		print_delimited(f, r);
	}
}

void
history_out_frame(enum hist_format f, bool end, size_t printed, bool filtered)
{
	if (f == FMT_JSON)
		printf(end ? "%s]\n" : "[", end && printed ? "\n" : "");
	else if (f != FMT_TABLE && !end)
		print_delimited(f, NULL);
	else if (f == FMT_TABLE && end && printed == 0)
		printf("No sessions recorded%s.\n", filtered ? " that match" : " yet");
}
