/*
 * screen_session.h - the session screen: a session run on the loop, its
 * cues played at each step boundary, its keys from the table.
 */
#ifndef BACKCOACH_SCREEN_SESSION_H
#define BACKCOACH_SCREEN_SESSION_H

#include <stdbool.h>

#include "loop.h"
#include "screen_pain.h"
#include "session.h"
#include "sound.h"
#include "spoken.h"

/*
 * Starts session s (READY) and runs it until it is over: the plan ran to
 * its end, or the person quit (SCREEN_DONE; s says which).  A fatal signal
 * ends it too (SCREEN_SIGNAL): the session is then quit at l->now.  Each
 * event's cue is played on snd (NULL or lost: the terminal bell, when
 * bell is true), or in its place the step's phrase from spoken (which may be
 * empty); `m` mutes them all.  The help and the quit question pause the
 * session while they are shown.  status (or NULL) is shown in the status
 * line (why there is no sound).  `p` reports pain: pain records the
 * reports and what they led to (stop the exercise, end the session).
 */
enum screen_end session_screen(struct loop *l, struct session *s,
    struct sound *snd, const struct spoken *spoken, bool bell,
    const char *status, struct session_pain *pain);

#endif
