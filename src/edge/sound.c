/*
 * sound.c - audio cues through libcanberra, the only file that includes
 * <canberra.h>.
 *
 * Punctuality is the point: a cue must sound at the step boundary itself.
 * So at open every cue id is uploaded to the sound server's sample cache
 * (ca_context_cache), every play asks for the cached sample
 * (canberra.cache-control=permanent: PulseAudio plays it from memory
 * instead of libcanberra opening, decoding and streaming a file), and a
 * silent sample is played once to warm the whole path (the sink-input
 * subscription, the server's first sink input).  A play is one round trip
 * to the server; its end is reported by a callback that only writes a
 * byte to a pipe the event loop polls.
 *
 * The sample cache is the server's, keyed by event id: opening uploads
 * every id again, so a theme change takes effect at the next open.
 */
#include "sound.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "canberra_dl.h"
#include "paths.h"
#include "sound_theme.h"
#include "util.h"
#include "words.h"

#define PLAY_ID         1       /* every cue: ca_context_cancel stops it */
#define WARM_ID         2
#define SAY_ID          3       /* a spoken phrase: a cue cancels it */
#define WARM_EVENT      "backcoach-silence"


/* One row per meaning of enum cue: the event id and its counted forms. */
static const struct cue_sound {
	const char *id;         /* event id; NULL for CUE_NONE */
	const char *name;       /* what it means, for sound-test */
	int max_n;              /* counts 1..max_n have ids of their own */
} cue_sounds[] = {
	[CUE_NONE]          = { NULL, "none", 0 },
	[CUE_READY]         = { "backcoach-ready", "get ready", 0 },
	[CUE_TICK]          = { "backcoach-tick", "countdown tick", 3 },
	[CUE_GO]            = { "backcoach-go", "start a hold or timer", 20 },
	[CUE_PHASE]         = { "backcoach-phase", "tempo phase", 4 },
	[CUE_RELAX]         = { "backcoach-relax", "relax", 0 },
	[CUE_REST]          = { "backcoach-rest", "rest", 0 },
	[CUE_SWITCH]        = { "backcoach-switch", "switch sides", 0 },
	[CUE_EXERCISE_DONE] = { "backcoach-exercise-done", "exercise done", 0 },
	[CUE_SESSION_DONE]  = { "backcoach-session-done", "session done", 0 },
	[CUE_TIMER_DONE]    = { "backcoach-timer-done", "timer done", 0 },
	[CUE_WARNING]       = { "backcoach-warning", "warning", 0 },
};
_Static_assert(sizeof cue_sounds / sizeof *cue_sounds == CUE_COUNT,
    "one cue_sounds row per enum cue");

struct sound {
	ca_context *ca;
	int pipe[2];                    /* finish callback -> event loop */
	bool muted;
	bool cached;                    /* the server keeps samples */
	char theme[THEME_MAX];          /* theme in use */
	char volume_db[16];             /* canberra.volume */
	char error[128];                /* why the last play failed */
};

const char *
sound_event_id(enum cue c, int n, char *buf, size_t len)
{
	if ((int)c <= CUE_NONE || c >= CUE_COUNT)
		return NULL;
	const struct cue_sound *cs = &cue_sounds[c];
	if (n >= 1 && n <= cs->max_n)
		snprintf(buf, len, "%s-%d", cs->id, n);
	else
		snprintf(buf, len, "%s", cs->id);
	return buf;
}

const char *
sound_cue_name(enum cue c)
{
	if ((int)c < 0 || c >= CUE_COUNT)
		return "?";
	return cue_sounds[c].name;
}

/* Few words for a failed ca_context_open. */
static const char *
open_reason(int err)
{
	switch (err) {
	case CA_ERROR_NOTAVAILABLE:
	case CA_ERROR_NODRIVER:
	case CA_ERROR_DISCONNECTED:
	case CA_ERROR_NOTFOUND:
		return SOUND_NO_SERVER;
	case CA_ERROR_ACCESS:
		return "sound server refused access";
	case CA_ERROR_DISABLED:
		return "sound disabled";
	default:
		return "sound device failed";
	}
}

/* The finish callback: runs on libcanberra's thread, so it only writes a
 * byte, the play id (a full pipe means the loop has plenty to read
 * already). */
static void
finished(ca_context *c, uint32_t id, int err, void *userdata)
{
	struct sound *s = userdata;
	char b = (char)id;

	(void)c, (void)err;
	ssize_t r = write(s->pipe[1], &b, 1);
	(void)r;
}

/* Uploads one event id to the server's sample cache, from the theme in
 * use or else from the default theme.  Returns a libcanberra status. */
