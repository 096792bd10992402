/*
 * sound_worker.h - the sound's own process (sound_worker.c), for sound.c:
 * the one process that loads libcanberra and talks to the sound server.
 *
 * sound.c forks it when the sound opens and asks it one request at a time
 * over a socket; each request has one answer.  The worker knows nothing
 * of cues: it caches, plays and cancels libcanberra events and files.
 * Each time a sound it plays ends (or is cancelled) it writes one byte,
 * the sound's play id (SW_ID_*), to the finish pipe, whose read end the
 * coach's event loop polls.  It ends at the end of its requests (EOF), and
 * when the coach's process ends (PR_SET_PDEATHSIG).
 */
#ifndef BACKCOACH_SOUND_WORKER_H
#define BACKCOACH_SOUND_WORKER_H

#include <sys/types.h>

/* The play ids: the byte the finish pipe carries when one ends. */
enum { SW_ID_PLAY = 1, SW_ID_WARM = 2, SW_ID_SAY = 3 };

/* A request: its op, then its text, NUL-terminated (SW_OPEN: the theme,
 * NUL, canberra.volume, NUL). */
enum sw_op {
	SW_OPEN = 'o',          /* connect to the server with that theme */
	SW_CACHE = 'c',         /* upload an event id (the theme's, else the
	                           default theme's) to the sample cache */
	SW_CACHE_FILE = 'f',    /* upload a file (a phrase), keyed by its name */
	SW_PLAY = 'p',          /* play a cue's event id (cancels a phrase) */
	SW_WARM = 'w',          /* play an event id as the warm-up */
	SW_SAY = 's',           /* play a file (cancels the phrase before) */
	SW_CANCEL = 'x',        /* stop every cue and phrase playing */
};
#define SW_PERMANENT 1          /* flag: play from the sample cache */
#define SW_TEXT_MAX 4096        /* a request's text, its NULs included */

struct sw_request {
	char op;                /* enum sw_op */
	char flags;             /* SW_PERMANENT or 0 */
	char text[SW_TEXT_MAX];
};

/* An answer: a status and, when it failed, a few words why.
 * SW_DISCONNECTED: the server went away after the open (libcanberra does
 * not connect again): the sound is lost. */
enum sw_status { SW_OK, SW_NOTFOUND, SW_NOTSUPPORTED, SW_FAILED,
	SW_DISCONNECTED };
struct sw_answer {
	char status;            /* enum sw_status */
	char text[119];         /* NUL-terminated */
};

/* Starts the worker.  Returns its pid, with *sock the coach's end of the
 * request socket and *fin the finish pipe's read end (both close-on-exec,
 * the pipe non-blocking), or -1 with errno set. */
pid_t sound_worker_start(int *sock, int *fin);

#endif
