/*
 * routine.c - the routine model: defaults, accessors and validation.
 *
 * Part of the pure core.  The loader records what was written and where;
 * this file decides whether it makes sense, so the rules can be tested
 * without libconfig and read in one place.
 */
#include "routine.h"
#include "position.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define X_INFO(n, t, m, d) { #n, t, m, d },
const struct setting_info routine_settings[RS_COUNT] = {
	ROUTINE_SETTINGS(X_INFO)
};
const struct setting_info exercise_settings[XS_COUNT] = {
	EXERCISE_SETTINGS(X_INFO)
};
#undef X_INFO

void
routine_init(struct routine *r)
{
	memset(r, 0, sizeof *r);
	r->version = -1;
	r->lead_in = ROUTINE_DEFAULT_LEAD_IN;
	r->rest = ROUTINE_DEFAULT_REST;
}

static void
exercise_free(struct exercise *e)
{
	free(e->name);
	free(e->cue);
	free(e->caution);
	for (int i = 0; i < e->nphases; i++)
		free(e->phases[i]);
	for (int i = 0; i < 2; i++) {
		free(e->side_names[i]);
		free(e->easier[i]);
		free(e->harder[i]);
	}
	free(e->source);
	free(e->figure);
	free(e->position);
	free(e->file);
}

void
routine_free(struct routine *r)
{
	for (int i = 0; i < r->nex; i++)
		exercise_free(&r->ex[i]);
	free(r->ex);
	for (int i = 0; i < r->nfigs; i++) {
		figure_free(r->figs[i]);
		free(r->figs[i]);
	}
	free(r->figs);
	for (int i = 0; i < r->ntags; i++)
		free(r->tags[i]);
	for (int i = 0; i < r->nequipment; i++)
		free(r->equipment[i]);
	free(r->id);
	free(r->path);
	free(r->name);
	free(r->summary);
	free(r->description);
	free(r->caution);
	free(r->source);
	free(r->off_back);
	routine_init(r);
}

/* Appends an exercise with every value "not given".  Returns it, or NULL
 * when out of memory or past ROUTINE_MAX_EXERCISES. */
struct exercise *
routine_add_exercise(struct routine *r)
{
	if (r->nex >= ROUTINE_MAX_EXERCISES)
		return NULL;
	struct exercise *v = realloc(r->ex, (size_t)(r->nex + 1) * sizeof *v);
	if (v == NULL)
		return NULL;
	r->ex = v;
	struct exercise *e = &r->ex[r->nex++];
	memset(e, 0, sizeof *e);
	e->relax = -1;
	e->reps = -1;
	e->sets_count = -1;
	e->rest = -1;
	e->lead_in = -1;
	return e;
}

enum exercise_kind
exercise_kind(const struct exercise *e)
{
	if (e->has[XS_hold])
		return EX_HOLD;
	if (e->has[XS_tempo])
		return EX_TEMPO;
	if (e->has[XS_duration])
		return EX_TIMER;
	return EX_NONE;
}

int
exercise_nsets(const struct exercise *e)
{
	if (exercise_kind(e) == EX_TIMER)
		return 1;
	if (e->nsets > 0)
		return e->nsets;
	return e->sets_count > 0 ? (int)e->sets_count : 1;
}

/* Reps in set `set` (0-based). */
int64_t
exercise_set_reps(const struct exercise *e, int set)
{
	if (exercise_kind(e) == EX_TIMER)
		return 1;
	if (e->nsets > 0)
		return e->sets[set];
	if (e->reps > 0)
		return e->reps;
	return exercise_kind(e) == EX_TEMPO ? ROUTINE_DEFAULT_REPS_TEMPO
	    : ROUTINE_DEFAULT_REPS_HOLD;
}

double
exercise_rest(const struct routine *r, const struct exercise *e)
{
	return e->rest >= 0 ? e->rest : r->rest;
}

