/*
 * screen_redflag.h - the red-flag questions before a session: the signs
 * that mean "see a doctor, don't exercise", asked as often as the
 * settings say.
 */
#ifndef BACKCOACH_SCREEN_REDFLAG_H
#define BACKCOACH_SCREEN_REDFLAG_H

#include "loop.h"
#include "safety.h"
#include "settings.h"

/*
 * Asks the red-flag questions when they are due (the red_flags setting
 * and when they were last answered "no").  SCREEN_DONE with *u set:
 * SAFETY_OK to go on, or the urgency of a "yes" after showing where to
 * get help (the caller does not start the session then).
 */
enum screen_end redflag_screen(struct loop *l, const struct settings *set,
    enum safety_urgency *u);

#endif
