/*
 * report.c - the report's figures (report.h): a calendar of days, the
 * routines followed, and the newest notes, pain reports and red-flag
 * answers, summed from the records as they are read.  The dose changes
 * are report_dose.c's.
 *
 * Part of the pure core.
 */
#include "report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "report_keep.h"

int
report_init(struct report *r, int first_day, int last_day)
{
	memset(r, 0, sizeof *r);
	if (first_day > last_day)
		return -1;
	r->first_day = first_day;
	r->last_day = last_day;
	r->first_monday = calendar_week_monday(first_day);
	r->nweeks = (calendar_week_monday(last_day) - r->first_monday) / 7 + 1;
	if (r->nweeks > REPORT_MAX_WEEKS)
		return -1;
	r->days = calloc((size_t)r->nweeks * 7, sizeof *r->days);
	r->weeks = calloc((size_t)r->nweeks, sizeof *r->weeks);
	if (r->days == NULL || r->weeks == NULL)
		return -1;
	for (int i = 0; i < r->nweeks * 7; i++)
		r->days[i].pain_max = -1;
	r->first_pain = r->last_pain = -1;
	r->first_ever = INT_MAX;
	r->first_pain_t = INT64_MAX;
	r->last_pain_t = INT64_MIN;
	return 0;
}

/* The routine of id, listed on first sight; NULL when the list is full. */
static struct report_routine *
routine_of(struct report *r, const char *id, const char *name)
{
	for (int i = r->nroutines - 1; i >= 0; i--)
		if (strcmp(r->routines[i].id, id) == 0) {
			struct report_routine *p = &r->routines[i];
			if (strcmp(p->name, name) != 0)
				keep_set(r, &p->name, name);
			return p;
		}
	if (r->nroutines == REPORT_MAX_ROUTINES)
		return NULL;
	struct report_routine *p = &r->routines[r->nroutines];
	p->id = keep_dup(r, id);
	p->name = keep_dup(r, name);
	if (p->id == NULL || p->name == NULL) {
		free(p->id);
		free(p->name);
		memset(p, 0, sizeof *p);
		return NULL;
	}
	r->nroutines++;
	return p;
}

/* The period's first and last pain score: before, else after, for the
 * first; after, else before, for the last (as `stats` reads a trend). */
static void
add_pain_scores(struct report *r, struct report_day *d,
    const struct hist_session *s)
{
	int v[3] = { s->pain_before, s->pain_after, s->pain_max };

	for (int i = 0; i < 3; i++)
		if (v[i] > d->pain_max && v[i] <= 10)
			d->pain_max = v[i];
	/* The change from the first score to the last compares exercise
	 * sessions only, as the not-improving rule does: an ice or heat pack
	 * is often taken because the pain is high, and would skew it.  Its
	 * scores still count towards the day's highest. */
	if (s->kind == HK_PACK)
		return;
	int first = s->pain_before >= 0 ? s->pain_before : s->pain_after;
	int last = s->pain_after >= 0 ? s->pain_after : s->pain_before;
	if (first < 0 || first > 10 || last > 10)
		return;
	if (r->cur_w.t < r->first_pain_t) {
		r->first_pain_t = r->cur_w.t;
		r->first_pain = first;
	}
	if (r->cur_w.t >= r->last_pain_t) {
		r->last_pain_t = r->cur_w.t;
		r->last_pain = last;
	}
}

/* A session with something done: the calendar, its routine. */
static void
add_done(struct report *r, struct report_day *d, const struct hist_session *s)
{
	struct report_routine *p = routine_of(r, s->routine_id, s->routine_name);

	r->sessions++;
	r->seconds += s->duration_s;
	r->completed += s->status == HS_COMPLETED;
	d->sessions++;
	d->seconds += s->duration_s;
	d->completed += s->status == HS_COMPLETED;
	d->next[s->next_day]++;
	if (s->pain_before >= 0 && s->pain_after >= 0 && s->pain_before <= 10 &&
	    s->pain_after <= 10) {
		d->before_sum += s->pain_before;
		d->after_sum += s->pain_after;
		d->pairs++;
	}
	if (p == NULL) {
		r->more_routines++;
		return;
	}
	p->sessions++;
	p->completed += s->status == HS_COMPLETED;
	p->seconds += s->duration_s;
}

/* The notes and red-flag answers of a session. */
static void
add_lists(struct report *r, const struct hist_session *s)
{
	int i;

	if (*s->note) {
		r->notes_total++;
		if ((i = keep_slot(&r->cur_w, &r->notes[0].w, sizeof r->notes[0],
		    &r->nnotes, REPORT_KEEP_NOTES)) >= 0) {
			keep_set(r, &r->notes[i].routine, s->routine_name);
			keep_set(r, &r->notes[i].text, s->note);
		}
	}
	if (*s->flag || *s->checked) {
		r->flags_total++;
		if ((i = keep_slot(&r->cur_w, &r->flags[0].w, sizeof r->flags[0],
		    &r->nflags, REPORT_KEEP_FLAGS)) >= 0) {
			keep_set(r, &r->flags[i].flag, *s->flag ? s->flag : NULL);
			keep_set(r, &r->flags[i].checked, *s->checked ?
			    s->checked : NULL);
		}
	}
}

