/*
 * session_line.h - one line on a session that was recorded, printed on
 * the terminal once the full screen has ended, so that leaving the coach
 * leaves a word of what was done.
 */
#ifndef BACKCOACH_SESSION_LINE_H
#define BACKCOACH_SESSION_LINE_H

#include "history.h"

/* "Recorded: McGill Big 3, completed (completed), 14:04, pain 3 -> 2."
 * (a skipped score is a dash), escaped for a terminal.  Malloc'd. */
char *session_line(const struct hist_session *s);

#endif
