/*
 * coach_life.c - the coach runner's life cycle (coach_life.h): signals to
 * a signalfd (before the sound's process is forked or curses starts, so
 * that process inherits the mask and ncurses' handlers never run), curses,
 * the loop; the sound when the first routine is begun; all of it undone
 * in reverse, and what could not be shown on the screen printed on the
 * restored terminal.
 */
#include "coach_life.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "coach.h"
#include "screen_dialog.h"
#include "screen_redflag.h"
#include "sig.h"
#include "sound.h"
#include "store.h"
#include "ui.h"
#include "util.h"

/* Opens the sound as the settings say, once; without it, notes why.
 * Called when the first routine is begun, not at start: connecting and
 * caching the cues costs more than everything before the first screen. */
void
coach_open_sound(struct coach *c)
{
	struct diags d = { 0 };

	if (c->sound_tried || !c->set->sound)
		return;
	c->sound_tried = true;
	c->snd = sound_open(c->set->sound_theme, c->set->volume, &d);
	if (d.n > 0)
		snprintf(c->quiet, sizeof c->quiet, "%s", d.v[0].msg);
	c->bell = c->set->bell;         /* rung when there is no sound, or
	                                   when it is lost (sound_lost) */
	c->loop.snd = c->snd;           /* its finish pipe is polled */
	diags_free(&d);
}

/* Sets up signals, curses and the loop (the sound waits for the first
 * routine begun: open_sound).  0, or 1 after saying why not. */
int
coach_open(struct coach *c, const struct settings *set)
{
	struct diags d = { 0 };

	memset(c, 0, sizeof *c);
	c->set = set;
	c->loop.tfd = -1;
	if (sig_init() != 0) {
		warn("cannot read signals:");
		return 1;
	}
	if (ui_start(set->color, &d) != 0) {
		cmd_print_diags(&d);
		diags_free(&d);
		return 1;
	}
	if (loop_open(&c->loop, NULL) != 0) {
		ui_stop();
		warn("cannot make a timer:");
		return 1;
	}
	return 0;
}

void
coach_close(struct coach *c)
{
	loop_close(&c->loop);
	ui_stop();
	sound_close(c->snd);
	cmd_print_diags(&c->later);
	diags_free(&c->later);
	if (c->summary != NULL)
		fputs(c->summary, stdout);
	free(c->summary);
}

/* The exit status of a run that ended with e: after advice that stopped
 * a session, COACH_EXIT_URGENT or COACH_EXIT_SAME_DAY (backcoach(1), EXIT
 * STATUS). */
int
coach_status(const struct coach *c, enum screen_end e)
{
	if (e == SCREEN_SIGNAL)
		return 128 + c->loop.signo;
	return c->warned == SAFETY_URGENT ? COACH_EXIT_URGENT :
	    c->warned == SAFETY_SAME_DAY ? COACH_EXIT_SAME_DAY : 0;
}

/* Advice that stopped a session: said again on the restored terminal,
 * where it stays in the scrollback; no summary; the red flags asked
 * again next time. */
void
coach_warned(struct coach *c, enum safety_urgency u, const char *title,
    const char *text)
{
	if (u > c->warned)
		c->warned = u;
	diags_add(&c->later, DIAG_ERROR, NULL, 0, "%s.\n%s", title, text);
	redflag_forget();
}

/* Before anything else on the screen: what the settings file said (it was
 * printed, and the full screen has just covered it), then, when the
 * history cannot be written, whether to start at all.  SCREEN_DONE to go
 * on; SCREEN_CANCEL when not (said again once the terminal is restored). */
enum screen_end
coach_preflight(struct coach *c)
{
	struct diags d = { 0 };
	enum screen_end e = SCREEN_DONE;
	bool yes = true;

	if (c->set->warnings != NULL)
		e = dialog_message(&c->loop, "Problems in your settings: the "
		    "defaults are used for these", c->set->warnings);
	if (e == SCREEN_DONE && store_writable(c->set->history, &d) != 0) {
		char *why = xasprintf("cannot write the history: %s: %s",
		    d.v[0].file, d.v[0].msg);
		char *detail = xasprintf("%s.\nThe sessions you do now, your pain "
		    "scores and notes would not be recorded.", why);
		e = dialog_yes_no(&c->loop, KC_YESNO, "Your history cannot be "
		    "written. Start anyway?", detail, NULL, &yes);
		if (e == SCREEN_DONE && !yes) {
			diags_add(&c->later, DIAG_ERROR, NULL, 0, "%s", why);
			e = SCREEN_CANCEL;
		}
		free(detail);
		free(why);
	}
	diags_free(&d);
	return e;
}

