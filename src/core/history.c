/*
 * history.c - history records: formatting, parsing, calendar arithmetic.
 *
 * Part of the pure core.  The line format is described in history.h.
 * Parsing works in place and allocates nothing, so that reading a million
 * records costs one pass over the bytes.  Dates are civil dates taken from
 * the text (the local date the person exercised on), turned into day
 * numbers by calendar.c.
 */
#include "history.h"
#include "calendar.h"
#include "safety.h"

#include <stdio.h>
#include <string.h>

static const char *const status_names[HS_COUNT] = {
	[HS_COMPLETED] = "completed",
	[HS_PARTIAL] = "partial",
	[HS_STOPPED] = "stopped",
};

static const char *const reason_names[HR_COUNT] = {
	[HR_COMPLETED] = "completed",
	[HR_QUIT] = "quit",
	[HR_PAIN] = "pain",
	[HR_RED_FLAG] = "red-flag",
	[HR_SIGNAL] = "signal",
};

/* Per exercise status: the file's word, and the end screen's. */
static const struct {
	const char *name, *text;
} ex_status_words[EXS_COUNT] = {
	[EXS_PENDING] = { "pending", "not reached" },
	[EXS_COMPLETED] = { "completed", "completed" },
	[EXS_SKIPPED] = { "skipped", "skipped" },
	[EXS_PARTIAL] = { "partial", "partial" },
};

const char *
history_status_name(enum hist_status st)
{
	return (unsigned)st < HS_COUNT ? status_names[st] : "?";
}

const char *
history_reason_name(enum hist_reason r)
{
	return (unsigned)r < HR_COUNT ? reason_names[r] : "?";
}

const char *
history_ex_status_name(enum ex_status st)
{
	return (unsigned)st < EXS_COUNT ? ex_status_words[st].name : "?";
}

const char *
history_ex_status_text(enum ex_status st)
{
	return (unsigned)st < EXS_COUNT ? ex_status_words[st].text : "?";
}

enum hist_status
history_status_of(enum hist_reason r)
{
	switch (r) {
	case HR_COMPLETED:
		return HS_COMPLETED;
	case HR_PAIN:
	case HR_RED_FLAG:
		return HS_STOPPED;
	default:
		return HS_PARTIAL;
	}
}

void
history_session_init(struct hist_session *s, const char *id,
    const char *name, struct hist_exercise *ex, int nex)
{
	memset(s, 0, sizeof *s);
	s->routine_id = id;
	s->routine_name = name ? name : "";
	s->pain_before = s->pain_after = -1;
	s->note = "";
	s->ex = ex;
	s->nex = s->ex_total = nex;
	for (int i = 0; i < nex; i++)
		ex[i] = (struct hist_exercise){ .status = EXS_PENDING };
}

void
history_pain_summary(int before, int after, char *buf, size_t len)
{
	enum safety_change c = safety_pain_change(before, after);

	if (before < 0 || after < 0)
		snprintf(buf, len, "%s", "");
	else if (c == SAFETY_CHANGE_BETTER)
		snprintf(buf, len, "Pain %d -> %d: a meaningful improvement (2 points "
		    "or 30 %% of where you started).", before, after);
	else if (c == SAFETY_CHANGE_WORSE)
		snprintf(buf, len, "Pain %d -> %d: a meaningful rise (2 points or 30 %% "
		    "of where you started).  Do less next time; if it is still worse "
		    "tomorrow, step back to an easier routine.", before, after);
	else
		snprintf(buf, len, "Pain %d -> %d: no meaningful change (that would "
		    "be 2 points or 30 %% of where you started).", before, after);
}

void
history_ago(int day, int today, char *buf, size_t len)
{
	int d = today - day;

	if (d < 0)
		snprintf(buf, len, "later");            /* a clock set back */
	else if (d == 0)
		snprintf(buf, len, "today");
	else if (d == 1)
		snprintf(buf, len, "yesterday");
	else if (d < 14)
		snprintf(buf, len, "%d days ago", d);
	else if (d < 70)
		snprintf(buf, len, "%d weeks ago", d / 7);
	else
		snprintf(buf, len, "%d months ago", d / 30);
}

/* --- formatting ----------------------------------------------------- */

struct out {
	char *buf;
	size_t cap, len;        /* len may run past cap: the size needed */
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->len < o->cap) {
		size_t room = o->cap - o->len;
		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

static void
put_text(struct out *o, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		const char *esc = *s == '\t' ? "\\t" : *s == '\n' ? "\\n" :
		    *s == '\r' ? "\\r" : *s == '\\' ? "\\\\" : NULL;
		put(o, esc ? esc : s, esc ? 2 : 1);
	}
}

