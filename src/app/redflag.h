/*
 * redflag.h - the red-flag screen before a session: the questions that
 * mean "see a doctor, don't exercise", asked as often as the settings say.
 */
#ifndef BACKCOACH_REDFLAG_H
#define BACKCOACH_REDFLAG_H

#include "safety.h"

/*
 * Asks the red-flag questions when they are due (settings.red_flags and
 * the time of the last clear screen); curses must be running.  Returns
 * SAFETY_OK to go on, or the urgency of a "yes" after showing where to
 * get help: the caller then does not start the session.
 */
enum safety_urgency redflag_screen(void);

#endif
