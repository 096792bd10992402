/*
 * spoken.h - a session's phrases, rendered and cached before it starts
 * (spoken.c): the words of phrases.c, the files of speech.c, uploaded to
 * the sound server (sound.c) so that each starts on its step boundary.
 */
#ifndef BACKCOACH_SPOKEN_H
#define BACKCOACH_SPOKEN_H

#include <stdint.h>

#include "diag.h"
#include "phrases.h"
#include "plan.h"
#include "settings.h"
#include "sound.h"

/* A step's phrase in its forms (phrases.h), the fullest first; path NULL
 * (and ns INT64_MAX / 2) where there is no such form or it could not be
 * rendered. */
struct spoken_step {
	char *path[PHRASE_FORMS];
	int64_t ns[PHRASE_FORMS];
	char *text[PHRASE_FORMS];       /* the words of each form, or NULL */
};

struct spoken {
	struct spoken_step **by_step;   /* plan->n entries, NULL: no phrase */
	struct spoken_step *v;
	int n, nsteps;
};

/*
 * The phrases of plan p, as settings say (speech mode, voice, rate),
 * rendered (or taken from the cache) and uploaded to snd.  Without sound,
 * with speech off or not to be had, sp is empty and why is in d (a
 * warning).
 */
void spoken_prepare(struct spoken *sp, const struct plan *p,
    const struct settings *set, struct sound *snd, struct diags *d);
/* With speech and sound, says routine r's name and what it needs, and in
 * full its stop rules (phrases_intro), as its start card shows them; the
 * session's first cue cuts it short. */
void spoken_intro(const struct routine *r, const struct settings *set,
    struct sound *snd);
/* Form k of phrase p has just started to sound: a test hook
 * (ARCHITECTURE.md) writes its words, one line each, to the file that
 * BACKCOACH_TEST_SPEECH_LOG names; without it, nothing. */
void spoken_said(const struct spoken_step *p, int k);

/* The phrase of step i, or NULL. */
const struct spoken_step *spoken_at(const struct spoken *sp, int i);
void spoken_free(struct spoken *sp);

#endif
