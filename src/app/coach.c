/*
 * coach.c - the flow around one session, and the commands that coach:
 * `backcoach start ROUTINE` (also `backcoach ROUTINE`) and the picker
 * (`backcoach` alone).
 *
 * This is an edge: it reads the wall clock (time(), for the report), and
 * owns the two hook points where later issues plug in: coach_before() and
 * coach_on_end().
 */
#include "coach.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "coach_history.h"
#include "draw.h"
#include "keys.h"
#include "loop.h"
#include "paths.h"
#include "picker.h"
#include "plan.h"
#include "redflag.h"
#include "routine_load.h"
#include "settings.h"
#include "sig.h"
#include "sound.h"
#include "ui.h"
#include "util.h"

static struct sound *coach_snd;         /* the sessions' sound, or NULL */
static const char *coach_snd_why;       /* why there is none, or NULL */

void
coach_sound_open(void)
{
	coach_snd_why = NULL;
	if (opts.no_sound || !settings.sound)
		return;
	coach_snd = sound_open(settings.sound_theme, settings.volume,
	    &coach_snd_why);
}

void
coach_sound_close(void)
{
	sound_close(coach_snd);
	coach_snd = NULL;
}

/*
 * The "before the session" step: the red-flag screen, then the pain
 * before.  Runs with curses started; rep holds the routine fields only.
 * Returns true to start; false when safety stops the session, with
 * rep->reason saying why (the caller records it as stopped).
 */
static bool
coach_before(struct coach_report *rep)
{
	rep->pain_before = -1;
	if (redflag_screen() != SAFETY_OK) {
		rep->reason = COACH_END_RED_FLAG;
		return false;
	}
	if (!coach_history_before(rep)) {       /* pain 6+: not started */
		rep->reason = COACH_END_PAIN;
		return false;
	}
	return true;
}

/*
 * HOOK: the "on session end" step.  Called exactly once for every session
 * that started, whatever ended it: completed, q (partial) or a signal
 * (partial; curses is still up, the terminal is restored right after).
 * The history record is written here (issue 5).
 */
static void
coach_on_end(struct coach_report *rep, char *summary, size_t len)
{
	coach_history_end(rep, summary, len);
}

/* Fills the report of a session that has ended. */
static void
report_fill(struct coach_report *rep, const struct session *s,
    const struct loop_result *res)
{
	static const enum coach_reason reasons[] = {
		[LOOP_DONE] = COACH_END_COMPLETED,
		[LOOP_QUIT] = COACH_END_QUIT,
		[LOOP_SIGNAL] = COACH_END_SIGNAL,
	};

	rep->elapsed_ns = session_elapsed(s, res->now);
	rep->reason = reasons[res->end];
	rep->status = res->end == LOOP_DONE ? COACH_COMPLETED : COACH_PARTIAL;
	rep->signo = res->signo;
	for (int i = 0; i < rep->nex; i++)
		session_outcome(s, i, &rep->ex[i]);
}

/* Shows the end screen until Enter or q. */
static void
end_screen(const struct session *s, int64_t now, bool from_picker,
    const char *summary)
{
	for (;;) {
		draw_end(s, now, from_picker, summary);
		if (keys_action(KC_END, ui_wait_key()) == ACT_LEAVE)
			return;
	}
}

int
coach_session(const struct routine *r, bool from_picker)
{
	struct plan p;
	struct session s;
	struct coach_view v = { 0 };
	struct loop_result res = { 0 };
	char summary[512];
	struct coach_report rep = {
		.routine_id = r->id, .routine_name = r->name, .routine = r,
		.nex = r->nex,
	};

	sound_warm(coach_snd);  /* wake the sound device before the first cue */
	rep.ex = xcalloc((size_t)(r->nex > 0 ? r->nex : 1), sizeof *rep.ex);
	if (!coach_before(&rep)) {
		rep.started = time(NULL);
		rep.status = COACH_STOPPED;
		coach_history_stopped(&rep);    /* every exercise pending */
		free(rep.ex);
		return 0;
	}
	v.status = coach_snd != NULL ? sound_note(coach_snd) : coach_snd_why;
	if (plan_build(&p, r) != 0 || session_init(&s, &p) != 0)
		die("out of memory");
	rep.started = time(NULL);
	loop_run(&s, &v, coach_snd, coach_snd == NULL && coach_snd_why != NULL &&
	    settings.bell, &res);
	report_fill(&rep, &s, &res);
	coach_on_end(&rep, summary, sizeof summary);
	if (res.end != LOOP_SIGNAL)
		end_screen(&s, res.now, from_picker, summary);
	free(rep.ex);
	session_free(&s);
	plan_free(&p);
	return res.end == LOOP_SIGNAL ? 128 + res.signo : 0;
}

int
cmd_start(int argc, char **argv)
{
	struct routine r;

	if (argc != 2)
		return command_usage("start");
	sig_init();
	if (cmd_load_routine(argv[1], "starting", &r) != 0)
		return 1;
	coach_sound_open();
	ui_start();
	int rc = coach_session(&r, false);
	ui_stop();
	coach_sound_close();
	routine_free(&r);
	return rc;
}

/* Loads the picker's choice and coaches it; a routine that has become
 * invalid since the list was made is explained, not run. */
static int
start_item(const struct picker_item *it)
{
	struct routine r;
	struct diags d = { 0 };
	int rc = 0;

	if (routine_load(&r, it->path, NULL, &d) > 0) {
		char *msg = picker_diags_text(&d);
		ui_message("This routine has errors", msg);
		free(msg);
	} else {
		settings_apply(&r);
		rc = coach_session(&r, true);
	}
	diags_free(&d);
	routine_free(&r);
	return rc;
}

int
cmd_pick(int argc, char **argv)
{
	struct picker pk;
	int rc = 0;

	sig_init();
	if (argc > 1)
		return command_usage(argv[0]);
	if (picker_load(&pk) == 0) {
		fprintf(stderr, "%s: no routines found in %s or %s\n", progname,
		    paths_bundled_routines(), "your routines directory");
		picker_free(&pk);
		return 1;
	}
	coach_sound_open();
	ui_start();
	while (rc == 0 && picker_run(&pk)) {
		rc = start_item(&pk.v[pk.sel]);
		if (rc == 0)
			picker_reload(&pk);
	}
	ui_stop();
	coach_sound_close();
	picker_free(&pk);
	return rc;
}
