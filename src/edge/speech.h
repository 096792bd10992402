/*
 * speech.h - spoken phrases, rendered ahead of time to WAV files
 * (speech.c, the one file that knows libespeak-ng).
 *
 * The speech engine never runs in the coach's process: a phrase not in
 * the cache is rendered by a worker, this same program started again as
 * `backcoach --speech-worker` (speech_worker), which loads libespeak-ng,
 * writes the files and exits.  The coach only reads the files, so its
 * memory and start-up carry nothing of the engine.
 */
#ifndef BACKCOACH_SPEECH_H
#define BACKCOACH_SPEECH_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"

struct speech;

/* The option that makes main() hand over to speech_worker. */
#define SPEECH_WORKER_OPTION "--speech-worker"

/* Whether this backcoach was built with libespeak-ng. */
bool speech_built(void);
/* Speech with voice (an espeak-ng voice or language: "en", "de"; English
 * when it has none) at rate words per minute.  NULL, with a warning in d,
 * when this backcoach was built without speech.  Nothing is started: the
 * engine runs only when a phrase must be rendered. */
struct speech *speech_open(const char *voice, int rate, struct diags *d);
void speech_close(struct speech *sp);
/* The WAV files that say text[0..n-1] (path[i], malloc'd, or NULL when it
 * could not be had) and their lengths (ns[i], or -1): from the cache when
 * rendered before, else rendered now, all in one worker.  0 when every one
 * was had, else -1 with a warning in d saying why. */
int speech_render_all(struct speech *sp, const char *const *text, int n,
    char **path, int64_t *ns, struct diags *d);
/* The same for one text. */
int speech_render(struct speech *sp, const char *text, char **path,
    int64_t *ns, struct diags *d);

/* The worker: argv is { SPEECH_WORKER_OPTION, dir, voice, rate }; the
 * texts come on standard input, each ended by a NUL.  Renders those not
 * in dir, prints nothing, and returns the exit status (0: all done; see
 * speech.c for the others). */
int speech_worker(int argc, char **argv);

#endif
