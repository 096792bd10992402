/*
 * dosing.c - the next dose of a routine, suggested and applied
 * (dosing.h).
 */
#include "dosing.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "history_stats.h"
#include "paths.h"
#include "routine_load.h"
#include "routine_text.h"
#include "safety.h"
#include "store.h"
#include "util.h"
#include "wall.h"

#define DOSING_WEEK 7      /* days between two steps up, at least */
#define SAFETY_FLARE_PAIN 6 /* pain before a session that says a flare */

/* What one pass over the history gathers for one routine. */
struct scan {
	const struct routine *r;
	struct hstats st;       /* its sessions only */
	struct dose *start;     /* per exercise: the dose before any change */
	bool *found;
	int nchanges;
	int last_change;        /* the day of its latest dose change, or -1 */
	int today;
	bool flare;             /* in the last week, any routine: pain of 6 or
	                           more before a session, a stop for pain, or
	                           the flare-up routine (for another routine) */
	struct hist_feedback fb;        /* how its exercises felt */
};

/* A session of a flare-up routine in which something was done, when
 * the routine dosed is not one: a bad day, so no step up this week.  The
 * flare-up routines' own doses grow by the ordinary rule (six-weeks has
 * the gentle one for two weeks; their ceilings are the NHS ranges' high
 * end). */
static bool
flare_routine_done(const struct scan *sc, const struct hist_session *s)
{
	return s->kind == HK_EXERCISE && s->worked_s > 0 &&
	    safety_flare_routine(s->routine_id) &&
	    !safety_flare_routine(sc->r->id);
}

/* Whether record rec, of the last week, shows a flare. */
static void
flare_seen(struct scan *sc, const struct hist_record *rec)
{
	char date[11];
	int day;

	if (rec->type == HREC_SESSION && sc->today - rec->s.day < DOSING_WEEK &&
	    (rec->s.pain_before >= SAFETY_FLARE_PAIN || rec->s.reason == HR_PAIN ||
	    flare_routine_done(sc, &rec->s)))
		sc->flare = true;
	if (rec->type != HREC_PAIN || rec->p.step < HP_NEXT)
		return;
	snprintf(date, sizeof date, "%s", rec->key_start);
	if (calendar_parse_date(date, &day) == 0 && sc->today - day < DOSING_WEEK)
		sc->flare = true;
}

static void
scan_fn(const struct hist_record *rec, long line, void *arg)
{
	struct scan *sc = arg;

	(void)line;
	history_feedback_add(&sc->fb, rec);
	flare_seen(sc, rec);
	if (rec->type == HREC_SESSION &&
	    strcmp(rec->s.routine_id, sc->r->id) == 0)
		hstats_add(&sc->st, &rec->s);
	if (rec->type != HREC_DOSE || strcmp(rec->dose.routine_id, sc->r->id) != 0)
		return;
	hstats_dose_changed(&sc->st, sc->r->id);        /* a new dose: count anew */
	sc->nchanges++;
	char date[11];
	int day;
	snprintf(date, sizeof date, "%s", rec->dose.at);
	if (calendar_parse_date(date, &day) == 0 && day > sc->last_change)
		sc->last_change = day;
	for (int i = 0; i < sc->r->nex; i++) {
		if (sc->found[i] || strcmp(sc->r->ex[i].name, rec->dose.ex_name) != 0)
			continue;
		if (dose_parse_reps(rec->dose.from_reps, &sc->start[i])) {
			sc->start[i].hold = rec->dose.from_hold;
			sc->found[i] = true;
		}
	}
}

/* No step up in a flare, or within a week of the last change. */
static void
hold_back(struct dosing *d, const struct scan *sc)
{
	if (d->dir > 0 && sc->flare) {
		static const struct progress_advice flare = { PROGRESS_REPEAT,
			"In the last week your pain was 6 or more before a session, "
			"a session or exercise stopped for pain, or you did a "
			"flare-up routine: no step up until a week without that.",
		};
		d->advice = flare;
		d->dir = 0;
	}
	if (d->dir > 0 && sc->last_change >= 0 &&
	    sc->today - sc->last_change < DOSING_WEEK) {
		static const struct progress_advice week = { PROGRESS_REPEAT,
			"Your dose changed less than a week ago: repeat it for "
			"now; one step up a week at most.",
		};
		d->advice = week;
		d->dir = 0;
	}
}

