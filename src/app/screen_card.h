/*
 * screen_card.h - the start card before every routine: what it is, how
 * long it takes, its cautions and the rules for stopping, so that nobody
 * starts without having seen them.
 */
#ifndef BACKCOACH_SCREEN_CARD_H
#define BACKCOACH_SCREEN_CARD_H

#include <stdbool.h>

#include "loop.h"
#include "routine.h"

/* The card of routine r (a pack: no stop rules, which are for exercise).
 * SCREEN_DONE to begin, SCREEN_CANCEL to go back, or SCREEN_SIGNAL. */
enum screen_end card_screen(struct loop *l, const struct routine *r,
    bool pack);

#endif
