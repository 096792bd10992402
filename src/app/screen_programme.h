/*
 * screen_programme.h - the programme's next week offered in the coach,
 * with consent, as a change of dose is (screen_morning.h).
 */
#ifndef BACKCOACH_SCREEN_PROGRAMME_H
#define BACKCOACH_SCREEN_PROGRAMME_H

#include <stdbool.h>

#include "loop.h"
#include "settings.h"

/* When the programme's week is done and has had its 7 days, asks once a
 * day whether to move on; yes moves it (as `programme next`).  SCREEN_DONE
 * (asked or not) or SCREEN_SIGNAL; *moved says whether the week changed. */
enum screen_end programme_offer(struct loop *l, const struct settings *set,
    bool *moved);

#endif