/* Only the work done counts: a step up for an exercise needs every rep or
 * hold of it done in each of the last two sessions that are judged.  An
 * exercise past what the ratings keep, or a session that recorded no
 * exercises (a history from before they were), is not held to it. */
static bool
done_in_full(const struct hist_feedback *fb, int ex)
{
	return ex >= HIST_FEEDBACK_EX ||
	    ((fb->full_last[ex] || !fb->ex_last) &&
	    (fb->full_before[ex] || !fb->ex_before));
}

/* A step up for one exercise only: of those that could take one, the one
 * most often rated too easy, then the one most often done in full, then
 * the first (progress_choose); the others wait.  With several, the
 * chosen one keeps its counts, for the text to explain the choice. */
static void
one_at_a_time(struct dosing *d, const struct hist_feedback *fb)
{
	struct progress_pick *pk = xcalloc((size_t)d->n + 1, sizeof *pk);
	int *at = xcalloc((size_t)d->n + 1, sizeof *at);
	int m = 0;

	for (int i = 0; i < d->n; i++) {
		const struct dosing_ex *x = &d->v[i];
		if (x->step != DOSE_CHANGED && x->step != DOSE_SUGGESTED)
			continue;
		bool counted = x->ex < HIST_FEEDBACK_EX;
		pk[m] = (struct progress_pick){ counted ? fb->count[x->ex][FB_EASY] :
		    0, counted ? fb->full[x->ex] : 0 };
		at[m++] = i;
	}
	int c = progress_choose(pk, m);
	int pick = c >= 0 ? at[c] : -1;
	if (m > 1)
		d->v[pick].easy = pk[c].easy, d->v[pick].full = pk[c].full;
	d->napply = d->nsuggest = 0;
	for (int i = 0; i < d->n; i++) {
		struct dosing_ex *x = &d->v[i];
		if ((x->step == DOSE_CHANGED || x->step == DOSE_SUGGESTED) &&
		    i != pick)
			x->step = DOSE_WAIT;
		d->napply += x->step == DOSE_CHANGED;
		d->nsuggest += x->step == DOSE_SUGGESTED;
	}
	free(pk);
	free(at);
}

void
dosing_plan(struct dosing *d, const struct routine *r, const char *history,
    int today, struct diags *dg)
{
	struct scan sc = { .r = r, .last_change = -1, .today = today };

	memset(d, 0, sizeof *d);
	sc.start = xcalloc((size_t)r->nex + 1, sizeof *sc.start);
	sc.found = xcalloc((size_t)r->nex + 1, sizeof *sc.found);
	history_feedback_init(&sc.fb, r->id);
	if (hstats_init(&sc.st, today, 1) != 0)
		oom();
	int rc = store_read(history, scan_fn, &sc, dg, NULL);
	hstats_finish(&sc.st);
	const struct hstats_routine *hr = hstats_routine(&sc.st, r->id);
	d->advice = progress_rule(hr && rc == 0 ? hr->recent : NULL,
	    hr && rc == 0 ? hr->nrecent : 0);
	if (hr != NULL && rc == 0) {
		d->nrecent = hr->nrecent;
		memcpy(d->recent, hr->recent, sizeof d->recent);
		memcpy(d->recent_start, hr->recent_start, sizeof d->recent_start);
	}
	d->dir = d->advice.what == PROGRESS_UP ? 1 :
	    d->advice.what == PROGRESS_DOWN ? -1 : 0;
	hold_back(d, &sc);
	d->nchanges = sc.nchanges;
	d->v = xcalloc((size_t)r->nex + 1, sizeof *d->v);
	for (int i = 0; i < r->nex; i++) {
		const struct exercise *e = &r->ex[i];
		struct dosing_ex *x = &d->v[d->n];
		if (exercise_kind(e) != EX_HOLD && exercise_kind(e) != EX_TEMPO)
			continue;
		x->ex = i;
		x->easy = x->full = -1;
		dose_of(e, &x->now);
		x->start = sc.found[i] ? sc.start[i] : x->now;
		x->step = d->dir ? dose_step(e, &x->start, d->dir, &x->next) : DOSE_FIXED;
		x->felt = i < HIST_FEEDBACK_EX ? sc.fb.last[i] : FB_NONE;
		bool up = d->dir > 0 &&
		    (x->step == DOSE_CHANGED || x->step == DOSE_SUGGESTED);
		if (up && (x->felt == FB_HARD || x->felt == FB_HURT))
			x->step = DOSE_HELD;
		else if (up && !done_in_full(&sc.fb, i))
			x->step = DOSE_NOT_FULL;
		d->napply += x->step == DOSE_CHANGED;
		d->nsuggest += x->step == DOSE_SUGGESTED;
		d->n++;
	}
	if (d->dir > 0)
		one_at_a_time(d, &sc.fb);
	hstats_free(&sc.st);
	free(sc.start);
	free(sc.found);
}

