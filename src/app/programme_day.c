/*
 * programme_day.c - the programme running and what today holds
 * (programme_day.h).
 */
#include "programme_day.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "catalog.h"
#include "cmd.h"
#include "paths.h"
#include "plan.h"
#include "programme_load.h"
#include "store.h"
#include "util.h"

/* A routine the programme names must be there: else an error at its
 * line, with the id nearest to it. */
static void
need_routine(const struct programme *p, const char *id, int line,
    struct diags *dg)
{
	char *path, *near;

	if (id == NULL || *id == '\0')
		return;
	if ((path = routine_find(id)) != NULL) {
		free(path);
		return;
	}
	near = cmd_routine_suggest(id);
	diags_add(dg, DIAG_ERROR, p->path, line, "no routine '%s'%s%s%s", id,
	    near ? " (did you mean '" : " (try 'backcoach list')",
	    near ? near : "", near ? "'?)" : "");
	free(near);
}

int
prog_day_programme(const char *id, struct programme *p, struct diags *dg)
{
	char *path = programme_find(id);
	int before = dg->nerrors;

	if (path == NULL) {
		programme_init(p);
		return 0;
	}
	programme_load(p, path, dg);
	free(path);
	for (int i = 0; i < p->nweeks && dg->nerrors == before; i++) {
		const struct prog_week *w = &p->week[i];
		need_routine(p, w->routine, w->line[WS_routine], dg);
		need_routine(p, w->rest_routine, w->line[WS_rest_routine], dg);
		for (int k = 0; k < PROG_DAYS && w->form == DAYS_GROUP; k++)
			need_routine(p, w->day[k], w->day_line[k], dg);
	}
	return diags_status(dg, before) == 0 ? 1 : -1;
}

/* The sessions the rules read: those since the day before the programme
 * started (nothing earlier can matter to it). */
struct collect {
	int from;               /* the first day kept */
	struct sched_session *v;
	int n, cap;
	int week_from;          /* the day the week began */
	struct sched_feedback fb;       /* the ratings since (F lines) */
	bool rated;             /* any */
};

/* An F line of a session since the week began: counted. */
static void
collect_rating(struct collect *c, const struct hist_record *rec)
{
	char date[11];
	int day;

	snprintf(date, sizeof date, "%s", rec->key_start);
	if (calendar_parse_date(date, &day) != 0 || day < c->week_from)
		return;
	c->fb.too_easy += rec->feedback == FB_EASY;
	c->fb.too_hard += rec->feedback == FB_HARD;
	c->fb.hurt += rec->feedback == FB_HURT;
	c->rated = true;
}

static void
collect_fn(const struct hist_record *rec, long line, void *arg)
{
	struct collect *c = arg;

	(void)line;
	if (rec->type == HREC_FEEDBACK)
		collect_rating(c, rec);
	if (rec->type != HREC_SESSION || rec->s.day < c->from)
		return;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = xrealloc(c->v, (size_t)c->cap * sizeof *c->v);
	}
	schedule_session_of(&rec->s, &c->v[c->n]);
	c->v[c->n].routine_id = xstrdup(rec->s.routine_id);
	c->n++;
}

void
prog_day_facts(struct prog_day *d, const struct settings *set)
{
	struct routine r;
	struct plan pl;
	struct diags dg = { 0 };

	if (d->t.routine == NULL)
		return;
	if (catalog_load(d->t.routine, set, &r, &dg) > 0 && r.name != NULL) {
		d->routine_name = xstrdup(r.name);
		if (plan_build(&pl, &r) == 0) {
			d->routine_ns = pl.total_ns;
			plan_free(&pl);
		}
	}
	diags_free(&dg);
	routine_free(&r);
}

/* Reads the history and applies the rules; saves a change. */
static int
work_out(struct prog_day *d, const struct settings *set, bool save,
    struct diags *dg)
{
	struct collect c = { 0 };

	if (calendar_parse_date(d->st.started, &c.from) != 0)
		c.from = 0;
	c.from--;
	if (calendar_parse_date(d->st.began, &c.week_from) != 0)
		c.week_from = c.from;
	/* what could be read: a read error is said in dg */
	store_read(set->history, collect_fn, &c, dg, NULL);
	int rc = schedule_today(&d->p, &d->st, c.v, c.n, c.rated ? &c.fb : NULL,
	    d->now, &d->t);
	if (rc != 0)
		diags_add(dg, DIAG_ERROR, d->state_path, 0, "the programme state "
		    "names a time that is not valid");
	else if (save && d->t.change != SCHED_NONE &&
	    programme_state_write(d->state_path, &d->st, dg) != 0)
		rc = -1;
	for (int i = 0; i < c.n; i++)
		free((char *)c.v[i].routine_id);
	free(c.v);
	return rc;
}

