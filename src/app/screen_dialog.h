/*
 * screen_dialog.h - the small screens that ask or tell: a message, a
 * yes-or-no question, a number, a line of text, and the key help.
 *
 * Each is a screen run on the loop (screen.h), so resizes and ^Z redraw
 * it and a fatal signal ends it: every function returns SCREEN_SIGNAL
 * then, for the caller to pass up.  A question can be drawn over another
 * screen (`under`), as the quit question is over the session.
 */
#ifndef BACKCOACH_SCREEN_DIALOG_H
#define BACKCOACH_SCREEN_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "loop.h"

/* A message in a box; any key goes on (SCREEN_DONE). */
enum screen_end dialog_message(struct loop *l, const char *title,
    const char *text);

/* A yes-or-no question answered with the keys of context ctx (KC_YESNO,
 * KC_CONFIRM for quitting a session, KC_PAINASK); detail (or NULL) is
 * wrapped under it.  SCREEN_DONE with *yes set; SCREEN_CANCEL where the
 * context's Esc goes back (KC_PAINASK), *yes false. */
enum screen_end dialog_yes_no(struct loop *l, unsigned ctx,
    const char *question, const char *detail, const struct screen *under,
    bool *yes);

/* A whole number from lo to hi, with the keys of ctx (KC_INPUT, or
 * KC_BEFORE, whose Esc goes back): SCREEN_DONE with *out set, -1 when
 * Enter was pressed alone (no answer); SCREEN_CANCEL on Esc. */
enum screen_end dialog_number(struct loop *l, unsigned ctx,
    const char *question, int lo, int hi, int *out);

/* A line of text of at most len - 1 bytes, with line editing, without the
 * spaces it ends in: SCREEN_DONE with buf set, or SCREEN_CANCEL (buf
 * unchanged) when skipped: Enter alone, or Esc (which asks first when
 * something was typed).  On SCREEN_SIGNAL buf holds what was typed, when
 * anything was, for the caller to keep. */
enum screen_end dialog_line(struct loop *l, const char *question, char *buf,
    size_t len);

/* The key bindings of context ctx over `under`, with extra (or NULL)
 * under them, until closed. */
enum screen_end dialog_help(struct loop *l, unsigned ctx,
    const struct screen *under, const char *extra);

#endif
