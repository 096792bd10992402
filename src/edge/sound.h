/*
 * sound.h - audio cues through libcanberra, in a process of their own.
 *
 * Cues are freedesktop sound-theme events named backcoach-*, looked up in
 * the theme the user chose (backcoach: tones, backcoach-voice: spoken),
 * falling back through the theme's Inherits= chain and, per the sound
 * naming spec, from backcoach-tick-3 to backcoach-tick.
 *
 * libcanberra and the PulseAudio client never load into the caller's
 * process: sound_open() forks a worker (sound_worker.c) that alone loads
 * them and talks to the sound server, and every call here is a request to
 * it, answered at once.  A worker that ends or stops answering is
 * reaped; the sound is then lost (sound_lost()): every call after is
 * silent and fails, and sound_error() says why.
 *
 * Life cycle, for the caller:
 *   - sound_open() when nothing else runs beside the caller's one thread
 *     (it forks, and changes XDG_DATA_DIRS), after the signals the loop
 *     reads from a signalfd are blocked (the worker keeps a terminal's
 *     signals blocked: a ^C is the caller's to handle), and before the
 *     first screen that needs it (it may take a moment; the worker prints
 *     nothing, so it may be called with curses running).
 *   - sound_play() at the moment a cue is due: it never waits for the cue
 *     to finish (one round trip to the worker, which makes one to the
 *     sound server).
 *   - one byte arrives on sound_fd() each time a cue finishes playing (or
 *     is cancelled), for sound_wait(); a full pipe drops them.  A hang-up
 *     is the worker's end, which sound_drain() notes: the loop polls for
 *     that alone (no screen waits for a cue: a cue costs no wake-up).
 *   - sound_close() at the end: the worker is told to end, and killed
 *     when it has not within half a second; none is left behind.
 * With no sound server, no device or no theme, sound_open() returns NULL
 * with a few words saying why (an error in its diags), for the status
 * line.
 */
#ifndef BACKCOACH_SOUND_H
#define BACKCOACH_SOUND_H

#include <stdbool.h>
#include <stddef.h>

#include "cue.h"
#include "diag.h"

#define SOUND_DEFAULT_THEME "backcoach"
/* sound_open()'s error when no sound server answers, for a caller that
 * says what to check. */
#define SOUND_NO_SERVER "no sound server"

struct sound;

/*
 * Opens the sound server and caches every cue of `theme` (NULL: the
 * default) at `volume` percent (0-100, on PulseAudio's cubic scale, as in
 * its mixers).  Returns NULL with an error in d ("no sound server", "sound
 * theme not found", ...) when there can be no sound; a problem that still
 * leaves sound ("theme x not found", "2 cues missing") is a warning in d.
 */
struct sound *sound_open(const char *theme, int volume, struct diags *d);
void sound_close(struct sound *s);

/*
 * Starts the cue for c; n is the count that goes with it (CUE_TICK: 3, 2,
 * 1; CUE_GO: the rep number; CUE_PHASE: the tempo phase; 0: none).
 * Muted or CUE_NONE: does nothing.  Returns 0, or -1 when the cue could not
 * be played (sound_error() says why).
 */
int sound_play(struct sound *s, enum cue c, int n);

/* The theme event id of cue c with count n, e.g. "backcoach-tick-3"; NULL
 * for CUE_NONE.  A count beyond what the themes provide gives the plain
 * id ("backcoach-go"). */
const char *sound_event_id(enum cue c, int n, char *buf, size_t len);
/* A few words naming the cue's meaning, e.g. "countdown tick". */
const char *sound_cue_name(enum cue c);

/* The read end of the finish pipe, to poll (POLLIN: a cue finished;
 * POLLHUP: the worker ended); -1 once the sound is lost. */
int sound_fd(const struct sound *s);
/* Reads what the finish pipe holds; returns how many cues finished.  At
 * the pipe's end (POLLHUP: the worker ended) the sound is lost. */
int sound_drain(struct sound *s);
/* Waits up to timeout_ms for one cue to finish; 1 if one did, 0 if not. */
int sound_wait(struct sound *s, int timeout_ms);

/* Plays a silent sample: wakes a sound device that went to sleep, so that
 * the first cue after a while is on time.  s may be NULL. */
void sound_warm(struct sound *s);

/* Mute stops the cue playing now and silences the next ones.  s may be
 * NULL. */
void sound_set_muted(struct sound *s, bool muted);

/* Whether sound theme `theme` is installed where libcanberra looks (the
 * bundled ones too); sound_open() falls back from one that is not. */
bool sound_theme_installed(const char *theme);

/* Whether the sound was lost since it opened: its worker ended (killed,
 * crashed), or its server stopped or stopped answering it.  sound_error() says why,
 * as "no sound: ...".  False for NULL (no sound is not a lost one). */
bool sound_lost(const struct sound *s);

/* The theme in use (a missing theme falls back to the default one). */
const char *sound_theme(const struct sound *s);
/* Why the last sound_play() or sound_say() failed: the handle keeps it,
 * as a stream keeps ferror() (src/ARCHITECTURE.md, One error convention). */
const char *sound_error(const struct sound *s);

/* A spoken phrase's WAV file (speech.c), uploaded to the server's sample
 * cache ahead of time, so that it starts on its step boundary as a cue
 * does.  0, or -1 (it will still play, later). */
int sound_cache_phrase(struct sound *s, const char *path);
/* Speaks the phrase in path (NULL sound or muted: nothing).  A cue played
 * after it cancels it: a cue always wins.  0, or -1 (sound_error()). */
int sound_say(struct sound *s, const char *path);

#endif
