/*
 * phrases.h - what the coach says aloud, and when: the phrases of a plan.
 *
 * Part of the pure core.  A phrase belongs to the step at whose start it
 * is spoken, in place of that step's cue: an exercise's lead-in says its
 * name, side, set and dose (and, in full, its cue line); a switch of
 * sides says "Other side: right"; the relax before the last rep of a set says
 * "Last one".  Each phrase has a brief form (the name alone, or the same
 * short words) for when the full one would run past the step's end: a
 * cue always wins, so speech must be over by the next boundary.
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

struct phrase {
	int step;               /* the step it is spoken at the start of */
	char *text;             /* malloc'd */
	char *brief;            /* malloc'd; may equal text's words */
};

/* The phrases of plan p in mode m, in step order, into *out (malloc'd;
 * NULL when none).  Returns the count, or -1 when out of memory. */
int phrases_of(const struct plan *p, enum speech_mode m, struct phrase **out);
void phrases_free(struct phrase *v, int n);

/* Which form fits a step of step_ns: the text when its length text_ns
 * (plus a margin) does, else the brief one, else neither: 1, 2 or 0. */
int phrase_fit(int64_t step_ns, int64_t text_ns, int64_t brief_ns);

#define PHRASE_MARGIN_NS (NS_PER_SEC * 4 / 10)  /* quiet before the next cue */

#endif