double
exercise_lead_in(const struct routine *r, const struct exercise *e)
{
	return e->lead_in >= 0 ? e->lead_in : r->lead_in;
}

bool
routine_timers_only(const struct routine *r)
{
	for (int i = 0; i < r->nex; i++)
		if (exercise_kind(&r->ex[i]) != EX_TIMER)
			return false;
	return r->nex > 0;
}

double
exercise_relax(const struct exercise *e)
{
	return e->relax >= 0 ? e->relax : ROUTINE_DEFAULT_RELAX;
}

void
routine_set_lead_in(struct routine *r, double lead_in)
{
	if (lead_in < 0)
		return;
	r->lead_in = lead_in;
	for (int i = 0; i < r->nex; i++)
		r->ex[i].lead_in = -1;          /* the routine's: the setting */
}

struct vctx {
	struct diags *d;
	const char *file;
};

#define ERR(c, line, ...) diags_add((c)->d, DIAG_ERROR, (c)->file, (line), __VA_ARGS__)
#define WARN(c, line, ...) diags_add((c)->d, DIAG_WARNING, (c)->file, (line), __VA_ARGS__)

/* Seconds must lie in [lo, ROUTINE_MAX_SECONDS]. */
static void
check_seconds(struct vctx *c, int line, const char *what, double v, double lo)
{
	if (!(v >= lo && v <= ROUTINE_MAX_SECONDS))
		ERR(c, line, "'%s' must be from %g to %d seconds, not %g", what,
		    lo, ROUTINE_MAX_SECONDS, v);
}

/* A hold or hold_max longer than any source gives: a warning that it may
 * be a typo (ROUTINE_HOLD_TYPO), not an error, as no source sets a most. */
static void
check_hold_typo(struct vctx *c, const struct exercise *e)
{
	static const int which[] = { XS_hold, XS_hold_max };

	for (size_t i = 0; i < sizeof which / sizeof which[0]; i++) {
		int x = which[i];
		double v = x == XS_hold ? e->hold : e->hold_max;

		if (e->has[x] && v > ROUTINE_HOLD_TYPO && v <= ROUTINE_MAX_SECONDS)
			WARN(c, e->line[x], "'%s' is %g seconds, longer than %d: a"
			    " typo? (a hold is seconds, not minutes; no source"
			    " behind the bundled routines gives a hold over 2"
			    " minutes)", exercise_settings[x].name, v,
			    ROUTINE_HOLD_TYPO);
	}
}

/* A text field: UTF-8 without control characters (a description may
 * have line breaks), not blank, and at most max characters. */
static void
check_text(struct vctx *c, int line, const char *what, const char *s, int max)
{
	const char *why;

	if (s == NULL)
		return;
	if (!text_check(s, strcmp(what, "description") == 0 ? "\n" : "", &why)) {
		ERR(c, line, "'%s' %s", what, why);
		return;
	}
	if (*s != '\0' && strspn(s, " ") == strlen(s) && strcmp(what, "name") == 0) {
		ERR(c, line, "'%s' is blank", what);
		return;
	}
	size_t len = text_chars(s);
	if (len > (size_t)max)
		ERR(c, line, "'%s' is too long: %zu characters, at most %d",
		    what, len, max);
}

/* A figure's id names a file: nothing that could lead out of its
 * directory. */
static void
check_figure(struct vctx *c, const struct exercise *e)
{
	const char *why;

	if (e->figure != NULL && text_check(e->figure, "", NULL) &&
	    !figure_id_ok(e->figure, &why))
		ERR(c, e->line[XS_figure], "'figure' %s", why);
	else
		check_text(c, e->line[XS_figure], "figure", e->figure,
		    exercise_settings[XS_figure].maxlen);
}

