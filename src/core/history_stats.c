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
#include "history_index.h"
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
	safety_trend_init(&st->trend);
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

/* What the progression rule needs of a session. */
static struct progress_session
facts(const struct hist_session *s)
{
	return (struct progress_session){
		.completed = s->status == HS_COMPLETED,
		.stopped = s->status == HS_STOPPED,
		.pain_before = s->pain_before, .pain_after = s->pain_after,
		.pain_max = s->pain_max, .next_day = s->next_day,
	};
}

/* Keeps s among r's two latest exercise sessions that did some work. */
static void
add_recent(struct hstats_routine *r, const struct hist_session *s)
{
	int at = 0;

	if (s->kind != HK_EXERCISE || s->worked_s <= 0)
		return;
	while (at < r->nrecent && (r->recent_day[at] > s->day ||
	    (r->recent_day[at] == s->day &&
	    strcmp(r->recent_start[at], s->start) > 0)))
		at++;
	if (at >= 2)
		return;
	if (at == 0) {
		r->recent[1] = r->recent[0];
		r->recent_day[1] = r->recent_day[0];
		memcpy(r->recent_start[1], r->recent_start[0], sizeof r->recent_start[0]);
	}
	r->recent[at] = facts(s);
	r->recent_day[at] = s->day;
	text_copy(r->recent_start[at], sizeof r->recent_start[at], s->start);
	if (r->nrecent < 2)
		r->nrecent++;
}

void
hstats_dose_changed(struct hstats *st, const char *id)
{
	struct hstats_routine *r = (struct hstats_routine *)hstats_routine(st, id);

	if (r != NULL)
		r->nrecent = 0;
}

static void
add_routine(struct hstats *st, const struct hist_session *s)
{
	struct hstats_routine *r = hstats_routine_slot(st, s);

	if (r == NULL) {
		st->oom = 1;
		return;
	}
	r->sessions++;
	r->completed += s->status == HS_COMPLETED;
	add_recent(r, s);
	/* "last done": a stop for safety, or a session in which nothing was
	 * done, is not doing the routine */
	if (s->status == HS_STOPPED || s->worked_s <= 0)
		return;
	if (s->day > r->last_day || (s->day == r->last_day &&
	    strcmp(s->start, r->last_start) > 0)) {
		r->last_day = s->day;
		text_copy(r->last_start, sizeof r->last_start, s->start);
		if (strcmp(r->name, s->routine_name) != 0) {
			char *n = strdup(s->routine_name);
			if (n != NULL) {
				free(r->name);
				r->name = n;
			}
		}
	}
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

/* The pain before exercise sessions and their next mornings, for
 * whether pain improves: never an ice or heat pack's. */
static void
add_pain(struct hstats *st, const struct hist_session *s)
{
	if (s->kind != HK_EXERCISE)
		return;
	safety_trend_add(&st->trend, s->day, s->pain_before);
	if (s->next_day == NEXT_DAY_BETTER || s->next_day == NEXT_DAY_SAME ||
	    s->next_day == NEXT_DAY_WORSE)
		safety_trend_morning(&st->trend, s->day,
		    s->next_day == NEXT_DAY_BETTER ? SAFETY_MORNING_BETTER :
		    s->next_day == NEXT_DAY_WORSE ? SAFETY_MORNING_WORSE :
		    SAFETY_MORNING_SAME);
}

/*
 * What counts: a session dated after today is counted nowhere (and
 * reported); an ice or heat pack, a stop for safety and a session in
 * which nothing was done are counted apart; the rest are the sessions,
 * and only the completed ones make streaks.  The weekly pain means pair
 * the scores: only sessions with both a before and an after.
 */
void
hstats_add(struct hstats *st, const struct hist_session *s)
{
	if (s->day > st->today) {
		st->future++;
		return;
	}
	add_routine(st, s);
	add_pain(st, s);
	if (s->kind == HK_PACK) {
		st->packs++;
		st->pack_seconds += s->duration_s;
		return;
	}
	if (s->status == HS_STOPPED) {
		st->stopped++;
		return;
	}
	if (s->worked_s <= 0) {
		st->empty++;
		return;
	}
	st->sessions++;
	st->seconds += s->duration_s;
	if (s->status == HS_COMPLETED) {
		st->completed++;
		add_day(st, s->day);
	}
	int rel = s->day - st->first_monday;
	if (rel < 0 || rel >= 7 * st->nweeks)
		return;
	struct hstats_week *w = &st->weeks[rel / 7];
	w->sessions++;
	w->seconds += s->duration_s;
	if (s->pain_before >= 0 && s->pain_after >= 0) {
		w->before_sum += s->pain_before;
		w->before_n++;
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

void
history_feedback_init(struct hist_feedback *t, const char *routine_id)
{
	memset(t, 0, sizeof *t);
	t->routine_id = routine_id;
}

/* "Latest" is the last session rated in the order the records are fed:
 * the file's, which is time order unless two files were put together.
 * An F record counts when it follows its own session's S record. */
void
history_feedback_add(struct hist_feedback *t, const struct hist_record *rec)
{
	if (rec->type == HREC_SESSION) {
		t->in = strcmp(rec->s.routine_id, t->routine_id) == 0;
		text_copy(t->cur, sizeof t->cur, rec->s.start);
		t->fresh = true;
		if (t->in && rec->s.worked_s > 0) {     /* one more to judge */
			memcpy(t->full_before, t->full_last, sizeof t->full_before);
			memset(t->full_last, 0, sizeof t->full_last);
			t->ex_before = t->ex_last;
			t->ex_last = false;
		}
		return;
	}
	if (rec->type == HREC_EXERCISE && t->in &&
	    strcmp(rec->key_routine, t->routine_id) == 0 &&
	    strcmp(rec->key_start, t->cur) == 0)
		t->ex_last = true;
	if (rec->type == HREC_EXERCISE && t->in &&
	    strcmp(rec->key_routine, t->routine_id) == 0 &&
	    strcmp(rec->key_start, t->cur) == 0 &&
	    rec->ex_index >= 1 && rec->ex_index <= HIST_FEEDBACK_EX &&
	    rec->e.reps_planned > 0 && rec->e.reps_done >= rec->e.reps_planned) {
		t->full[rec->ex_index - 1]++;
		t->full_last[rec->ex_index - 1] = true;
		return;
	}
	if (rec->type != HREC_FEEDBACK || !t->in ||
	    strcmp(rec->key_routine, t->routine_id) != 0 ||
	    strcmp(rec->key_start, t->cur) != 0 ||
	    rec->ex_index > HIST_FEEDBACK_EX)
		return;
	if (t->fresh)
		memset(t->last, 0, sizeof t->last);
	t->fresh = false;
	t->count[rec->ex_index - 1][rec->feedback]++;
	t->last[rec->ex_index - 1] = rec->feedback;
}
