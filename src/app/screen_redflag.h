/*
 * screen_redflag.h - the red-flag questions before a session: the signs
 * that mean "see a doctor, don't exercise", asked as often as the
 * settings say, and the risk factors that add questions, asked once.
 */
#ifndef BACKCOACH_SCREEN_REDFLAG_H
#define BACKCOACH_SCREEN_REDFLAG_H

#include "loop.h"
#include "safety.h"
#include "settings.h"

struct redflag_answer {
	enum safety_urgency urgency;    /* SAFETY_OK: go on; else stop */
	unsigned flags;                 /* SAFETY_FLAG_BIT()s answered yes */
	unsigned checked;               /* ... all of which a doctor has
	                                   checked: go on gently (else 0) */
	char title[80], text[1024];     /* the advice shown, or "" */
};

/*
 * Asks the red-flag questions when they are due (the red_flags setting
 * and when they were last answered): urgent ones first, then the same-day
 * ones, each a list that must be read to its end before n counts; a
 * yes asks which ones, and shows the advice for the most urgent (a
 * same-day flag checked by a doctor goes through; any other asks again).
 * A yes is never kept as answered: the next run asks again.  The first
 * time, it
 * asks the risk factors and adds them to the settings file.
 * SCREEN_DONE with *a set; SCREEN_CANCEL when the person left (Esc: no
 * session, nothing recorded); SCREEN_SIGNAL.
 */
enum screen_end redflag_screen(struct loop *l, const struct settings *set,
    struct redflag_answer *a);

/* `backcoach risk-factors`: the risk factors page again, marked as the
 * settings hold them, read to its end before Enter counts, as the first
 * time.  SCREEN_DONE with *risks the answer (saving it is the caller's);
 * SCREEN_CANCEL (Esc); SCREEN_SIGNAL. */
enum screen_end redflag_risks_again(struct loop *l,
    const struct settings *set, unsigned *risks);

/* Forgets that the questions were answered: the next run asks them. */
void redflag_forget(void);

#endif