/* The value text of x's next reps: "[6, 4, 2]" for a sets array, else a
 * count. */
static char *
reps_value(const struct exercise *e, const struct dose *next)
{
	if (e->nsets == 0)
		return xasprintf("%lld", (long long)next->reps[0]);
	char *out = xstrdup("[");
	for (int s = 0; s < next->nsets; s++) {
		char *n = xasprintf("%s%s%lld", out, s ? ", " : "",
		    (long long)next->reps[s]);
		free(out);
		out = n;
	}
	char *n = xasprintf("%s]", out);
	free(out);
	return n;
}

/* Sets one value in *text: 0, or -1 with the reason in dg. */
static int
set_value(char **text, size_t *len, const struct exercise *e, int k,
    const char *value, struct diags *dg, const char *file)
{
	size_t n;
	char *out = e->has[k] ? routine_text_set(*text, *len, e->line[k],
	    exercise_settings[k].name, value, &n) : NULL;

	if (out == NULL) {
		diags_add(dg, DIAG_ERROR, file, e->has[k] ? e->line[k] : e->group_line,
		    "cannot change '%s' of '%s' here: write it as '%s = ...;' on one "
		    "line", exercise_settings[k].name, e->name,
		    exercise_settings[k].name);
		return -1;
	}
	free(*text);
	*text = out;
	*len = n;
	return 0;
}

/* The routine's text with every step applied; NULL with the reason in
 * dg. */
static char *
changed_text(const struct dosing *d, const struct routine *r, const char *text,
    size_t len, size_t *outlen, struct diags *dg)
{
	char *out = xstrdup(text);

	*outlen = len;
	for (int i = 0; i < d->n; i++) {
		const struct dosing_ex *x = &d->v[i];
		const struct exercise *e = &r->ex[x->ex];
		if (x->step != DOSE_CHANGED)
			continue;
		if (e->file != NULL && strcmp(e->file, r->path) != 0) {
			diags_add(dg, DIAG_ERROR, e->file, e->group_line, "the dose of "
			    "'%s' is in an included file: change it there", e->name);
			free(out);
			return NULL;
		}
		int rc;
		if (x->next.hold != x->now.hold) {
			char *v = xasprintf("%g", x->next.hold);
			rc = set_value(&out, outlen, e, XS_hold, v, dg, r->path);
			free(v);
		} else {
			char *v = reps_value(e, &x->next);
			rc = set_value(&out, outlen, e, e->nsets ? XS_sets : XS_reps, v,
			    dg, r->path);
			free(v);
		}
		if (rc != 0) {
			free(out);
			return NULL;
		}
	}
	return out;
}

/* Whether the new text loads, valid, with exactly the planned doses: 0,
 * or -1 with the reason in dg. */
static int
comes_out_as_planned(const struct dosing *d, const char *text, size_t len,
    const char *from, const char *target, const char *incdir, struct diags *dg)
{
	struct routine nr;
	int loaded = routine_load_text(&nr, text, len, from, target, incdir, dg);
	bool same = loaded == 0;

	for (int i = 0; same && i < d->n; i++) {
		const struct dosing_ex *x = &d->v[i];
		struct dose got;
		if (x->ex >= nr.nex)
			same = false;
		else if (dose_of(&nr.ex[x->ex], &got),
		    !dose_equal(&got, x->step == DOSE_CHANGED ? &x->next : &x->now))
			same = false;
	}
	if (loaded == 0 && !same)
		diags_add(dg, DIAG_ERROR, target, 0, "the change did not come out "
		    "as planned; nothing was written");
	routine_free(&nr);
	return same ? 0 : -1;
}