static void
validate_kind(struct vctx *c, const struct exercise *e, const char *name)
{
	static const int kinds[] = { XS_hold, XS_tempo, XS_duration };
	int first = -1;

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		int k = kinds[i];
		if (!e->has[k])
			continue;
		if (first < 0)
			first = k;
		else
			ERR(c, e->line[k], "'%s' and '%s' cannot be used together"
			    " in one exercise", exercise_settings[first].name,
			    exercise_settings[k].name);
	}
	if (first < 0)
		ERR(c, e->group_line, "exercise '%s' needs one of 'hold', 'tempo'"
		    " or 'duration'", name);
}

static void
validate_counts(struct vctx *c, const struct exercise *e)
{
	if (e->has[XS_reps] && (e->reps < 1 || e->reps > ROUTINE_MAX_REPS))
		ERR(c, e->line[XS_reps], "'reps' must be from 1 to %d, not %lld",
		    ROUTINE_MAX_REPS, (long long)e->reps);
	if (e->has[XS_sets] && e->nsets == 0 &&
	    (e->sets_count < 1 || e->sets_count > ROUTINE_MAX_SETS))
		ERR(c, e->line[XS_sets], "'sets' must be from 1 to %d, not %lld",
		    ROUTINE_MAX_SETS, (long long)e->sets_count);
	for (int i = 0; i < e->nsets; i++) {
		if (e->sets[i] < 1 || e->sets[i] > ROUTINE_MAX_REPS) {
			ERR(c, e->line[XS_sets], "each entry of 'sets' must be"
			    " from 1 to %d reps, not %lld", ROUTINE_MAX_REPS,
			    (long long)e->sets[i]);
			break;
		}
	}
	if (e->has[XS_reps] && e->nsets > 0)
		ERR(c, e->line[XS_reps], "'reps' cannot be used with a 'sets'"
		    " array, which already gives the reps of each set");
	if (exercise_kind(e) == EX_TIMER) {
		if (e->has[XS_reps] || e->has[XS_sets])
			ERR(c, e->line[e->has[XS_reps] ? XS_reps : XS_sets],
			    "a timer ('duration') has no reps or sets");
	}
}

/* The most reps any set of e has. */
static int64_t
most_reps(const struct exercise *e)
{
	int64_t most = 0;

	for (int s = 0; s < exercise_nsets(e); s++)
		if (exercise_set_reps(e, s) > most)
			most = exercise_set_reps(e, s);
	return most;
}

/* A ceiling is for reps that can grow, and is not below the dose. */
static void
validate_ceilings(struct vctx *c, const struct exercise *e)
{
	enum exercise_kind k = exercise_kind(e);

	if (e->has[XS_reps_max] && k == EX_TIMER)
		ERR(c, e->line[XS_reps_max], "a timer ('duration') has no reps"
		    " to grow: 'reps_max' does not apply");
	else if (e->has[XS_reps_max] && (e->reps_max < most_reps(e) ||
	    e->reps_max > ROUTINE_MAX_REPS))
		ERR(c, e->line[XS_reps_max], "'reps_max' must be from %lld (the"
		    " most reps of a set) to %d, not %lld", (long long)most_reps(e),
		    ROUTINE_MAX_REPS, (long long)e->reps_max);
	if (e->has[XS_hold_max] && k != EX_HOLD)
		ERR(c, e->line[XS_hold_max], "'hold_max' needs a 'hold'");
	else if (e->has[XS_hold_max])
		check_seconds(c, e->line[XS_hold_max], "hold_max", e->hold_max,
		    e->hold);
}

