/*
 * speech.h - spoken phrases, rendered ahead of time to WAV files
 * (speech.c, the one file that includes libespeak-ng).
 */
#ifndef BACKCOACH_SPEECH_H
#define BACKCOACH_SPEECH_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"

struct speech;

/* Whether this backcoach was built with libespeak-ng. */
bool speech_built(void);
/* Starts espeak-ng with voice (an espeak-ng voice or language: "en",
 * "de"; English when it has none) at rate words per minute.  NULL, with a
 * warning in d, when speech cannot be had: then tones alone. */
struct speech *speech_open(const char *voice, int rate, struct diags *d);
void speech_close(struct speech *sp);
/* The WAV file that says text (*path, malloc'd) and its length (*ns):
 * from the cache when it was rendered before, else rendered now.  0, or
 * -1 with a warning in d. */
int speech_render(struct speech *sp, const char *text, char **path,
    int64_t *ns, struct diags *d);

#endif
