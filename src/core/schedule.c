/*
 * schedule.c - the days and weeks of a programme (schedule.h).
 */
#include "schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "safety.h"

static const char *const change_names[SCHED_CHANGE_COUNT] = {
	"none", "start", "next", "repeat", "back", "resume",
};

const char *
schedule_change_name(enum sched_change c)
{
	return c < SCHED_CHANGE_COUNT ? change_names[c] : "none";
}

int
schedule_change_find(const char *word)
{
	for (int i = 0; i < SCHED_CHANGE_COUNT; i++)
		if (strcmp(word, change_names[i]) == 0)
			return i;
	return -1;
}

bool
schedule_is_flare(const struct hist_session *s)
{
	if (s->kind != HK_EXERCISE)
		return false;
	return s->status == HS_STOPPED || s->pain_before >= SCHED_FLARE_PAIN ||
	    s->pain_max >= SCHED_FLARE_PAIN || s->next_day == NEXT_DAY_WORSE;
}

void
schedule_session_of(const struct hist_session *s, struct sched_session *out)
{
	memset(out, 0, sizeof *out);
	out->day = s->day;
	if (!calendar_instant(s->start, &out->at))
		out->at = 0;
	out->routine_id = s->routine_id;
	out->completed = s->kind == HK_EXERCISE && s->status == HS_COMPLETED &&
	    s->reason == HR_COMPLETED;
	out->flare = schedule_is_flare(s);
	out->flare_routine = s->kind == HK_EXERCISE && s->worked_s > 0 &&
	    safety_flare_routine(s->routine_id);
}

/* Whether week w has a flare-up routine in its plan. */
static bool
week_has_flare_routine(const struct prog_week *w)
{
	for (int i = 0; safety_flare_routines[i] != NULL; i++)
		if (programme_week_has(w, safety_flare_routines[i]))
			return true;
	return false;
}

/* Session s is a flare in week w: by its record, or as a flare-up
 * routine done in a week that has none (in six-weeks' first weeks and in
 * the flare-up programme one is the plan, and its version off the back
 * may stand in for it: not a flare). */
static bool
flared(const struct prog_week *w, const struct sched_session *s)
{
	return s->flare || (s->flare_routine && !week_has_flare_routine(w));
}

/* Copies a string into a fixed field, cut if it must be. */
static void
put(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src);
}

void
schedule_start(const struct programme *p, struct prog_state *st,
    const char *now)
{
	char rid[PROG_ID_MAX + 1] = "";
	int rweek = 0;

	if (p->resume && st->id[0] != '\0') {
		if (st->resume_id[0] != '\0') {         /* already paused one */
			put(rid, sizeof rid, st->resume_id);
			rweek = st->resume_week;
		} else if (strcmp(st->id, p->id) != 0) {
			put(rid, sizeof rid, st->id);
			rweek = st->week;
		}
	}
	memset(st, 0, sizeof *st);
	put(st->id, sizeof st->id, p->id);
	st->week = 1;
	put(st->began, sizeof st->began, now);
	put(st->started, sizeof st->started, now);
	st->change = SCHED_START;
	put(st->resume_id, sizeof st->resume_id, rid);
	st->resume_week = rweek;
}

/* Whether routine id is a training routine of any week of p. */
static bool
in_programme(const struct programme *p, const char *id)
{
	for (int i = 0; i < p->nweeks; i++)
		if (programme_week_has(&p->week[i], id))
			return true;
	return false;
}

/* The week begins again now. */
static void
begin_week(struct prog_state *st, const char *now, enum sched_change why)
{
	put(st->began, sizeof st->began, now);
	st->change = why;
}

/* Whether a session of routine id is one of week w's: its own routine,
 * or a flare-up routine standing in for the one the week plans (the
 * version off the back, for a person who is pregnant). */
static bool
counts_for(const struct prog_week *w, const char *id)
{
	return id != NULL && (programme_week_has(w, id) ||
	    (safety_flare_routine(id) && week_has_flare_routine(w)));
}

/* What the sessions since the week began (at `from`) say of week w. */
struct tally {
	int sessions;           /* distinct days with a completed one */
	int last_day;           /* the latest such day, or INT_MIN-ish */
	bool any;
};

