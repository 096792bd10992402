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
	int flag;                       /* the flag answered yes, or -1 */
	bool checked;                   /* ... which a doctor has checked:
	                                   go on gently */
};

/*
 * Asks the red-flag questions when they are due (the red_flags setting
 * and when they were last answered): urgent ones first, then the same-day
 * ones, each a list that must be read to its end before y or n counts; a
 * yes asks which one, and shows the advice for it.  The first time, it
 * asks the risk factors and adds them to the settings file.
 * SCREEN_DONE with *a set; SCREEN_CANCEL when the person left (Esc: no
 * session, nothing recorded); SCREEN_SIGNAL.
 */
enum screen_end redflag_screen(struct loop *l, const struct settings *set,
    struct redflag_answer *a);

#endif
