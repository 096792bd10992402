/*
 * screen_stats.h - the statistics page (`h` in the picker) and the
 * summary at the end of a session.
 */
#ifndef BACKCOACH_SCREEN_STATS_H
#define BACKCOACH_SCREEN_STATS_H

#include <stdbool.h>

#include "history.h"
#include "loop.h"

/* The statistics of the history file `history`, full-screen and
 * scrolling, until q, h or Esc (SCREEN_DONE). */
enum screen_end stats_screen(struct loop *l, const char *history);

/* The summary of a session's record until Enter or q (SCREEN_DONE);
 * back says the picker is behind it; words (or NULL) go under its counts,
 * water adds the water reminder.  1-4 rate the exercises worked, in turn,
 * into rec->ex[].feedback, for the caller to store. */
enum screen_end end_screen(struct loop *l, struct hist_session *rec,
    bool back, const char *words, bool water);

#endif