int
prog_day_load(struct prog_day *d, const struct settings *set, bool save,
    struct diags *dg)
{
	memset(d, 0, sizeof *d);
	programme_init(&d->p);
	d->state_path = programme_state_path();
	wall_iso(wall_now(), d->now);
	int rc = programme_state_read(d->state_path, &d->st, dg);
	if (rc <= 0)
		return rc;
	int found = prog_day_programme(d->st.id, &d->p, dg);
	if (found == 0)
		diags_add(dg, DIAG_ERROR, d->state_path, 0, "the programme '%s' it "
		    "names is gone ('backcoach programme stop' ends it)", d->st.id);
	if (found <= 0)
		return -1;
	return work_out(d, set, save, dg) == 0 ? 1 : -1;
}

int
prog_day_said(struct prog_day *d, const struct settings *set)
{
	struct diags dg = { 0 };
	int found = prog_day_load(d, set, true, &dg);

	cmd_print_diags(&dg);
	diags_free(&dg);
	return found;
}

void
prog_day_free(struct prog_day *d)
{
	programme_free(&d->p);
	free(d->state_path);
	free(d->routine_name);
	memset(d, 0, sizeof *d);
}

char *
prog_day_when(const struct prog_day *d)
{
	return xasprintf("week %d of %d, day %d", d->t.week, d->t.nweeks,
	    d->t.day);
}

const char *
prog_day_change_text(enum sched_change c)
{
	switch (c) {
	case SCHED_REPEAT:
		return "A week or more went by without a session: this week "
		    "starts again from today, so nothing doubles up.";
	case SCHED_BACK:
		return "After a flare (a session stopped for pain, pain above 5, "
		    "a worse next morning, or a flare-up routine done in a week "
		    "that has none) the programme steps back a week, "
		    "from today.  If your back is bad, 'backcoach programme start "
		    "flare-up' runs the gentle routine for a week, then comes "
		    "back here.";
	case SCHED_NEXT:
	case SCHED_START:
	case SCHED_RESUME:
	case SCHED_NONE:
	case SCHED_CHANGE_COUNT:
		break;
	}
	return NULL;
}

/* The rest day's lines: what to do, and the routine offered. */
static void
print_rest(const struct prog_day *d)
{
	const struct sched_today *t = &d->t;

	if (t->week_done)
		printf("Today: a rest day: this week's %d %s done.\n", t->target,
		    t->target == 1 ? "session is" : "sessions are");
	else
		printf("Today: a rest day.\n");
	if (t->rest != NULL)
		printf("  %s\n", cmd_safe(t->rest));
	if (t->rest_routine != NULL)
		printf("  If you like: 'backcoach start %s'.\n",
		    cmd_safe(t->rest_routine));
}

void
prog_day_print(const struct prog_day *d)
{
	const struct sched_today *t = &d->t;
	char *when = prog_day_when(d);
	char dur[32] = "";

	printf("%s: %s.\n", cmd_safe(d->p.name), when);
	free(when);
	if (prog_day_change_text(t->change) != NULL)
		printf("%s\n", prog_day_change_text(t->change));
	if (t->routine == NULL) {
		print_rest(d);
	} else {
		if (d->routine_ns > 0)
			plan_format_duration(d->routine_ns, dur, sizeof dur);
		printf("Today: %s (%s%s%s): %s\n", cmd_safe(d->routine_name ?
		    d->routine_name : t->routine), cmd_safe(t->routine),
		    dur[0] ? ", " : "", dur, t->done ? "done." : "not done yet.");
		if (!t->done)
			printf("  'backcoach start %s' starts it.\n",
			    cmd_safe(t->routine));
	}
	if (t->dose != NULL)
		printf("Dose: %s\n", cmd_safe(t->dose));
	printf("This week: %d of %d training %s done.\n", t->sessions > t->target ?
	    t->target : t->sessions, t->target, t->target == 1 ? "day" : "days");
	if (t->held)
		printf("Your feedback says this week was too hard or hurt: it "
		    "goes on until it feels right.\n");
	else if (t->ready && t->last_week)
		printf("The last week is done: 'backcoach programme next' %s.\n",
		    d->st.resume_id[0] ? "goes back to the programme this one "
		    "paused" : "finishes the programme");
	else if (t->ready)
		printf("Week %d is done: 'backcoach programme next' moves on to "
		    "week %d when you are ready.\n", t->week, t->week + 1);
	else if (t->week_done)
		printf("The next week can start once this one has had its 7 "
		    "days.\n");
}

char *
prog_day_summary(const struct settings *set)
{
	struct prog_day d;
	struct diags dg = { 0 };
	char *out = NULL;

	if (prog_day_load(&d, set, true, &dg) == 1) {
		char *when = prog_day_when(&d);
		const char *change = prog_day_change_text(d.t.change);
		if (change != NULL)
			out = xasprintf("%s", change);
		else if (d.t.done)
			out = xasprintf("%s, %s: today's session is done (%d of %d "
			    "this week).%s", d.p.name, when, d.t.sessions < d.t.target ?
			    d.t.sessions : d.t.target, d.t.target, d.t.ready ?
			    "  'backcoach programme next' moves on when you are "
			    "ready." : "");
		free(when);
	}
	prog_day_free(&d);
	diags_free(&dg);
	return out;
}
