/*
 * screen.h - what the event loop runs: one screen at a time.
 *
 * A screen is its state and a few callbacks.  The loop (loop.c) draws it,
 * turns each key into an action through the key table in the screen's
 * context (keys.h), and asks it to catch up with the clock when it has a
 * deadline.  Every callback returns whether the screen goes on, is done,
 * or was cancelled; a screen that opens another (a question over the
 * session, the help over the picker) runs it with loop_run() from its
 * on_key, and passes a SCREEN_SIGNAL up unchanged.
 *
 * Every modal of the program is one of these: messages, questions,
 * prompts, the picker, the session, the summary, the statistics page and
 * the red-flag questions.
 */
#ifndef BACKCOACH_SCREEN_H
#define BACKCOACH_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "keys.h"

#define SCREEN_NEVER INT64_MAX          /* no deadline */

enum screen_end {
	SCREEN_STAY,            /* carry on (callbacks only) */
	SCREEN_DONE,            /* finished: answered, chosen, over */
	SCREEN_CANCEL,          /* left without an answer (Esc, q, skip) */
	SCREEN_SIGNAL,          /* INT, TERM or HUP arrived (loop.signo) */
};

struct screen {
	unsigned keys;          /* key context: enum keys_context bits */
	void *st;               /* the screen's state, passed to each callback */
	/* Draws the screen as at monotonic time now; reads st only. */
	void (*draw)(const void *st, int64_t now);
	/* Acts on one key: a, the action bound to it in `keys` (ACT_NONE
	 * when none), and the key itself (for typing). */
	enum screen_end (*on_key)(void *st, enum action a, int key,
	    int64_t now);
	/* Optional: catches up with the clock at now and sets *wake to the
	 * next moment it must be called again (SCREEN_NEVER: none). */
	enum screen_end (*tick)(void *st, int64_t now, int64_t *wake);
	/* Optional: the terminal is about to be suspended (^Z). */
	void (*on_suspend)(void *st, int64_t now);
	/* Optional: drawn first, under this one (an overlay's screen). */
	const struct screen *under;
	/* Optional: when the clock alone woke the loop, redraws only what the
	 * clock changes (a countdown) over the last whole frame, clearing it
	 * first, and returns true; false when the screen must be drawn whole
	 * (the loop then clears it and calls draw).  Never called for an
	 * overlay.  A whole frame each second costs three times as much. */
	bool (*draw_time)(void *st, int64_t now);
};

#endif
