/*
 * history_stats.c - weekly sums, streaks, routines and the pain trend,
 * computed while the history streams past, and drawn as text charts.
 *
 * Part of the pure core.  Weeks are ISO 8601 weeks (Monday to Sunday,
 * numbered by their Thursday's year), so a week spanning New Year is one
 * bucket.  A day counts towards a streak when a completed session started
 * on it (its local date, as written in the record).
 */
#include "history_stats.h"
#include "safety.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
hstats_init(struct hstats *st, int today, int nweeks)
{
	memset(st, 0, sizeof *st);
	if (nweeks < 1)
		nweeks = 1;
	if (nweeks > HSTATS_MAX_WEEKS)
		nweeks = HSTATS_MAX_WEEKS;
	st->today = today;
	st->nweeks = nweeks;
	st->first_monday = calendar_week_monday(today) - 7 * (nweeks - 1);
	st->first_pain = st->last_pain = -1;
	st->weeks = calloc((size_t)nweeks, sizeof *st->weeks);
	return st->weeks ? 0 : -1;
}

void
hstats_free(struct hstats *st)
{
	for (int i = 0; i < st->nroutines; i++) {
		free(st->routines[i].id);
		free(st->routines[i].name);
	}
	free(st->routines);
	free(st->index);
	free(st->days);
	free(st->weeks);
	memset(st, 0, sizeof *st);
}

static void
add_day(struct hstats *st, int day)
{
	if (st->ndays > 0 && st->days[st->ndays - 1] == day)
		return;                 /* the usual case: records in order */
	if (st->ndays == st->capdays) {
		size_t cap = st->capdays ? st->capdays * 2 : 256;
		int *v = realloc(st->days, cap * sizeof *v);
		if (v == NULL) {
			st->oom = 1;
			return;
		}
		st->days = v;
		st->capdays = cap;
	}
	st->days[st->ndays++] = day;
}

/* The first and the latest pain scores, for whether pain improves. */
static void
add_pain(struct hstats *st, const struct hist_session *s)
{
	int first = s->pain_before >= 0 ? s->pain_before : s->pain_after;
	int last = s->pain_after >= 0 ? s->pain_after : s->pain_before;

	if (first < 0)
		return;
	if (st->first_pain < 0 || s->day < st->first_pain_day) {
		st->first_pain = first;
		st->first_pain_day = s->day;
	}
	if (st->last_pain < 0 || s->day >= st->last_pain_day) {
		st->last_pain = last;
		st->last_pain_day = s->day;
	}
}

void
hstats_add(struct hstats *st, const struct hist_session *s)
{
	st->sessions++;
	st->seconds += s->duration_s;
	if (s->status == HS_COMPLETED) {
		st->completed++;
		if (s->kind == HK_EXERCISE)     /* a pack is no exercise */
			add_day(st, s->day);
	}
	hstats_add_routine(st, s);
	add_pain(st, s);
	int rel = s->day - st->first_monday;
	if (rel < 0 || rel >= 7 * st->nweeks)
		return;
	struct hstats_week *w = &st->weeks[rel / 7];
	w->sessions++;
	w->seconds += s->duration_s;
	if (s->pain_before >= 0) {
		w->before_sum += s->pain_before;
		w->before_n++;
	}
	if (s->pain_after >= 0) {
		w->after_sum += s->pain_after;
		w->after_n++;
	}
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

void
hstats_finish(struct hstats *st)
{
	size_t n = 0;

	if (st->ndays > 1)
		qsort(st->days, st->ndays, sizeof *st->days, cmp_int);
	for (size_t i = 0; i < st->ndays; i++)          /* unique */
		if (n == 0 || st->days[n - 1] != st->days[i])
			st->days[n++] = st->days[i];
	st->ndays = n;
	st->longest_streak = st->current_streak = 0;
	int run = 0;
	for (size_t i = 0; i < n; i++) {
		run = i > 0 && st->days[i] == st->days[i - 1] + 1 ? run + 1 : 1;
		if (run >= st->longest_streak) {       /* the latest of equals */
			st->longest_streak = run;
			st->longest_end = st->days[i];
		}
		/* a streak is current while it reaches today, or yesterday
		 * (today's session may still be to come) */
		if (st->days[i] == st->today || st->days[i] == st->today - 1)
			st->current_streak = run;
	}
}

/* --- text ----------------------------------------------------------- */

struct sbuf {
	char *p;
	size_t len, cap;
	int oom;
};

static void
sb_printf(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;

	for (int tries = 0; tries < 2 && !b->oom; tries++) {
		va_start(ap, fmt);
		int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			b->oom = 1;
			return;
		}
		if ((size_t)n < b->cap - b->len) {
			b->len += (size_t)n;
			return;
		}
		size_t cap = (b->cap + (size_t)n + 1) * 2;
		char *v = realloc(b->p, cap);
		if (v == NULL) {
			b->oom = 1;
			return;
		}
		b->p = v;
		b->cap = cap;
	}
}

