/*
 * screen_programme.c - the programme's next week offered in the coach
 * (screen_programme.h).
 *
 * Asked at most once a day (the time stamp of `programme-asked` in the
 * state directory), so that a no is not asked again until tomorrow;
 * `backcoach programme next` moves on at any time.
 */
#include "screen_programme.h"

#include <stdlib.h>

#include "file.h"
#include "keys.h"
#include "paths.h"
#include "programme_day.h"
#include "programme_load.h"
#include "screen_dialog.h"
#include "util.h"

/* Whether the question was put today already. */
static bool
asked_today(const char *stamp)
{
	time_t t;

	return file_mtime(stamp, &t) == 0 && wall_day(t) == wall_day(wall_now());
}

/* The question for what `next` would do. */
static char *
question(const struct prog_day *d)
{
	if (!d->t.last_week)
		return xasprintf("Move on to week %d of %s?", d->t.week + 1,
		    d->p.name);
	if (d->st.resume_id[0] != '\0')
		return xasprintf("Go back to %s, at week %d?", d->st.resume_id,
		    d->st.resume_week);
	return xasprintf("Finish %s?", d->p.name);
}

/* Yes: the week moved (or the programme ended), and said. */
static enum screen_end
move_on(struct loop *l, struct prog_day *d)
{
	struct diags dg = { 0 };
	enum sched_next n = schedule_next(&d->p, &d->st, &d->t, d->now);
	int rc = n == SCHED_NEXT_FINISHED ?
	    programme_state_remove(d->state_path, &dg) :
	    programme_state_write(d->state_path, &d->st, &dg);
	char *msg = rc != 0 ? diags_text(&dg, "\n") : n == SCHED_NEXT_FINISHED ?
	    xasprintf("%s is finished.  Well done.  Keep moving: 'backcoach "
	    "programme list' has others.", d->p.name) :
	    xasprintf("Week %d of %s starts today.", d->st.week, d->st.id);

	if (msg == NULL)
		oom();
	enum screen_end e = dialog_message(l, rc == 0 ? "The programme moves on" :
	    "The programme could not move on", msg);
	free(msg);
	diags_free(&dg);
	return e;
}

enum screen_end
programme_offer(struct loop *l, const struct settings *set, bool *moved)
{
	struct prog_day d;
	struct diags dg = { 0 };
	enum screen_end e = SCREEN_DONE;
	char *stamp = paths_state_file("programme-asked");

	*moved = false;
	if (prog_day_load(&d, set, true, &dg) == 1 && d.t.ready &&
	    !asked_today(stamp)) {
		bool yes = false;
		file_touch(stamp);
		char *q = question(&d);
		char *detail = xasprintf("Week %d's sessions are done, and it has "
		    "had its 7 days.  No stays on this week a while longer; "
		    "'backcoach programme next' moves on at any time.", d.t.week);
		e = dialog_yes_no(l, KC_YESNO, q, detail, NULL, &yes);
		if (e == SCREEN_DONE && yes) {
			e = move_on(l, &d);
			*moved = true;
		}
		free(q);
		free(detail);
	}
	prog_day_free(&d);
	diags_free(&dg);
	free(stamp);
	return e == SCREEN_SIGNAL ? e : SCREEN_DONE;
}