static int
cache_one(struct sound *s, const char *id)
{
	int r = ca_context_cache(s->ca, CA_PROP_EVENT_ID, id, NULL);

	if (r == CA_ERROR_NOTFOUND && strcmp(s->theme, SOUND_DEFAULT_THEME) != 0)
		r = ca_context_cache(s->ca, CA_PROP_EVENT_ID, id,
		    CA_PROP_CANBERRA_XDG_THEME_NAME, SOUND_DEFAULT_THEME, NULL);
	return r;
}

/* Caches every cue id (and their counted forms).  A driver without a
 * sample cache (ALSA) still plays, only later; a missing cue is noted.
 * Returns how many cues (of CUE_COUNT - 1) were missing. */
static int
cache_all(struct sound *s, struct diags *d)
{
	char id[64];
	int missing = 0;

	s->cached = true;
	for (int c = CUE_NONE + 1; c < CUE_COUNT && s->cached; c++) {
		for (int n = 0; n <= cue_sounds[c].max_n; n++) {
			int r = cache_one(s, sound_event_id(c, n, id, sizeof id));
			if (r == CA_ERROR_NOTSUPPORTED) {
				s->cached = false;
				break;
			}
			missing += r < 0 && n == 0;
		}
	}
	if (s->cached && cache_one(s, WARM_EVENT) < 0)
		s->cached = false;
	if (missing > 0 && missing < CUE_COUNT - 1)
		diags_add(d, DIAG_WARNING, NULL, 0, "%d %s missing in theme %s",
		    missing, plural(missing, "cue", "cues"), s->theme);
	return missing;
}

/* Starts one event; with the cache, from the server's memory. */
static int
play_id(struct sound *s, uint32_t play, const char *id)
{
	ca_proplist *p;
	int r;

	if ((r = ca_proplist_create(&p)) < 0)
		return r;
	ca_proplist_sets(p, CA_PROP_EVENT_ID, id);
	ca_proplist_sets(p, CA_PROP_CANBERRA_VOLUME, s->volume_db);
	if (s->cached)
		ca_proplist_sets(p, CA_PROP_CANBERRA_CACHE_CONTROL, "permanent");
	r = ca_context_play_full(s->ca, play, p, finished, s);
	ca_proplist_destroy(p);
	return r;
}

/* Picks the theme: the one asked for if it is installed, else the
 * default (a warning in d).  0, or -1 when not even the default is there
 * (the caller says so). */
static int
choose_theme(struct sound *s, const char *theme, struct diags *d)
{
	if (theme == NULL || *theme == '\0')
		theme = SOUND_DEFAULT_THEME;
	if (sound_theme_name_ok(theme) && sound_theme_exists(theme)) {
		snprintf(s->theme, sizeof s->theme, "%s", theme);
		return 0;
	}
	diags_add(d, DIAG_WARNING, NULL, 0, "theme %.60s not found", theme);
	snprintf(s->theme, sizeof s->theme, "%s", SOUND_DEFAULT_THEME);
	return sound_theme_exists(SOUND_DEFAULT_THEME) ? 0 : -1;
}

/* PulseAudio's mixers show volume on a cubic scale: 50 % is -18 dB. */
static void
set_volume(struct sound *s, int percent)
{
	double db = percent <= 0 ? -200.0 :
	    60.0 * log10((percent > 100 ? 100 : percent) / 100.0);
	snprintf(s->volume_db, sizeof s->volume_db, "%.2f", db);
}

/* Connects s to the sound server; NULL, or why not. */
static const char *
connect_server(struct sound *s)
{
	int r;

	if (canberra_load() != 0)
		return "libcanberra cannot be loaded (is libcanberra0 installed?)";
	if (pipe2(s->pipe, O_CLOEXEC | O_NONBLOCK) < 0 ||
	    ca_context_create(&s->ca) < 0)
		return "sound failed";
	ca_context_change_props(s->ca,
	    CA_PROP_APPLICATION_NAME, "backcoach",
	    CA_PROP_APPLICATION_ID, "backcoach",
	    CA_PROP_APPLICATION_VERSION, VERSION,
	    CA_PROP_CANBERRA_XDG_THEME_NAME, s->theme,
	    NULL);
	if ((r = ca_context_open(s->ca)) < 0)
		return open_reason(r);
	return NULL;
}

struct sound *
sound_open(const char *theme, int volume, struct diags *d)
{
	struct sound *s = xcalloc(1, sizeof *s);
	const char *why = NULL;

	s->pipe[0] = s->pipe[1] = -1;
	set_volume(s, volume);
	sound_prepend_data_dir(paths_sound_root());
	if (choose_theme(s, theme, d) != 0)
		why = "sound theme not found";
	else if ((why = connect_server(s)) != NULL)
		;
	else if (cache_all(s, d) == CUE_COUNT - 1)
		/* libcanberra drops a theme whose Inherits= chain is broken:
		 * ours inherits freedesktop (Debian: sound-theme-freedesktop) */
		why = sound_theme_exists("freedesktop") ? "no sound cues found" :
		    "sound theme freedesktop missing";
	if (why != NULL) {
		diags_add(d, DIAG_ERROR, NULL, 0, "%s", why);
		sound_close(s);
		return NULL;
	}
	sound_warm(s);                          /* its end is not waited for */
	return s;
}

