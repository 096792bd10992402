/*
 * screen_morning.c - the next-morning question (screen_morning.h).
 *
 * The pain-monitoring model judges a session by how the back is over the
 * next 24 hours (https://bim.physio/the-pain-monitoring-model/): the first
 * run on a later day asks, once, about the last session, and records the
 * answer as an N line.  An answer that lets the dose change offers the
 * change at once (dosing.c).
 */
#include "screen_morning.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "dosing.h"
#include "screen_dialog.h"
#include "store.h"
#include "util.h"
#include "wall.h"

#define MORNING_MAX_DAYS 3      /* a session older than this is not asked */

/* The newest exercise session in which something was worked. */
struct last {
	bool have;
	int day;
	char start[HISTORY_START_LEN + 1];
	char sid[HISTORY_SID_MAX + 1];  /* its session id, or "" */
	char *id, *name;
	enum next_day next_day;
};

static void
last_fn(const struct hist_record *rec, long line, void *arg)
{
	struct last *l = arg;
	const struct hist_session *s = &rec->s;

	(void)line;
	if (rec->type != HREC_SESSION || s->kind != HK_EXERCISE || s->worked_s <= 0)
		return;
	if (l->have && (s->day < l->day ||
	    (s->day == l->day && strcmp(s->start, l->start) < 0)))
		return;
	free(l->id);
	free(l->name);
	*l = (struct last){ .have = true, .day = s->day, .next_day = s->next_day,
	    .id = xstrdup(s->routine_id), .name = xstrdup(s->routine_name) };
	snprintf(l->start, sizeof l->start, "%s", s->start);
	snprintf(l->sid, sizeof l->sid, "%s", s->sid);
}

/* After an answer: the change it allows for the routine, offered. */
static enum screen_end
offer(struct loop *l, const struct settings *set, const char *id)
{
	struct routine r;
	struct diags d = { 0 };
	struct dosing dz;
	enum screen_end e = SCREEN_DONE;

	if (catalog_load(id, set, &r, &d) <= 0) {
		routine_free(&r);
		diags_free(&d);
		return SCREEN_DONE;             /* gone, or broken: nothing to offer */
	}
	dosing_plan(&dz, &r, set->history, wall_day(wall_now()), &d);
	char *text = dosing_text(&dz, &r);
	bool yes = false;
	if (dz.dir != 0 && dz.napply > 0)
		e = dialog_yes_no(l, KC_YESNO, dz.dir > 0 ? "Change the routine to "
		    "one step more?" : "Change the routine to one step back?", text,
		    NULL, &yes);
	else if (dz.dir != 0)
		e = dialog_message(l, r.name, text);
	char *where = NULL;
	if (e == SCREEN_DONE && yes) {
		struct diags ad = { 0 };
		int rc = dosing_apply(&dz, &r, set->history, &where, &ad);
		char *msg = rc == 0 ? xasprintf("Saved in %s, for the next time you "
		    "start it. Doses changed so far: backcoach progress %s", where,
		    r.id) : diags_text(&ad, "\n");
		if (msg == NULL)
			oom();
		e = dialog_message(l, rc == 0 ? "The new dose is saved" :
		    "The routine was not changed", msg);
		free(msg);
		diags_free(&ad);
	}
	free(where);
	free(text);
	dosing_free(&dz);
	routine_free(&r);
	diags_free(&d);
	return e;
}

enum screen_end
morning_check(struct loop *l, const struct settings *set, bool *asked)
{
	struct last last = { 0 };
	struct diags d = { 0 };
	int today = wall_day(wall_now()), v = 0;
	char ago[32], question[300];

	store_read(set->history, last_fn, &last, &d, NULL);
	diags_free(&d);                 /* the picker and `h` report problems */
	enum screen_end e = SCREEN_DONE;
	*asked = false;
	if (!last.have || last.next_day != NEXT_DAY_UNKNOWN || last.day >= today ||
	    today - last.day > MORNING_MAX_DAYS)
		goto out;
	*asked = true;
	history_ago(last.day, today, ago, sizeof ago);
	snprintf(question, sizeof question, "How is your back today, compared "
	    "with before your last session (%s, %s)? 1 better, 2 the same, "
	    "3 worse", last.name, ago);
	e = dialog_number(l, KC_INPUT, question, 1, 3, &v);
	if (e == SCREEN_SIGNAL)
		goto out;
	struct hist_session rec;
	history_session_init(&rec, last.id, last.name, NULL, 0);
	snprintf(rec.start, sizeof rec.start, "%s", last.start);
	snprintf(rec.sid, sizeof rec.sid, "%s", last.sid);
	rec.next_day = e == SCREEN_DONE && v >= 1 ? (enum next_day)v :
	    NEXT_DAY_SKIPPED;         /* Esc, or Enter alone: put aside */
	store_next_day(set->history, &rec, &d);
	if (d.nerrors > 0) {
		char *text = diags_text(&d, "\n");
		e = dialog_message(l, "Your answer was not recorded", text ? text : "");
		free(text);
	} else {
		e = rec.next_day == NEXT_DAY_SKIPPED ? SCREEN_DONE :
		    offer(l, set, last.id);
	}
	diags_free(&d);
out:
	free(last.id);
	free(last.name);
	return e;
}