/* A bar of v/max of width cells. */
static void
sb_bar(struct sbuf *b, double v, double max, int width)
{
	int n = max > 0 ? (int)(v / max * width + 0.5) : 0;

	if (v > 0 && n == 0)
		n = 1;
	sb_printf(b, "%.*s%*s", n, "##################################################"
	    "##################################################", width - n, "");
}

/* The shape of the text at a width: below NARROW_COLS, short week labels,
 * narrow numbers, and the pain without bars. */
#define NARROW_COLS 66
struct layout {
	int width;
	int narrow;
	int label;              /* columns of a week label */
	int bar;                /* columns of a bar */
};

static void
week_label(const struct hstats *st, const struct layout *lo, int i, char *buf,
    size_t len)
{
	int y, w, m, d;
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

	calendar_civil_from_days(st->first_monday + 7 * i, &y, &m, &d);
	calendar_iso_week(st->first_monday + 7 * i, &y, &w);
	snprintf(buf, len, "%04d-W%02d %s %2d", y, w, mon[m - 1], d);
	if (lo->narrow)                 /* "W05 Jan 29" */
		memmove(buf, buf + 5, strlen(buf + 5) + 1);
}

static void
render_weeks(struct sbuf *b, const struct hstats *st, const struct layout *lo)
{
	int64_t maxs = 0, maxm = 0;
	int ns = lo->narrow ? 3 : 5, nm = lo->narrow ? 5 : 7, bar = lo->bar;
	char lab[32];

	for (int i = 0; i < st->nweeks; i++) {
		if (st->weeks[i].sessions > maxs)
			maxs = st->weeks[i].sessions;
		if (st->weeks[i].seconds / 60 > maxm)
			maxm = st->weeks[i].seconds / 60;
	}
	sb_printf(b, "Sessions and minutes per week (last %d week%s, Monday to "
	    "Sunday)\n", st->nweeks, st->nweeks == 1 ? "" : "s");
	sb_printf(b, "  %-*s  %-*s  %s\n", lo->label, "week of", bar + ns + 1,
	    "sessions", "minutes");
	for (int i = 0; i < st->nweeks; i++) {
		const struct hstats_week *w = &st->weeks[i];
		week_label(st, lo, i, lab, sizeof lab);
		sb_printf(b, "  %-*s  ", lo->label, lab);
		sb_bar(b, (double)w->sessions, (double)maxs, bar);
		sb_printf(b, " %*lld  ", ns, (long long)w->sessions);
		sb_bar(b, (double)(w->seconds / 60), (double)maxm, bar);
		sb_printf(b, " %*lld\n", nm, (long long)(w->seconds / 60));
	}
}

static void
render_streaks(struct sbuf *b, const struct hstats *st)
{
	int y, m, d;

	sb_printf(b, "\nStreaks (days in a row with a completed session)\n");
	sb_printf(b, "  current: %d day%s%s\n", st->current_streak,
	    st->current_streak == 1 ? "" : "s",
	    st->current_streak > 0 && (st->ndays == 0 ||
	    st->days[st->ndays - 1] < st->today) ? " (none yet today)" : "");
	sb_printf(b, "  longest: %d day%s", st->longest_streak,
	    st->longest_streak == 1 ? "" : "s");
	if (st->longest_streak > 0) {
		calendar_civil_from_days(st->longest_end, &y, &m, &d);
		sb_printf(b, ", ending %04d-%02d-%02d", y, m, d);
	}
	sb_printf(b, "\n  all time: %lld session%s, %lld completed, %lld minutes\n",
	    (long long)st->sessions, st->sessions == 1 ? "" : "s",
	    (long long)st->completed, (long long)(st->seconds / 60));
}

/* Appends s fitted to cols columns (text_fit). */
static void
sb_fit(struct sbuf *b, const char *s, int cols)
{
	char buf[512];

	text_fit(s, cols, false, buf, sizeof buf);
	sb_printf(b, "%s", buf);
}

/* One line a routine, or two on a narrow page. */
static void
render_routines(struct sbuf *b, const struct hstats *st, const struct layout *lo)
{
	sb_printf(b, "\nSessions per routine (how many completed), and the last one\n");
	if (st->nroutines == 0)
		sb_printf(b, "  none yet\n");
	for (int i = 0; i < st->nroutines; i++) {
		const struct hstats_routine *r = &st->routines[i];
		sb_printf(b, "  ");
		if (lo->width < 78) {
			sb_fit(b, r->name, lo->width - 2);
			sb_printf(b, "\n   ");
		} else {
			sb_fit(b, r->id, 18);
			sb_printf(b, " ");
			sb_fit(b, r->name, 20);
		}
		sb_printf(b, " %5lld (%lld completed) last %.10s\n",
		    (long long)r->sessions, (long long)r->completed, r->last_start);
	}
}