/* Records the applied steps as D lines: 0, or -1 (dg). */
static int
record_changes(const struct dosing *d, const struct routine *r,
    const char *history, struct diags *dg)
{
	struct hist_dose *v = xcalloc((size_t)d->n + 1, sizeof *v);
	char at[HISTORY_START_LEN + 1], (*reps)[2][512] = xcalloc((size_t)d->n + 1,
	    sizeof *reps);
	int n = 0;

	wall_iso(wall_now(), at);
	for (int i = 0; i < d->n; i++) {
		const struct dosing_ex *x = &d->v[i];
		if (x->step != DOSE_CHANGED)
			continue;
		dose_reps_text(&x->now, reps[n][0], sizeof reps[n][0]);
		dose_reps_text(&x->next, reps[n][1], sizeof reps[n][1]);
		v[n] = (struct hist_dose){
			.at = at, .routine_id = r->id, .ex = x->ex + 1,
			.ex_name = r->ex[x->ex].name, .from_reps = reps[n][0],
			.to_reps = reps[n][1], .from_hold = x->now.hold,
			.to_hold = x->next.hold, .up = d->dir > 0,
		};
		n++;
	}
	int rc = store_doses(history, v, n, dg);
	free(v);
	free(reps);
	return rc;
}

/* Installs the new text at target and records the change, both or
 * neither: a change the history does not hold would be offered, and
 * made, again.  0, or -1 (dg) with the file as it was. */
static int
install_and_record(const struct dosing *d, const struct routine *r,
    const char *history, const char *target, int create, const char *old,
    size_t oldlen, const char *out, size_t newlen, struct diags *dg)
{
	if (store_writable(history, dg) != 0) {
		diags_add(dg, DIAG_ERROR, target, 0, "not changed: the change could "
		    "not be recorded in the history");
		return -1;
	}
	if (file_install(target, out, newlen, create, dg) != 0)
		return -1;
	if (record_changes(d, r, history, dg) == 0)
		return 0;
	int undone = create ? unlink(target) : file_install(target, old, oldlen,
	    0, dg);
	diags_add(dg, DIAG_ERROR, target, 0, undone == 0 ? "not changed: the "
	    "change could not be recorded in the history, so it was undone" :
	    "changed, but the change could not be recorded in the history, nor "
	    "undone: check the dose in this file before the next session");
	return -1;
}

int
dosing_apply(const struct dosing *d, const struct routine *r,
    const char *history, char **where, struct diags *dg)
{
	size_t len, newlen;
	char real[PATH_MAX];

	*where = NULL;
	if (d->napply == 0) {
		diags_add(dg, DIAG_ERROR, r->path, 0, "no change of dose to make");
		return -1;
	}
	int bundled = paths_is_bundled(r->path);
	char *user = bundled ? paths_user_routines() : NULL;
	char *target = bundled ? xasprintf("%s/%s.cfg", user, r->id) :
	    xstrdup(realpath(r->path, real) ? real : r->path);
	char *dir = xstrdup(r->path);
	char *text = file_read(r->path, FILE_MAX_BYTES, 0, &len, dg);
	char *out = text ? changed_text(d, r, text, len, &newlen, dg) : NULL;
	int rc = -1;

	if (out != NULL && comes_out_as_planned(d, out, newlen, r->path, target,
	    dirname(dir), dg) == 0) {
		/* the file must still be what the plan was made from */
		size_t nowlen;
		char *now = file_read(r->path, FILE_MAX_BYTES, 0, &nowlen, dg);
		if (now == NULL || nowlen != len || memcmp(now, text, len) != 0)
			diags_add(dg, DIAG_ERROR, r->path, 0, "changed meanwhile; "
			    "nothing was written");
		else
			rc = install_and_record(d, r, history, target, bundled, text,
			    len, out, newlen, dg);
		free(now);
	}
	if (rc == 0)
		*where = target;
	else
		free(target);
	free(user);
	free(dir);
	free(text);
	free(out);
	return rc;
}

void
dosing_free(struct dosing *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}
