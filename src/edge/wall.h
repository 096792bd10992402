/*
 * wall.h - the wall clock and the local calendar: when a session started,
 * and which day "today" is.
 *
 * Sessions are timed on the monotonic clock, which only the event loop
 * reads (app/loop.c); this is the other clock, the one people read.  Day
 * numbers are calendar_days_from_civil()'s: days since 1970-01-01 of a
 * local date.
 */
#ifndef BACKCOACH_WALL_H
#define BACKCOACH_WALL_H

#include <time.h>

#include "history.h"

/* Now, in seconds since the epoch. */
time_t wall_now(void);
/* The local date of t as a day number. */
int wall_day(time_t t);
/* t as local time with its UTC offset, "2026-03-29T23:30:00+02:00", into
 * buf (the history's start field). */
void wall_iso(time_t t, char buf[HISTORY_START_LEN + 1]);

#endif