/* The trend of one series (before or after means): first and last weeks. */
static void
render_trend(struct sbuf *b, const struct hstats *st, int after)
{
	int first = -1, last = -1;
	char l1[32], l2[32];

	for (int i = 0; i < st->nweeks; i++)
		if (after ? st->weeks[i].after_n : st->weeks[i].before_n) {
			if (first < 0)
				first = i;
			last = i;
		}
	if (first < 0 || first == last)
		return;
	const struct hstats_week *a = &st->weeks[first], *z = &st->weeks[last];
	double m1 = after ? a->after_sum / a->after_n : a->before_sum / a->before_n;
	double m2 = after ? z->after_sum / z->after_n : z->before_sum / z->before_n;
	enum safety_change c = safety_pain_change(m1, m2);
	static const struct layout iso = { 80, 0, 15, 10 };   /* "2026-W05" */
	week_label(st, &iso, first, l1, sizeof l1);
	week_label(st, &iso, last, l2, sizeof l2);
	sb_printf(b, "  trend %-6s %.1f (%.8s) -> %.1f (%.8s): %s\n",
	    after ? "after:" : "before:", m1, l1, m2, l2,
	    c == SAFETY_CHANGE_BETTER ? "a meaningful improvement" :
	    c == SAFETY_CHANGE_WORSE ? "a meaningful worsening" :
	    "no meaningful change");
}

/* A weekly mean: bars and "before 6.0  after 4.0", or, narrow, "6.0 -> 4.0". */
static void
pain_means(struct sbuf *b, const struct layout *lo, double mb, double ma)
{
	if (lo->narrow) {
		sb_printf(b, mb >= 0 ? "%4.1f -> " : "   - -> ", mb);
		sb_printf(b, ma >= 0 ? "%4.1f" : "   -", ma);
		return;
	}
	sb_printf(b, "before ");
	sb_bar(b, mb > 0 ? mb : 0, 10, lo->bar / 2);
	sb_printf(b, mb >= 0 ? " %4.1f" : "    -", mb);
	sb_printf(b, "  after ");
	sb_bar(b, ma > 0 ? ma : 0, 10, lo->bar / 2);
	sb_printf(b, ma >= 0 ? " %4.1f" : "    -", ma);
}

static void
render_pain(struct sbuf *b, const struct hstats *st, const struct layout *lo)
{
	int any = 0;
	char lab[32];

	sb_printf(b, "\nPain (0-10), weekly means before and after sessions\n");
	for (int i = 0; i < st->nweeks; i++) {
		const struct hstats_week *w = &st->weeks[i];
		if (w->before_n == 0 && w->after_n == 0)
			continue;
		double mb = w->before_n ? w->before_sum / w->before_n : -1;
		double ma = w->after_n ? w->after_sum / w->after_n : -1;
		if (!any++ && lo->narrow)
			sb_printf(b, "  %-*s  before -> after\n", lo->label, "week of");
		week_label(st, lo, i, lab, sizeof lab);
		sb_printf(b, "  %-*s  ", lo->label, lab);
		pain_means(b, lo, mb, ma);
		enum safety_change c = safety_pain_change(mb, ma);
		sb_printf(b, "%s\n", c == SAFETY_CHANGE_BETTER ? "  better *" :
		    c == SAFETY_CHANGE_WORSE ? "  worse *" : "");
	}
	if (!any) {
		sb_printf(b, "  no pain scores recorded in these weeks\n");
		return;
	}
	render_trend(b, st, 0);
	render_trend(b, st, 1);
	sb_printf(b, "  * a meaningful change: 2 points and 30 %% of the starting "
	    "score, or more.\n");
	if (safety_not_improving(st->first_pain_day, st->first_pain,
	    st->last_pain_day, st->last_pain))
		sb_printf(b, "\n%s\n", safety_not_improving_text);
}

char *
hstats_render(const struct hstats *st, int width)
{
	struct sbuf b = { NULL, 0, 0, 0 };
	struct layout lo = { width, width < NARROW_COLS, 15, (width - 40) / 2 };

	if (lo.narrow) {        /* the week rows fill the width */
		lo.label = 10;
		lo.bar = (width - 2 - lo.label - 2 - 4 - 2 - 6) / 2;
	}
	if (lo.bar < (lo.narrow ? 1 : 10))
		lo.bar = lo.narrow ? 1 : 10;
	if (lo.bar > 50)
		lo.bar = 50;
	b.p = malloc(b.cap = 4096);
	if (b.p == NULL)
		return NULL;
	b.p[0] = '\0';
	render_weeks(&b, st, &lo);
	render_streaks(&b, st);
	render_routines(&b, st, &lo);
	render_pain(&b, st, &lo);
	if (st->oom)
		sb_printf(&b, "\n(out of memory: some figures are incomplete)\n");
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}