static void
add_session(struct report *r, const struct hist_session *s)
{
	for (int i = 0; i < r->cur_nex; i++) {
		free(r->cur_ex[i]);
		r->cur_ex[i] = NULL;
	}
	r->cur_nex = 0;
	if (s->day < r->first_ever)
		r->first_ever = s->day;
	r->cur_in = s->day >= r->first_day && s->day <= r->last_day;
	r->later += s->day > r->last_day;
	if (!r->cur_in)
		return;
	keep_when(r, &r->cur_w, s->start);
	keep_set(r, &r->cur_id, s->routine_id);
	keep_set(r, &r->cur_name, s->routine_name);
	struct report_day *d = &r->days[s->day - r->first_monday];
	add_pain_scores(r, d, s);
	if (s->kind == HK_PACK || s->status == HS_STOPPED) {
		r->packs += s->kind == HK_PACK;
		r->rests += s->kind != HK_PACK;
		d->rests++;
	} else if (s->worked_s <= 0) {
		r->empty++;
	} else {
		add_done(r, d, s);
	}
	add_lists(r, s);
}

/* Whether an E or P record is the current session's. */
static bool
is_current(const struct report *r, const struct hist_record *rec)
{
	return r->cur_in && r->cur_id != NULL &&
	    strcmp(r->cur_w.start, rec->key_start) == 0 &&
	    strcmp(r->cur_id, rec->key_routine) == 0;
}

static void
add_exercise(struct report *r, const struct hist_record *rec)
{
	int i = rec->ex_index - 1;

	if (!is_current(r, rec) || i < 0 || i >= REPORT_EX_MAX)
		return;
	for (; r->cur_nex <= i; r->cur_nex++) {
		r->cur_ex[r->cur_nex] = NULL;
		r->cur_status[r->cur_nex] = EXS_PENDING;
		r->cur_worked[r->cur_nex] = 0;
	}
	keep_set(r, &r->cur_ex[i], rec->e.name);
	r->cur_status[i] = rec->e.status;
	r->cur_worked[i] = rec->e.worked_s;
}

/*
 * The exercise a pain report came during.  A P line names no exercise,
 * only the seconds into the session (pauses left out), so it is found
 * from what the record does say, and only when that leaves one: the
 * exercise was reached; the work of the exercises before it (their
 * seconds worked, a second's rounding allowed) was done by then; a
 * report that stopped the exercise was not during a completed one; one
 * that ended the session was during the last exercise reached.
 */
static int
pain_exercise(const struct report *r, const struct hist_pain *p)
{
	int last = -1, found = -1, n = 0;
	int64_t before = 0;

	for (int k = 0; k < r->cur_nex; k++)
		if (r->cur_status[k] != EXS_PENDING)
			last = k;
	for (int k = 0; k <= last; k++) {
		bool ok = r->cur_status[k] != EXS_PENDING &&
		    before <= p->at_s + 1 && r->cur_ex[k] != NULL;
		if (p->step == HP_NEXT)
			ok &= r->cur_status[k] != EXS_COMPLETED;
		if (p->step == HP_END || p->step == HP_URGENT)
			ok &= k == last;
		before += r->cur_worked[k];
		if (ok) {
			found = k;
			n++;
		}
	}
	return n == 1 ? found : -1;
}

static void
add_pain(struct report *r, const struct hist_record *rec)
{
	if (!is_current(r, rec))
		return;
	struct report_when w = r->cur_w;

	w.seq = r->seq;                 /* one session's, in the order read */
	r->pains_total++;
	int i = keep_slot(&w, &r->pains[0].w, sizeof r->pains[0],
	    &r->npains, REPORT_KEEP_PAINS);
	if (i < 0)
		return;
	struct report_pain *p = &r->pains[i];
	int k = pain_exercise(r, &rec->p);
	keep_set(r, &p->routine, r->cur_name);
	keep_set(r, &p->exercise, k >= 0 ? r->cur_ex[k] : NULL);
	p->at_s = rec->p.at_s;
	p->score = rec->p.score;
	p->spreads = rec->p.spreads;
	p->step = rec->p.step;
}

/* How an exercise of the current session felt (an F line). */
static void
add_feedback(struct report *r, const struct hist_record *rec)
{
	int k = rec->ex_index - 1;

	if (!is_current(r, rec))
		return;
	struct report_when w = r->cur_w;

	w.seq = r->seq;
	r->feedback_total++;
	int i = keep_slot(&w, &r->feedback[0].w, sizeof r->feedback[0],
	    &r->nfeedback, REPORT_KEEP_FEEDBACK);
	if (i < 0)
		return;
	struct report_feedback *f = &r->feedback[i];
	keep_set(r, &f->routine, r->cur_name);
	keep_set(r, &f->exercise, k >= 0 && k < r->cur_nex ? r->cur_ex[k] : NULL);
	keep_set(r, &f->what, history_feedback_text(rec->feedback));
}

void
report_add(struct report *r, const struct hist_record *rec)
{
	r->seq++;
	switch (rec->type) {
	case HREC_SESSION:
		add_session(r, &rec->s);
		break;
	case HREC_EXERCISE:
		add_exercise(r, rec);
		break;
	case HREC_PAIN:
		add_pain(r, rec);
		break;
	case HREC_DOSE:
		report_add_dose(r, &rec->dose);
		break;
	case HREC_FEEDBACK:
		add_feedback(r, rec);
		break;
	default:
		break;
	}
}