void
sound_close(struct sound *s)
{
	if (s == NULL)
		return;
	if (s->ca != NULL)
		ca_context_destroy(s->ca);      /* may call finished() */
	if (s->pipe[0] >= 0)
		close(s->pipe[0]);
	if (s->pipe[1] >= 0)
		close(s->pipe[1]);
	free(s);
}

int
sound_play(struct sound *s, enum cue c, int n)
{
	char id[64];

	if (s == NULL || s->muted || sound_event_id(c, n, id, sizeof id) == NULL)
		return 0;
	ca_context_cancel(s->ca, SAY_ID);       /* a cue always wins */
	int r = play_id(s, PLAY_ID, id);
	if (r < 0) {
		snprintf(s->error, sizeof s->error, "%s: %s", id, ca_strerror(r));
		return -1;
	}
	return 0;
}

int
sound_fd(const struct sound *s)
{
	return s->pipe[0];
}

int
sound_drain(struct sound *s)
{
	char buf[64];
	ssize_t r;
	int n = 0;

	while ((r = read(s->pipe[0], buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < r; i++)
			n += buf[i] == PLAY_ID;
	return n;
}

int
sound_wait(struct sound *s, int timeout_ms)
{
	struct pollfd pfd = { .fd = s->pipe[0], .events = POLLIN };
	char b;

	/* No clock here (only the loop reads it): a warm-up byte read on the
	 * way restarts the timeout, which can happen once. */
	for (;;) {
		int r = poll(&pfd, 1, timeout_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		if (read(s->pipe[0], &b, 1) == 1 && (b == PLAY_ID || b == SAY_ID))
			return 1;
	}
}

/* The event id a phrase's file is cached under: its name, which holds
 * the hash of what it says. */
static void
say_id(const char *path, char *id, size_t len)
{
	const char *base = strrchr(path, '/');

	snprintf(id, len, "backcoach-say-%.*s", (int)strcspn(base ? base + 1 : path,
	    "."), base ? base + 1 : path);
}

/* The phrase's properties: its id and its file. */
static int
say_props(struct sound *s, const char *path, ca_proplist **p)
{
	char id[96];
	int r;

	if ((r = ca_proplist_create(p)) < 0)
		return r;
	say_id(path, id, sizeof id);
	ca_proplist_sets(*p, CA_PROP_EVENT_ID, id);
	ca_proplist_sets(*p, CA_PROP_MEDIA_FILENAME, path);
	ca_proplist_sets(*p, CA_PROP_CANBERRA_VOLUME, s->volume_db);
	if (s->cached)
		ca_proplist_sets(*p, CA_PROP_CANBERRA_CACHE_CONTROL, "permanent");
	return 0;
}

int
sound_cache_phrase(struct sound *s, const char *path)
{
	ca_proplist *p;
	int r;

	if (s == NULL || !s->cached)
		return 0;
	if ((r = say_props(s, path, &p)) < 0)
		return -1;
	r = ca_context_cache_full(s->ca, p);
	ca_proplist_destroy(p);
	return r < 0 ? -1 : 0;
}

int
sound_say(struct sound *s, const char *path)
{
	ca_proplist *p;
	int r;

	if (s == NULL || s->muted)
		return 0;
	ca_context_cancel(s->ca, SAY_ID);
	if ((r = say_props(s, path, &p)) >= 0) {
		r = ca_context_play_full(s->ca, SAY_ID, p, finished, s);
		ca_proplist_destroy(p);
	}
	if (r < 0) {
		snprintf(s->error, sizeof s->error, "%s: %s", path, ca_strerror(r));
		return -1;
	}
	return 0;
}

void
sound_warm(struct sound *s)
{
	if (s != NULL && !s->muted)
		play_id(s, WARM_ID, WARM_EVENT);
}

void
sound_set_muted(struct sound *s, bool muted)
{
	if (s == NULL)
		return;
	s->muted = muted;
	if (muted) {
		ca_context_cancel(s->ca, PLAY_ID);
		ca_context_cancel(s->ca, SAY_ID);
	}
}

const char *
sound_theme(const struct sound *s)
{
	return s->theme;
}

const char *
sound_error(const struct sound *s)
{
	return s->error[0] ? s->error : "no error";
}
