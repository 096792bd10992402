/*
 * coach_life.h - the coach runner's life cycle (coach_life.c), for
 * coach.c (and cmd_risk_factors.c, which opens and closes it around one
 * page): what the coach holds while it runs, opening and closing
 * it, the sound opened at the first start card, the questions before the
 * first screen, and the exit status.
 */
#ifndef BACKCOACH_COACH_LIFE_H
#define BACKCOACH_COACH_LIFE_H

#include <stdbool.h>

#include "diag.h"
#include "loop.h"
#include "safety.h"
#include "screen.h"
#include "settings.h"

struct coach {
	const struct settings *set;
	struct loop loop;
	struct sound *snd;      /* the cues' sound, or NULL */
	char quiet[128];        /* for the status line: why no sound, or "" */
	bool bell;              /* sound wanted: ring the bell without it */
	bool sound_tried;       /* open_sound has run */
	struct diags later;     /* to print once the terminal is restored */
	char *summary;          /* a line per session recorded, printed then */
	bool recorded;          /* the last record was written */
	enum safety_urgency warned;     /* advice that stopped a session */
};

/* Sets up signals, curses and the loop; 0, or 1 after saying why not. */
int coach_open(struct coach *c, const struct settings *set);
void coach_close(struct coach *c);
/* The sound, as the settings say, opened once (at the first start card). */
void coach_open_sound(struct coach *c);
/* The exit status of a run that ended with e. */
int coach_status(const struct coach *c, enum screen_end e);
/* Advice that stopped a session, kept to be said again. */
void coach_warned(struct coach *c, enum safety_urgency u, const char *title,
    const char *text);
/* The settings' warnings, and whether to start without a history. */
enum screen_end coach_preflight(struct coach *c);

#endif
