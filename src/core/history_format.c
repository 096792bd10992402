/*
 * history_format.c - records as text: the lines of the history file, its
 * escapes, and the sentences the screens say about a session.
 *
 * Part of the pure core; the line format is described in history.h.
 */
#include "history.h"

#include <stdio.h>
#include <string.h>

#include "safety.h"

void
history_pain_summary(int before, int after, char *buf, size_t len)
{
	enum safety_change c = safety_pain_change(before, after);

	if (before < 0 || after < 0)
		snprintf(buf, len, "%s", "");
	else if (c == SAFETY_CHANGE_BETTER)
		snprintf(buf, len, "Pain %d -> %d since you started: a fall of 2 "
		    "points and 30%% or more. How your back feels over the next days "
		    "says more than one session.", before, after);
	else if (c == SAFETY_CHANGE_WORSE)
		snprintf(buf, len, "Pain %d -> %d since you started: a rise of 2 "
		    "points and 30%% or more. See how your back feels tomorrow "
		    "morning; if it is still worse, do less next time.", before,
		    after);
	else
		snprintf(buf, len, "Pain %d -> %d since you started: no meaningful "
		    "change (that needs 2 points and 30%% of where you started).",
		    before, after);
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

/* s with TAB, LF, CR and backslash escaped: the runs between them put
 * whole (a call per character cost a history export most of its time). */
static void
put_text(struct out *o, const char *s)
{
	while (s != NULL && *s != '\0') {
		size_t n = strcspn(s, "\t\n\r\\");
		put(o, s, n);
		if (s[n] == '\0')
			break;
		put(o, s[n] == '\t' ? "\\t" : s[n] == '\n' ? "\\n" :
		    s[n] == '\r' ? "\\r" : "\\\\", 2);
		s += n + 1;
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

/* NUL-terminates what fits of o in buf, and returns the length needed. */
static size_t
finish(struct out *o)
{
	if (o->cap > 0)
		o->buf[o->len < o->cap ? o->len : o->cap - 1] = '\0';
	return o->len;
}

size_t
history_escape(const char *src, char *dst, size_t cap)
{
	struct out o = { dst, cap, 0 };

	put_text(&o, src);
	return finish(&o);
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

/* A pain score field: empty when none. */
static void
put_pain(struct out *o, int v)
{
	put(o, "\t", 1);
	if (v >= 0)
		put_int(o, v, false);
}

static void
put_pain_report(struct out *o, const struct hist_session *s, int i)
{
	const struct hist_pain *p = &s->pains[i];

	put(o, "P", 1);
	put_field(o, s->start);
	put_field(o, s->routine_id);
	put_int(o, p->at_s, true);
	put_int(o, p->score, true);
	put_int(o, p->spreads, true);
	put_field(o, history_pain_step_name(p->step));
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
	put_pain(&o, s->pain_before);
	put_pain(&o, s->pain_after);
	put_field(&o, s->note);
	put_field(&o, s->flag ? s->flag : "");
	put_field(&o, s->checked ? s->checked : "");
	put_pain(&o, s->pain_max);
	put_field(&o, history_kind_name(s->kind));
	put_field(&o, s->sid);
	put(&o, "\n", 1);
	for (int i = 0; i < s->nex; i++)
		put_exercise(&o, s, i);
	for (int i = 0; i < s->npains; i++)
		put_pain_report(&o, s, i);
	return finish(&o);
}

size_t
history_format_amend(const struct hist_session *s, char *buf, size_t cap)
{
	struct out o = { buf, cap, 0 };

	put(&o, "A", 1);
	put_field(&o, s->start);
	put_field(&o, s->routine_id);
	put_pain(&o, s->pain_after);
	put_field(&o, s->note);
	put_field(&o, s->sid);
	put(&o, "\n", 1);
	return finish(&o);
}


size_t
history_format_next_day(const struct hist_session *s, char *buf, size_t cap)
{
	struct out o = { buf, cap, 0 };

	put(&o, "N", 1);
	put_field(&o, s->start);
	put_field(&o, s->routine_id);
	put_field(&o, history_next_day_name(s->next_day));
	put_field(&o, s->sid);
	put(&o, "\n", 1);
	return finish(&o);
}

size_t
history_format_feedback(const struct hist_session *s, char *buf, size_t cap)
{
	struct out o = { buf, cap, 0 };

	for (int i = 0; i < s->nex; i++) {
		if (s->ex[i].feedback == FB_NONE)
			continue;
		put(&o, "F", 1);
		put_field(&o, s->start);
		put_field(&o, s->routine_id);
		put_int(&o, i + 1, true);
		put_field(&o, history_feedback_name(s->ex[i].feedback));
		put_field(&o, s->sid);
		put(&o, "\n", 1);
	}
	return finish(&o);
}

/* A hold in seconds as the file writes it: empty for none, else %g. */
static void
put_hold(struct out *o, double hold)
{
	char b[32];

	put(o, "\t", 1);
	if (hold > 0)
		put(o, b, (size_t)snprintf(b, sizeof b, "%g", hold));
}

size_t
history_format_dose(const struct hist_dose *d, char *buf, size_t cap)
{
	struct out o = { buf, cap, 0 };

	put(&o, "D", 1);
	put_field(&o, d->at);
	put_field(&o, d->routine_id);
	put_int(&o, d->ex, true);
	put_field(&o, d->ex_name);
	put_field(&o, d->from_reps);
	put_hold(&o, d->from_hold);
	put_field(&o, d->to_reps);
	put_hold(&o, d->to_hold);
	put_field(&o, d->up ? "up" : "down");
	put(&o, "\n", 1);
	return finish(&o);
}
