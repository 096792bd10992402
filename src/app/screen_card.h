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

/* The card of routine r (a pack: no stop rules, which are for exercise),
 * with what the person's risk factors (SAFETY_RISK_BIT()s) call for:
 * pregnant, a routine that lies on the back says so.  SCREEN_DONE to
 * begin, SCREEN_CANCEL to go back, or SCREEN_SIGNAL. */
enum screen_end card_screen(struct loop *l, const struct routine *r,
    bool pack, unsigned risks);

/* A page with the card's keys (Enter begins, Esc goes back, ? shows the
 * keys with help under them), for what else is said before a session
 * starts. */
enum screen_end card_page(struct loop *l, const char *title,
    const char *text, const char *help);

#endif
