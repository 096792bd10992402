/*
 * coach_history.h - the history inside the full-screen coach: pain
 * before and after a session, the note, recording every session exactly
 * once, and what the picker shows of the history (last done, statistics).
 */
#ifndef BACKCOACH_COACH_HISTORY_H
#define BACKCOACH_COACH_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "coach.h"
#include "draw.h"

/* Before a session (after any safety screen): "Pain now, 0-10?" when the
 * pain_prompts setting is on.  Sets rep->pain_before (-1: skipped). */
bool coach_history_before(struct coach_report *rep);

/*
 * When a session has ended (rep filled): unless a signal ended it, asks
 * the pain after and a note; records the session, once, even when a
 * signal arrives during those questions.  summary gets a sentence on the
 * pain change for the end screen ("" when there is none).
 */
void coach_history_end(struct coach_report *rep, char *summary, size_t len);

/* Fills each item's last_done ("today", "3 days ago") from the history. */
void coach_history_stopped(struct coach_report *rep);

void coach_history_last_done(struct picker_item *v, int n);

/* The statistics full-screen (`h` in the picker) until q, Esc or h. */
void coach_history_stats_screen(void);

#endif
