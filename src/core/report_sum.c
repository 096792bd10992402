/*
 * report_sum.c - the report finished (weeks summed from days, lists
 * newest first), freed, and the words and rules its renderers share
 * (report.h).
 *
 * Part of the pure core.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_keep.h"
#include "safety.h"
#include "sbuf.h"

enum report_day_kind
report_day_kind(const struct report *r, int i)
{
	const struct report_day *d = &r->days[i];
	int day = r->first_monday + i;

	if (day < r->first_day || day > r->last_day || day < r->first_ever)
		return RD_OUTSIDE;
	if (d->completed > 0)
		return RD_DONE;
	if (d->sessions > 0)
		return RD_PARTLY;
	if (d->rests > 0)
		return RD_REST;
	return day == r->last_day ? RD_OUTSIDE : RD_MISSED;    /* today is
	                                           not over */
}

const char *
report_day_word(enum report_day_kind k)
{
	static const char *const w[RD_KIND_COUNT] = { "not counted",
	    "missed", "rest day", "partly done", "done" };

	return k < RD_KIND_COUNT ? w[k] : "";
}

char
report_day_mark(enum report_day_kind k)
{
	static const char m[RD_KIND_COUNT] = { ' ', '.', 'r', 'p', 'X' };

	return k < RD_KIND_COUNT ? m[k] : '?';
}

const char *
report_next_word(enum next_day n)
{
	static const char *const w[NEXT_DAY_COUNT] = { "not asked", "better",
	    "same", "worse", "not answered" };

	return n < NEXT_DAY_COUNT ? w[n] : "";
}

/* The smallest change that is meaningful from base (safety_pain_change):
 * 2 points, and 30 % of base when that is more. */
void
report_band(double base, double *lo, double *hi)
{
	double step = base * 0.3 > 2 ? base * 0.3 : 2;

	*lo = base - step < 0 ? 0 : base - step;
	*hi = base + step > 10 ? 10 : base + step;
}

static void
sum_week(struct report *r, int w)
{
	struct report_week *k = &r->weeks[w];

	memset(k, 0, sizeof *k);
	k->monday = r->first_monday + 7 * w;
	k->pain_max = -1;
	for (int i = 7 * w; i < 7 * w + 7; i++) {
		const struct report_day *d = &r->days[i];
		k->sessions += d->sessions;
		k->completed += d->completed;
		k->seconds += d->seconds;
		k->before_sum += d->before_sum;
		k->after_sum += d->after_sum;
		k->pairs += d->pairs;
		if (d->pain_max > k->pain_max)
			k->pain_max = d->pain_max;
		for (int n = 0; n < NEXT_DAY_COUNT; n++)
			k->next[n] += d->next[n];
		enum report_day_kind kind = report_day_kind(r, i);
		k->done_days += kind == RD_DONE;
		k->partly_days += kind == RD_PARTLY;
		k->rest_days += kind == RD_REST;
		k->missed_days += kind == RD_MISSED;
	}
}

void
report_finish(struct report *r)
{
	for (int w = 0; w < r->nweeks; w++)
		sum_week(r, w);
	keep_sort(&r->notes[0].w, sizeof r->notes[0], r->nnotes);
	keep_sort(&r->pains[0].w, sizeof r->pains[0], r->npains);
	keep_sort(&r->flags[0].w, sizeof r->flags[0], r->nflags);
	keep_sort(&r->feedback[0].w, sizeof r->feedback[0], r->nfeedback);
	for (int i = 0; i < r->nexercises; i++)
		keep_sort(&r->exercises[i].changes[0].w,
		    sizeof r->exercises[i].changes[0], r->exercises[i].nchanges);
	for (int i = 0; i < r->nexercises; i++) {
		struct report_exercise *e = &r->exercises[i];
		for (int k = 0; k < r->nroutines; k++)
			if (strcmp(r->routines[k].id, e->routine_id) == 0)
				keep_set(r, &e->routine, r->routines[k].name);
	}
}

static void
free_exercise(struct report_exercise *e)
{
	free(e->routine_id);
	free(e->routine);
	free(e->name);
	free(e->start_reps);
	for (int k = 0; k < e->nchanges; k++) {
		free(e->changes[k].from_reps);
		free(e->changes[k].to_reps);
	}
}

