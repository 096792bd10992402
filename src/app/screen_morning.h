/*
 * screen_morning.h - how the back is the morning after the last session:
 * asked once, on the first run of a later day, and recorded; an answer
 * that lets the dose change offers the change.
 */
#ifndef BACKCOACH_SCREEN_MORNING_H
#define BACKCOACH_SCREEN_MORNING_H

#include <stdbool.h>

#include "loop.h"
#include "settings.h"

/* SCREEN_DONE (asked or not), or SCREEN_SIGNAL; *asked says whether the
 * question was put (then the history, and maybe a routine, changed). */
enum screen_end morning_check(struct loop *l, const struct settings *set,
    bool *asked);

#endif