static void
tally(const struct prog_week *w, const struct sched_session *v, int n,
    int64_t from, struct tally *t)
{
	memset(t, 0, sizeof *t);
	for (int i = 0; i < n; i++) {
		const struct sched_session *s = &v[i];
		if (!s->completed || s->at < from || !counts_for(w, s->routine_id))
			continue;
		bool seen = false;
		for (int j = 0; j < i && !seen; j++)
			seen = v[j].completed && v[j].at >= from && v[j].day == s->day &&
			    counts_for(w, v[j].routine_id);
		t->sessions += !seen;
		if (!t->any || s->day > t->last_day)
			t->last_day = s->day;
		t->any = true;
	}
}

/* The flare and gap rules: st changed, and what changed. */
static enum sched_change
apply_rules(const struct programme *p, struct prog_state *st,
    const struct sched_session *v, int n, int64_t begat, int began_day,
    int today, const char *now)
{
	const struct prog_week *w = &p->week[st->week - 1];
	struct tally t;

	for (int i = 0; i < n; i++)
		if (flared(w, &v[i]) && v[i].at >= begat) {
			st->week = st->week > 1 ? st->week - 1 : 1;
			begin_week(st, now, SCHED_BACK);
			return SCHED_BACK;
		}
	tally(w, v, n, begat, &t);
	int last = t.any && t.last_day > began_day ? t.last_day : began_day;
	if (t.sessions < programme_week_target(w) &&
	    today - last - 1 >= SCHED_GAP_DAYS) {
		begin_week(st, now, SCHED_REPEAT);
		return SCHED_REPEAT;
	}
	return SCHED_NONE;
}

int
schedule_today(const struct programme *p, struct prog_state *st,
    const struct sched_session *v, int n, const struct sched_feedback *fb,
    const char *now, struct sched_today *out)
{
	int today, began_day;
	int64_t nowat, begat;

	memset(out, 0, sizeof *out);
	if (p->nweeks < 1 || calendar_parse_date(now, &today) != 0 ||
	    !calendar_instant(now, &nowat) ||
	    calendar_parse_date(st->began, &began_day) != 0 ||
	    !calendar_instant(st->began, &begat))
		return -1;
	if (st->week < 1 || st->week > p->nweeks)
		st->week = st->week < 1 ? 1 : p->nweeks;
	out->change = apply_rules(p, st, v, n, begat, began_day, today, now);
	if (out->change != SCHED_NONE) {
		began_day = today;
		begat = nowat;
	}
	const struct prog_week *w = &p->week[st->week - 1];
	struct tally t;
	tally(w, v, n, begat, &t);
	bool flared_today = false;
	for (int i = 0; i < n; i++) {
		bool ours = v[i].routine_id && in_programme(p, v[i].routine_id);
		out->done |= v[i].day == today && v[i].completed && ours;
		flared_today |= v[i].day == today && flared(w, &v[i]);
	}
	out->week = st->week;
	out->nweeks = p->nweeks;
	out->day = today >= began_day ? today - began_day + 1 : 1;  /* a clock
	                                   put back: day 1, never day 0 */
	out->target = programme_week_target(w);
	out->sessions = t.sessions;
	out->week_done = t.sessions >= out->target;
	out->routine = programme_week_routine(w, programme_weekday(today));
	if ((out->week_done && !out->done) || flared_today)
		out->routine = NULL;    /* the week's work is done, or a flare */
	out->rest = w->rest;
	out->rest_routine = w->rest_routine;
	out->dose = w->dose;
	out->held = fb != NULL && (fb->too_hard > 0 || fb->hurt > 0);
	out->ready = out->week_done && !out->held &&
	    today - began_day >= SCHED_WEEK_DAYS;
	out->last_week = st->week >= p->nweeks;
	out->gap_days = t.any ? today - t.last_day - 1 : -1;
	return 0;
}

enum sched_next
schedule_next(const struct programme *p, struct prog_state *st,
    const struct sched_today *t, const char *now)
{
	if (!t->ready)
		return SCHED_NEXT_NOT_READY;
	if (st->week < p->nweeks) {
		st->week++;
		begin_week(st, now, SCHED_NEXT);
		return SCHED_NEXT_WEEK;
	}
	if (st->resume_id[0] == '\0')
		return SCHED_NEXT_FINISHED;
	put(st->id, sizeof st->id, st->resume_id);
	st->week = st->resume_week > 0 ? st->resume_week : 1;
	st->resume_id[0] = '\0';
	st->resume_week = 0;
	begin_week(st, now, SCHED_RESUME);
	return SCHED_NEXT_RESUMED;
}