static void
put_int(struct out *o, int64_t v, bool tab)
{
	char b[32];
	int n = snprintf(b, sizeof b, tab ? "\t%lld" : "%lld", (long long)v);
	put(o, b, (size_t)n);
}

static void
put_field(struct out *o, const char *s)
{
	put(o, "\t", 1);
	put_text(o, s);
}

size_t
history_escape(const char *src, char *dst, size_t cap)
{
	struct out o = { dst, cap, 0 };

	put_text(&o, src);
	if (cap > 0)
		dst[o.len < cap ? o.len : cap - 1] = '\0';
	return o.len;
}

static void
put_exercise(struct out *o, const struct hist_session *s, int i)
{
	const struct hist_exercise *e = &s->ex[i];

	put(o, "E", 1);
	put_field(o, s->start);
	put_field(o, s->routine_id);
	put_int(o, i + 1, true);
	put_field(o, e->name);
	put_field(o, history_ex_status_name(e->status));
	put_int(o, e->sets_done, true);
	put_int(o, e->sets_planned, true);
	put_int(o, e->reps_done, true);
	put_int(o, e->reps_planned, true);
	put_int(o, e->worked_s, true);
	put(o, "\n", 1);
}

size_t
history_format(const struct hist_session *s, char *buf, size_t cap)
{
	struct out o = { buf, cap, 0 };

	put(&o, "S", 1);
	put_field(&o, s->start);
	put_int(&o, s->duration_s, true);
	put_field(&o, s->routine_id);
	put_field(&o, s->routine_name);
	put_field(&o, history_status_name(s->status));
	put_field(&o, history_reason_name(s->reason));
	put_int(&o, s->ex_completed, true);
	put_int(&o, s->ex_skipped, true);
	put_int(&o, s->ex_total, true);
	put_int(&o, s->worked_s, true);
	put(&o, "\t", 1);
	if (s->pain_before >= 0)
		put_int(&o, s->pain_before, false);
	put(&o, "\t", 1);
	if (s->pain_after >= 0)
		put_int(&o, s->pain_after, false);
	put_field(&o, s->note);
	put(&o, "\n", 1);
	for (int i = 0; i < s->nex; i++)
		put_exercise(&o, s, i);
	if (cap > 0)
		buf[o.len < cap ? o.len : cap - 1] = '\0';
	return o.len;
}

/* --- parsing -------------------------------------------------------- */

/* Unescapes s in place; returns false on a bad escape. */
static bool
unescape(char *s)
{
	char *w = strchr(s, '\\');

	if (w == NULL)
		return true;
	for (char *r = w; *r != '\0'; r++) {
		if (*r != '\\') {
			*w++ = *r;
			continue;
		}
		r++;
		switch (*r) {
		case 't':  *w++ = '\t'; break;
		case 'n':  *w++ = '\n'; break;
		case 'r':  *w++ = '\r'; break;
		case '\\': *w++ = '\\'; break;
		default:   return false;        /* includes a trailing '\' */
		}
	}
	*w = '\0';
	return true;
}