static void
validate_exercise(struct vctx *c, const struct routine *r,
    const struct exercise *e, int index)
{
	char fallback[32];
	const char *name = e->name;

	(void)r;
	c->file = e->file ? e->file : c->file;
	if (name == NULL || *name == '\0') {
		ERR(c, e->group_line, "exercise %d has no 'name'", index + 1);
		snprintf(fallback, sizeof fallback, "#%d", index + 1);
		name = fallback;
	}
	check_text(c, e->line[XS_name], "name", e->name, exercise_settings[XS_name].maxlen);
	check_text(c, e->line[XS_cue], "cue", e->cue, exercise_settings[XS_cue].maxlen);
	check_text(c, e->line[XS_caution], "caution", e->caution, exercise_settings[XS_caution].maxlen);
	for (int i = 0; i < e->nphases; i++)
		check_text(c, e->line[XS_phases], "phases", e->phases[i], exercise_settings[XS_phases].maxlen);
	for (int i = 0; i < 2; i++) {
		check_text(c, e->line[XS_sides], "sides", e->side_names[i], exercise_settings[XS_sides].maxlen);
		check_text(c, e->line[XS_easier], "easier", e->easier[i], i ? 300 : 80);
		check_text(c, e->line[XS_harder], "harder", e->harder[i], i ? 300 : 80);
	}
	check_text(c, e->line[XS_source], "source", e->source, exercise_settings[XS_source].maxlen);
	check_figure(c, e);
	check_text(c, e->line[XS_position], "position", e->position,
	    exercise_settings[XS_position].maxlen);
	position_check(e, c->file, c->d);

	validate_kind(c, e, name);
	if (e->has[XS_hold])
		check_seconds(c, e->line[XS_hold], "hold", e->hold, ROUTINE_MIN_SECONDS);
	check_hold_typo(c, e);
	if (e->has[XS_duration])
		check_seconds(c, e->line[XS_duration], "duration", e->duration, ROUTINE_MIN_SECONDS);
	for (int i = 0; i < e->ntempo; i++)
		check_seconds(c, e->line[XS_tempo], "tempo", e->tempo[i], ROUTINE_MIN_SECONDS);
	if (e->has[XS_relax])
		check_seconds(c, e->line[XS_relax], "relax", e->relax, 0);
	if (e->has[XS_rest])
		check_seconds(c, e->line[XS_rest], "rest", e->rest, 0);
	if (e->has[XS_lead_in])
		check_seconds(c, e->line[XS_lead_in], "lead_in", e->lead_in, 0);

	if (e->has[XS_phases] && !e->has[XS_tempo])
		ERR(c, e->line[XS_phases], "'phases' needs a 'tempo'");
	else if (e->has[XS_phases] && e->nphases != e->ntempo)
		ERR(c, e->line[XS_phases], "'phases' has %d %s but 'tempo' has %d;"
		    " give one word per tempo entry", e->nphases,
		    e->nphases == 1 ? "word" : "words", e->ntempo);
	if (e->has[XS_relax] && !e->has[XS_hold])
		WARN(c, e->line[XS_relax], "'relax' only applies to held reps"
		    " ('hold'); it is ignored here");
	validate_counts(c, e);
	validate_ceilings(c, e);
}

/* Steps and seconds exercise e expands to, as plan.c expands it, in
 * doubles so that absurd sizes cannot overflow. */
static void
exercise_size(const struct routine *r, int ex, double *steps, double *secs)
{
	const struct exercise *e = &r->ex[ex];
	double sides = e->sides ? 2 : 1, rest = exercise_rest(r, e);
	double lead = position_lead_in(r, ex, exercise_lead_in(r, e));
	double relax = exercise_relax(e);
	double swap = position_switch_rest(e, rest);
	int nsets = exercise_nsets(e);

	*steps = lead > 0;
	*secs = lead;
	for (int set = 0; set < nsets; set++) {
		double reps = (double)exercise_set_reps(e, set), per = 0, n = 0;
		switch (exercise_kind(e)) {
		case EX_TIMER:
			n = 1, per = e->duration;
			break;
		case EX_HOLD:
			n = reps + (relax > 0 ? reps - 1 : 0);
			per = reps * e->hold + (reps - 1) * relax;
			break;
		case EX_TEMPO:
			n = reps * e->ntempo;
			for (int k = 0; k < e->ntempo; k++)
				per += reps * e->tempo[k];
			break;
		case EX_NONE:
			break;
		}
		*steps += sides * n + (swap > 0 ? sides - 1 : 0) +
		    (rest > 0 && set + 1 < nsets);
		*secs += sides * per + swap * (sides - 1) +
		    rest * (set + 1 < nsets);
	}
}

