/*
 * history_render.c - the statistics as text (history_stats.h,
 * hstats_render): weekly bar charts, streaks and what was counted apart,
 * the routines, the pain trend with the meaningful-change rule; lines
 * fitted to a width.
 *
 * Part of the pure core.
 */
#include "history_stats.h"
#include "safety.h"
#include "text.h"
#include "words.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	sb_printf(b, "Sessions and minutes per week (last %d %s, Monday to "
	    "Sunday)\n", st->nweeks, plural(st->nweeks, "week", "weeks"));
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
	sb_printf(b, "  current: %d %s%s\n", st->current_streak,
	    plural(st->current_streak, "day", "days"),
	    st->current_streak > 0 && (st->ndays == 0 ||
	    st->days[st->ndays - 1] < st->today) ? " (none yet today)" : "");
	sb_printf(b, "  longest: %d %s", st->longest_streak,
	    plural(st->longest_streak, "day", "days"));
	if (st->longest_streak > 0) {
		calendar_civil_from_days(st->longest_end, &y, &m, &d);
		sb_printf(b, ", ending %04d-%02d-%02d", y, m, d);
	}
	sb_printf(b, "\n  all time: %lld %s, %lld completed, %lld %s\n",
	    (long long)st->sessions, plural(st->sessions, "session", "sessions"),
	    (long long)st->completed, (long long)(st->seconds / 60),
	    plural(st->seconds / 60, "minute", "minutes"));
	if (st->stopped > 0)
		sb_printf(b, "  stopped for your back's sake (not counted above): %lld\n",
		    (long long)st->stopped);
	if (st->empty > 0)
		sb_printf(b, "  ended before anything was done (not counted): %lld\n",
		    (long long)st->empty);
	if (st->packs > 0)
		sb_printf(b, "  ice and heat packs (no exercise, not counted): %lld, "
		    "%lld %s\n", (long long)st->packs,
		    (long long)(st->pack_seconds / 60),
		    plural(st->pack_seconds / 60, "minute", "minutes"));
	if (st->future > 0)
		sb_printf(b, "  dated after today, so not counted anywhere: %lld "
		    "(is a clock wrong?)\n", (long long)st->future);
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

	sb_printf(b, "\nPain (0-10), weekly means before and after sessions (those"
	    " with both)\n");
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
	} else {
		render_trend(b, st, 0);
		render_trend(b, st, 1);
		sb_printf(b, "  * a meaningful change: 2 points and 30%% of the "
		    "starting score, or more.\n");
	}
	if (safety_not_improving(&st->trend)) {
		char say[1024];
		safety_not_improving_say(&st->trend, say, sizeof say);
		sb_printf(b, "\n%s\n", say);
	}
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