/* A non-negative decimal integer, at most 12 digits; -1 if s is not one. */
static int64_t
number(const char *s)
{
	int64_t v = 0;
	int n = 0;

	for (; *s != '\0'; s++, n++) {
		if (*s < '0' || *s > '9' || n >= 12)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return n > 0 ? v : -1;
}

/* A pain score: empty (-1), or 0-10; -2 when invalid. */
static int
pain(const char *s)
{
	if (*s == '\0')
		return -1;
	int64_t v = number(s);
	return v >= 0 && v <= 10 ? (int)v : -2;
}

static int
lookup_ex_status(const char *s)
{
	for (int i = 0; i < EXS_COUNT; i++)
		if (strcmp(s, ex_status_words[i].name) == 0)
			return i;
	return -1;
}

static int
lookup(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (s[0] == names[i][0] && strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* Splits line at TABs into at most max fields; returns the count (max + 1
 * when there are more). */
static int
split(char *line, size_t len, char **f, int max)
{
	char *end = line + len, *p = line;
	int n = 0;

	for (;;) {
		if (n == max)
			return max + 1;
		f[n++] = p;
		char *t = memchr(p, '\t', (size_t)(end - p));
		if (t == NULL)
			break;
		*t = '\0';
		p = t + 1;
	}
	*end = '\0';
	return n;
}

static enum hist_rtype
bad(struct hist_record *rec, const char *why)
{
	rec->type = HREC_BAD;
	rec->why = why;
	return HREC_BAD;
}

/* The numeric fields f[0..n-1] into v, or false. */
static bool
numbers(char **f, int n, int64_t *v)
{
	for (int i = 0; i < n; i++)
		if ((v[i] = number(f[i])) < 0)
			return false;
	return true;
}

static enum hist_rtype
parse_session(char **f, struct hist_record *rec)
{
	struct hist_session *s = &rec->s;
	int64_t v[5];
	int st, re;

	if (!calendar_valid_time(f[1]))
		return bad(rec, "bad start time");
	snprintf(s->start, sizeof s->start, "%s", f[1]);
	calendar_parse_date(f[1], &s->day);
	if ((s->duration_s = number(f[2])) < 0)
		return bad(rec, "bad duration");
	if (!unescape(f[3]) || !unescape(f[4]) || !unescape(f[13]))
		return bad(rec, "bad escape");
	if (f[3][0] == '\0')
		return bad(rec, "empty routine id");
	s->routine_id = f[3];
	s->routine_name = f[4];
	if ((st = lookup(f[5], status_names, HS_COUNT)) < 0)
		return bad(rec, "bad status");
	if ((re = lookup(f[6], reason_names, HR_COUNT)) < 0)
		return bad(rec, "bad reason");
	s->status = (enum hist_status)st;
	s->reason = (enum hist_reason)re;
	if (!numbers(f + 7, 4, v) || v[0] + v[1] > v[2] || v[2] > 100000)
		return bad(rec, "bad exercise counts");
	s->ex_completed = (int)v[0];
	s->ex_skipped = (int)v[1];
	s->ex_total = (int)v[2];
	s->worked_s = v[3];
	if ((s->pain_before = pain(f[11])) < -1 ||
	    (s->pain_after = pain(f[12])) < -1)
		return bad(rec, "bad pain score");
	s->note = f[13];
	s->ex = NULL;
	s->nex = 0;
	return rec->type = HREC_SESSION;
}

static enum hist_rtype
parse_exercise(char **f, struct hist_record *rec)
{
	struct hist_exercise *e = &rec->e;
	int64_t v[6];
	int st;

	if (!calendar_valid_time(f[1]))
		return bad(rec, "bad start time");
	if (!unescape(f[2]) || !unescape(f[4]))
		return bad(rec, "bad escape");
	rec->ex_start = f[1];
	rec->ex_routine = f[2];
	if ((v[0] = number(f[3])) < 1 || v[0] > 100000)
		return bad(rec, "bad exercise number");
	rec->ex_index = (int)v[0];
	e->name = f[4];
	if ((st = lookup_ex_status(f[5])) < 0)
		return bad(rec, "bad exercise status");
	e->status = (enum ex_status)st;
	if (!numbers(f + 6, 5, v) || v[0] > v[1] || v[2] > v[3] || v[1] > 100000 ||
	    v[3] > 1000000)
		return bad(rec, "bad exercise counts");
	e->sets_done = (int)v[0];
	e->sets_planned = (int)v[1];
	e->reps_done = (int)v[2];
	e->reps_planned = (int)v[3];
	e->worked_s = v[4];
	return rec->type = HREC_EXERCISE;
}

enum hist_rtype
history_parse(char *line, size_t len, struct hist_record *rec)
{
	char *f[HISTORY_S_FIELDS];
	int n;

	rec->why = NULL;
	if (len == 0)
		return rec->type = HREC_BLANK;
	if (line[0] == '#') {
		static const char hdr[] = "#backcoach-history ";
		line[len] = '\0';
		if (strncmp(line, hdr, sizeof hdr - 1) != 0)
			return rec->type = HREC_BLANK;
		int64_t v = number(line + sizeof hdr - 1);
		if (v < 1 || v > 1000000)
			return bad(rec, "bad history header");
		rec->version = (int)v;
		return rec->type = HREC_HEADER;
	}
	if (line[0] == 'S' && len > 1 && line[1] == '\t') {
		n = split(line, len, f, HISTORY_S_FIELDS);
		if (n != HISTORY_S_FIELDS)
			return bad(rec, "wrong number of fields");
		return parse_session(f, rec);
	}
	if (line[0] == 'E' && len > 1 && line[1] == '\t') {
		n = split(line, len, f, HISTORY_E_FIELDS);
		if (n != HISTORY_E_FIELDS)
			return bad(rec, "wrong number of fields");
		return parse_exercise(f, rec);
	}
	return bad(rec, "unknown record type");
}
