/*
 * screen_session.h - the session screen: a session run on the loop, its
 * cues played at each step boundary, its keys from the table.
 */
#ifndef BACKCOACH_SCREEN_SESSION_H
#define BACKCOACH_SCREEN_SESSION_H

#include <stdbool.h>

#include "loop.h"
#include "session.h"
#include "sound.h"

/*
 * Starts session s (READY) and runs it until it is over: the plan ran to
 * its end, or the person quit (SCREEN_DONE; s says which).  A fatal signal
 * ends it too (SCREEN_SIGNAL): the session is then quit at l->now.  Each
 * event's cue is played on snd (NULL: the terminal bell, when bell is
 * true); `m` mutes both.  The help and the quit question pause the
 * session while they are shown.  status (or NULL) is shown in the status
 * line (why there is no sound).
 */
enum screen_end session_screen(struct loop *l, struct session *s,
    struct sound *snd, bool bell, const char *status);

#endif