/* A valid routine must also fit in a day and in memory. */
static void
validate_size(struct vctx *c, const struct routine *r)
{
	double steps = 0, secs = 0;

	for (int i = 0; i < r->nex; i++) {
		double st, sc;
		exercise_size(r, i, &st, &sc);
		steps += st;
		secs += sc;
	}
	if (secs > ROUTINE_MAX_SECONDS) {
		/* to the second, rounded up: never "24:00:00, at most 24:00:00" */
		long long up = (long long)secs + (secs > (long long)secs);
		ERR(c, r->line[RS_exercises], "the routine would take %lld:%02lld:%02lld;"
		    " a routine may take at most %d:00:00 (%d hours)", up / 3600,
		    up / 60 % 60, up % 60, ROUTINE_MAX_SECONDS / 3600,
		    ROUTINE_MAX_SECONDS / 3600);
	} else if (steps > ROUTINE_MAX_STEPS) {
		ERR(c, r->line[RS_exercises], "the routine would have %.0f steps;"
		    " at most %d", steps, ROUTINE_MAX_STEPS);
	}
}

int
routine_validate(const struct routine *r, struct diags *d)
{
	struct vctx c = { d, r->path ? r->path : "" };
	int before = d->nerrors;
	const char *why;

	/* the id is the file's name: shown, and kept in the history */
	if (r->id != NULL && !text_check(r->id, "", &why))
		ERR(&c, 0, "the file's name %s: rename it", why);

	if (!r->has[RS_version])
		ERR(&c, 1, "missing 'version = %d;'", ROUTINE_FORMAT_VERSION);
	else if (r->version != ROUTINE_FORMAT_VERSION)
		ERR(&c, r->line[RS_version], "unsupported format version %lld;"
		    " this backcoach reads version %d", (long long)r->version,
		    ROUTINE_FORMAT_VERSION);
	if (r->name == NULL || *r->name == '\0')
		ERR(&c, r->has[RS_name] ? r->line[RS_name] : 1,
		    "missing the routine's 'name'");
	check_text(&c, r->line[RS_name], "name", r->name, routine_settings[RS_name].maxlen);
	check_text(&c, r->line[RS_summary], "summary", r->summary, routine_settings[RS_summary].maxlen);
	check_text(&c, r->line[RS_description], "description", r->description, routine_settings[RS_description].maxlen);
	check_text(&c, r->line[RS_caution], "caution", r->caution, routine_settings[RS_caution].maxlen);
	check_text(&c, r->line[RS_source], "source", r->source, routine_settings[RS_source].maxlen);
	check_text(&c, r->line[RS_off_back], "off_back", r->off_back, routine_settings[RS_off_back].maxlen);
	for (int i = 0; i < r->ntags; i++)
		check_text(&c, r->line[RS_tags], "tags", r->tags[i], routine_settings[RS_tags].maxlen);
	for (int i = 0; i < r->nequipment; i++)
		check_text(&c, r->line[RS_equipment], "equipment", r->equipment[i], routine_settings[RS_equipment].maxlen);
	if (r->has[RS_lead_in])
		check_seconds(&c, r->line[RS_lead_in], "lead_in", r->lead_in, 0);
	if (r->has[RS_rest])
		check_seconds(&c, r->line[RS_rest], "rest", r->rest, 0);
	if (!r->has[RS_exercises])
		ERR(&c, 1, "missing 'exercises': a routine needs at least one");
	else if (r->nex == 0 && !r->exercises_bad)
		ERR(&c, r->line[RS_exercises], "'exercises' is empty: a routine"
		    " needs at least one");
	for (int i = 0; i < r->nex; i++) {
		validate_exercise(&c, r, &r->ex[i], i);
		c.file = r->path ? r->path : "";
	}
	if (d->nerrors == before)
		validate_size(&c, r);
	return diags_status(d, before);
}
