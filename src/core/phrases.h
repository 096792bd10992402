/*
 * phrases.h - what the coach says aloud, and when: the phrases of a plan.
 *
 * Part of the pure core.  A phrase belongs to the step at whose start it
 * is spoken, in place of that step's cue: an exercise's lead-in says its
 * name, the move where the position changes, side, set and dose (and,
 * in full, the cue line and the breathing); a rest says how long and what is next
 * ("Rest 30 seconds. Next: set 2 of 3, left leg up."); a switch of sides
 * says the new side; the relax before the last rep of a set says "Last
 * one"; in full, each tempo phase its word.  A side is said in the
 * routine's own words or as "left side", never a bare "left".  Each
 * phrase has shorter forms for when the full one would run past the
 * step's end (a cue always wins): full mode's shorter forms are names
 * mode's, so full never says less than names.
 */
#ifndef BACKCOACH_PHRASES_H
#define BACKCOACH_PHRASES_H

#include <stdint.h>

#include "plan.h"

enum speech_mode {
	SPEECH_OFF,
	SPEECH_NAMES,           /* names, sides, sets and doses */
	SPEECH_FULL,            /* and each exercise's cue line */
	SPEECH_MODE_COUNT
};

/* The settings file's words: "off", "names", "full". */
extern const char *const speech_mode_words[SPEECH_MODE_COUNT];

#define PHRASE_FORMS 4   /* forms of a phrase, the longest first */

/* A phrase in its forms, the fullest first; the first that fits before
 * the next cue is said.  form[0] is always there; the others are NULL
 * when the phrase has fewer. */
struct phrase {
	int step;               /* the step it is spoken at the start of */
	char *form[PHRASE_FORMS];       /* malloc'd */
};

/* The phrases of plan p in mode m, in step order, into *out (malloc'd;
 * NULL when none).  Returns the count, or -1 when out of memory. */
int phrases_of(const struct plan *p, enum speech_mode m, struct phrase **out);
void phrases_free(struct phrase *v, int n);
/* What is said with the start card, before the session: in full, the
 * routine's name, what it needs and its stop rules ("McGill Big 3. You
 * need: mat. Stop if ..."); with names, its name and what it needs, or ""
 * when it needs nothing; off, "".  malloc'd, or NULL out of memory. */
char *phrases_intro(const struct routine *r, enum speech_mode m);

/* Which form fits a step of step_ns, given their spoken lengths ns[]
 * (INT64_MAX / 2 for none): the first whose length plus a margin does,
 * as 1 + its index; 0 when none does. */
int phrase_fit(int64_t step_ns, const int64_t ns[PHRASE_FORMS]);

#define PHRASE_MARGIN_NS (NS_PER_SEC * 4 / 10)  /* quiet before the next cue */

#endif