void
report_free(struct report *r)
{
	for (int i = 0; i < r->nroutines; i++) {
		free(r->routines[i].id);
		free(r->routines[i].name);
		free(r->routines[i].source);
	}
	for (int i = 0; i < r->nnotes; i++) {
		free(r->notes[i].routine);
		free(r->notes[i].text);
	}
	for (int i = 0; i < r->npains; i++) {
		free(r->pains[i].routine);
		free(r->pains[i].exercise);
	}
	for (int i = 0; i < r->nflags; i++) {
		free(r->flags[i].flag);
		free(r->flags[i].checked);
	}
	for (int i = 0; i < r->nfeedback; i++) {
		free(r->feedback[i].routine);
		free(r->feedback[i].exercise);
		free(r->feedback[i].what);
	}
	for (int i = 0; i < r->nexercises; i++)
		free_exercise(&r->exercises[i]);
	for (int i = 0; i < REPORT_EX_MAX; i++)
		free(r->cur_ex[i]);
	free(r->cur_name);
	free(r->cur_id);
	free(r->days);
	free(r->weeks);
	memset(r, 0, sizeof *r);
}

const char *
report_pain_step_word(enum hist_pain_step st)
{
	static const char *const w[HP_COUNT] = { "carried on",
	    "carried on gently", "stopped the exercise", "ended the session",
	    "urgent advice given" };

	return st < HP_COUNT ? w[st] : "";
}

/* The words of one id: a red flag's, or those of a sign the pain key
 * asks about during a session (screen_session.c records them). */
static const char *
flag_words(const char *id)
{
	int f = safety_flag_find(id);

	if (f >= 0)
		return safety_red_flags[f].text;
	if (strcmp(id, "numbness-during") == 0)
		return "during a session: numbness or weakness in both legs, the "
		    "genitals or bottom, or bladder or bowel problems";
	if (strcmp(id, "one-leg-during") == 0)
		return "during a session: new numbness or weakness in one leg";
	return id;                      /* not known: as the file has it */
}

void
report_flag_text(const char *ids, struct sbuf *b)
{
	char id[64];

	/* several signs answered at once are joined by commas */
	for (const char *p = ids; *p; ) {
		size_t n = strcspn(p, ",");
		snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), p);
		sb_printf(b, "%s%s", p == ids ? "" : "; ", flag_words(id));
		p += n + (p[n] == ',');
	}
}

void
report_dose_text(const char *reps, double hold, char *buf, size_t len)
{
	int sets = 1;

	for (const char *p = reps; p && *p; p++)
		sets += *p == ',';
	if (reps == NULL || *reps == '\0')
		snprintf(buf, len, "?");
	else if (hold > 0)
		snprintf(buf, len, "%d %s of %s, hold %g s", sets,
		    sets == 1 ? "set" : "sets", reps, hold);
	else
		snprintf(buf, len, "%d %s of %s", sets, sets == 1 ? "set" : "sets",
		    reps);
}

void
report_date(const char *start, char *buf, size_t len)
{
	snprintf(buf, len, "%.10s %.5s", start, strlen(start) > 11 ?
	    start + 11 : "");
}

void
report_day_text(int day, char *buf, size_t len)
{
	int y, m, d;

	calendar_civil_from_days(day, &y, &m, &d);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
}

void
report_trend_text(const struct report *r, char *buf, size_t len)
{
	double lo, hi;

	if (r->first_pain < 0) {
		snprintf(buf, len, "No pain scores in this period.");
		return;
	}
	report_band(r->first_pain, &lo, &hi);
	enum safety_change c = safety_pain_change(r->first_pain, r->last_pain);
	snprintf(buf, len, "First score %d/10, last %d/10: %s. From %d, a "
	    "score between %.1f and %.1f is no meaningful change (a change is "
	    "meaningful at 2 points and 30%% of the first score, both).",
	    r->first_pain, r->last_pain, c == SAFETY_CHANGE_BETTER ?
	    "meaningfully better" : c == SAFETY_CHANGE_WORSE ?
	    "meaningfully worse" : "no meaningful change", r->first_pain, lo,
	    hi);
}
