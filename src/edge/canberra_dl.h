/*
 * canberra_dl.h - libcanberra, loaded when the sound is first opened
 * (canberra_dl.c), not when backcoach starts, and only in the sound's own
 * process (sound_worker.c): the library and the PulseAudio client it
 * brings (libpulse, Vorbis, FLAC, sndfile, X11, D-Bus, systemd, ...) cost
 * every command its start-up and the coach some 4 MiB, and only the
 * worker plays a sound.
 *
 * Included by sound_worker.c, the only file that calls libcanberra: each
 * function it calls is a name for the pointer dlsym() found, so it reads
 * as plain libcanberra.  Nothing may be called before canberra_load() is
 * 0.
 */
#ifndef BACKCOACH_CANBERRA_DL_H
#define BACKCOACH_CANBERRA_DL_H

#include <canberra.h>

#define CANBERRA_FUNCTIONS(X) \
	X(ca_context_create) X(ca_context_destroy) X(ca_context_open) \
	X(ca_context_change_props) X(ca_context_cache) X(ca_context_cache_full) \
	X(ca_context_play_full) X(ca_context_cancel) X(ca_proplist_create) \
	X(ca_proplist_destroy) X(ca_proplist_sets) X(ca_strerror)

#define CANBERRA_POINTER(f) __typeof__(f) *f;
struct canberra_functions { CANBERRA_FUNCTIONS(CANBERRA_POINTER) };
extern struct canberra_functions canberra;

/* Loads libcanberra (once); 0, or -1 when it cannot be had (dlerror()
 * says why, as errno would). */
int canberra_load(void);

#ifndef CANBERRA_DL_DEFINE
#define ca_context_create       canberra.ca_context_create
#define ca_context_destroy      canberra.ca_context_destroy
#define ca_context_open         canberra.ca_context_open
#define ca_context_change_props canberra.ca_context_change_props
#define ca_context_cache        canberra.ca_context_cache
#define ca_context_cache_full   canberra.ca_context_cache_full
#define ca_context_play_full    canberra.ca_context_play_full
#define ca_context_cancel       canberra.ca_context_cancel
#define ca_proplist_create      canberra.ca_proplist_create
#define ca_proplist_destroy     canberra.ca_proplist_destroy
#define ca_proplist_sets        canberra.ca_proplist_sets
#define ca_strerror             canberra.ca_strerror
#endif

#endif
