/*
 * coach.h - the coach runner: everything around a session, once.
 *
 * It owns the life cycle of the full-screen coach: the signals (read from
 * a signalfd), the sound or the bell, curses, the event loop, the
 * session, and its record in the history, written exactly once at the
 * run's single exit, whatever ended it.  `start`, the picker, `ice` and
 * `heat` (cmd_coach.c) are short callers of it.
 */
#ifndef BACKCOACH_COACH_H
#define BACKCOACH_COACH_H

#include <stdint.h>

#include "routine.h"
#include "settings.h"

/* The exit statuses after a warning sign (backcoach(1), EXIT STATUS). */
#define COACH_EXIT_URGENT 3     /* call the emergency number now */
#define COACH_EXIT_SAME_DAY 4   /* contact a doctor today */

/*
 * Coaches routine r (loaded, valid, settings applied) full-screen: the
 * start card, the red-flag questions and the pain before, the session,
 * its record, the pain after and a note, the summary.  pack_ns > 0 makes
 * it an ice or heat pack timer that `+` never takes past pack_ns.
 * Before all of it: the settings' warnings, shown on the screen until a
 * key is pressed, and, when the history cannot be written, a question
 * whether to start anyway.  Returns the exit status: 0, 1 when the
 * terminal or the signals could not be set up (said on stderr) or the
 * person chose not to start without a history, COACH_EXIT_URGENT or
 * COACH_EXIT_SAME_DAY when a warning sign stopped the session (its advice
 * printed again on the restored terminal), or 128 + the signal that ended
 * it.
 */
int coach_routine(const struct settings *set, const struct routine *r,
    int64_t pack_ns);

/* The picker, then each routine chosen in it as coach_routine() runs it,
 * until q or a warning sign.  The same exit statuses. */
int coach_picker(const struct settings *set);

#endif
