/*
 * sound.c - audio cues (sound.h), played by the sound's own process
 * (sound_worker.c), which alone loads libcanberra: this file only asks it.
 *
 * Punctuality is the point: a cue must sound at the step boundary itself.
 * So at open every cue id is uploaded to the sound server's sample cache,
 * every play asks for the cached sample (canberra.cache-control=permanent:
 * PulseAudio plays it from memory instead of libcanberra opening,
 * decoding and streaming a file), and a silent sample is played once to
 * warm the whole path (the sink-input subscription, the server's first
 * sink input).  A play is one request to the worker, which makes one
 * round trip to the server, and its answer (whether it played, and if not
 * why): two process wake-ups more than the call into libcanberra it
 * replaces (some 0.2 ms on the test machine; the cue itself waits one).
 * The end of a sound comes as a byte on a pipe the event loop polls,
 * written by the worker.
 *
 * The worker may be lost: killed, crashed, or stuck on a server that no
 * longer answers.  Each answer is waited for a bounded time; after that,
 * or at its end, the worker is killed if need be and reaped at once, the
 * handle keeps why, and every call after is silent (sound_lost()).  Its
 * requests go with MSG_NOSIGNAL, so its end is never a SIGPIPE here.
 *
 * The sample cache is the server's, keyed by event id: opening uploads
 * every id again, so a theme change takes effect at the next open.
 */
#include "sound.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "paths.h"
#include "sound_theme.h"
#include "sound_worker.h"
#include "util.h"
#include "words.h"

#define WARM_EVENT      "backcoach-silence"
#define OPEN_WAIT_MS    15000   /* connecting (which may start a server) */
#define CACHE_WAIT_MS   10000   /* an upload: a file read and decoded */
#define ANSWER_WAIT_MS  3000    /* a play or a cancel: milliseconds */
#define CLOSE_WAIT_MS   500     /* the worker's goodbye to the server */
#define LOST_ENDED      "the sound process ended"
#define LOST_STUCK      "the sound server did not answer"
#define LOST_SERVER     "the sound server stopped"

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
	pid_t pid;                      /* the worker, or -1 once lost */
	int sock;                       /* its requests and answers */
	int fin;                        /* the finish pipe's read end */
	bool muted;
	bool cached;                    /* the server keeps samples */
	char theme[THEME_MAX];          /* theme in use */
	char volume_db[16];             /* canberra.volume */
	const char *lost;               /* why the worker was lost, or NULL */
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

/* The worker is gone, or must go: killed (when it is stuck; a worker
 * that ended is only reaped) and reaped, its files closed.  why (or NULL
 * at the close) is what sound_error() says from now on. */
static void
lose(struct sound *s, const char *why)
{
	if (s->pid > 0) {
		kill(s->pid, SIGKILL);
		while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
			;
		s->pid = -1;
	}
	if (s->sock >= 0)
		close(s->sock);
	if (s->fin >= 0)
		close(s->fin);
	s->sock = s->fin = -1;
	if (why != NULL && s->lost == NULL) {
		s->lost = why;
		snprintf(s->error, sizeof s->error, "no sound: %s", why);
	}
}

/* Sends the worker one request (len bytes of text) and waits up to ms for
 * its answer.  Returns the answer's status (a->text says why it failed),
 * or -1 when the worker is lost (or its server: then it is of no use). */
static int
ask(struct sound *s, enum sw_op op, const char *text, size_t len, int ms,
    struct sw_answer *a)
{
	struct sw_request q = { .op = (char)op,
	    .flags = s->cached ? SW_PERMANENT : 0 };
	struct pollfd pfd = { .fd = s->sock, .events = POLLIN };
	int r;

	if (s->pid < 0)
		return -1;
	if (len > sizeof q.text) {
		snprintf(a->text, sizeof a->text, "%s", strerror(ENAMETOOLONG));
		return SW_FAILED;
	}
	memcpy(q.text, text, len);
	if (send(s->sock, &q, offsetof(struct sw_request, text) + len,
	    MSG_NOSIGNAL) < 0) {
		lose(s, LOST_ENDED);
		return -1;
	}
	while ((r = poll(&pfd, 1, ms)) < 0 && errno == EINTR)
		;
	ssize_t n = r > 0 ? recv(s->sock, a, sizeof *a, MSG_DONTWAIT) : -1;
	if (n < (ssize_t)sizeof a->status + 1) {
		lose(s, r == 0 ? LOST_STUCK : LOST_ENDED);
		return -1;
	}
	a->text[sizeof a->text - 1] = '\0';
	if (a->status == SW_DISCONNECTED) {
		lose(s, LOST_SERVER);
		return -1;
	}
	return a->status;
}

/* A request whose text is one string. */
static int
ask_str(struct sound *s, enum sw_op op, const char *text, int ms,
    struct sw_answer *a)
{
	return ask(s, op, text, strlen(text) + 1, ms, a);
}

/* A play of what names (for sound_error()): 0, or -1 with why in
 * s->error. */
static int
play(struct sound *s, enum sw_op op, const char *what)
{
	struct sw_answer a;
	int r = ask_str(s, op, what, ANSWER_WAIT_MS, &a);

	if (r == SW_OK)
		return 0;
	if (r >= 0)
		snprintf(s->error, sizeof s->error, "%s: %s", what, a.text);
	return -1;
}

/* Caches every cue id (and their counted forms).  A driver without a
 * sample cache (ALSA) still plays, only later; a missing cue is noted.
 * Returns how many cues (of CUE_COUNT - 1) were missing. */
static int
cache_all(struct sound *s, struct diags *d)
{
	struct sw_answer a;
	char id[64];
	int missing = 0;

	s->cached = true;
	for (int c = CUE_NONE + 1; c < CUE_COUNT && s->cached; c++) {
		for (int n = 0; n <= cue_sounds[c].max_n; n++) {
			int r = ask_str(s, SW_CACHE, sound_event_id(c, n, id,
			    sizeof id), CACHE_WAIT_MS, &a);
			if (r < 0)
				return CUE_COUNT - 1;   /* lost */
			if (r == SW_NOTSUPPORTED) {
				s->cached = false;
				break;
			}
			missing += r != SW_OK && n == 0;
		}
	}
	if (s->cached && ask_str(s, SW_CACHE, WARM_EVENT, CACHE_WAIT_MS, &a) != SW_OK)
		s->cached = false;
	if (missing > 0 && missing < CUE_COUNT - 1)
		diags_add(d, DIAG_WARNING, NULL, 0, "%d %s missing in theme %s",
		    missing, plural(missing, "cue", "cues"), s->theme);
	return missing;
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

/* Starts the worker and connects it to the sound server; NULL, or why
 * not. */
static const char *
connect_server(struct sound *s)
{
	char text[THEME_MAX + sizeof s->volume_db];
	struct sw_answer a;

	if ((s->pid = sound_worker_start(&s->sock, &s->fin)) < 0)
		return "sound failed";
	int n = snprintf(text, sizeof text, "%s%c%s", s->theme, '\0',
	    s->volume_db);
	int r = ask(s, SW_OPEN, text, (size_t)n + 1, OPEN_WAIT_MS, &a);
	if (r < 0)
		return s->lost;
	if (r == SW_OK)
		return NULL;
	snprintf(s->error, sizeof s->error, "%s", a.text);
	return s->error;
}

struct sound *
sound_open(const char *theme, int volume, struct diags *d)
{
	struct sound *s = xcalloc(1, sizeof *s);
	const char *why = NULL;

	s->pid = -1;
	s->sock = s->fin = -1;
	set_volume(s, volume);
	sound_prepend_data_dir(paths_sound_root());
	if (choose_theme(s, theme, d) != 0)
		why = "sound theme not found";
	else if ((why = connect_server(s)) != NULL)
		;
	else if (cache_all(s, d) == CUE_COUNT - 1)
		/* libcanberra drops a theme whose Inherits= chain is broken:
		 * ours inherits freedesktop (Debian: sound-theme-freedesktop) */
		why = s->lost != NULL ? s->lost :
		    sound_theme_exists("freedesktop") ? "no sound cues found" :
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
	if (s->pid > 0) {
		/* the worker's EOF: it leaves the server and ends, closing its
		 * end, which is waited for a short while (then it is killed) */
		struct pollfd pfd = { .fd = s->sock, .events = POLLIN };
		shutdown(s->sock, SHUT_WR);
		while (poll(&pfd, 1, CLOSE_WAIT_MS) < 0 && errno == EINTR)
			;
	}
	lose(s, NULL);
	free(s);
}

int
sound_play(struct sound *s, enum cue c, int n)
{
	char id[64];

	if (s == NULL || s->muted || sound_event_id(c, n, id, sizeof id) == NULL)
		return 0;
	return play(s, SW_PLAY, id);    /* the worker cancels a phrase first */
}

int
sound_fd(const struct sound *s)
{
	return s->fin;
}

int
sound_drain(struct sound *s)
{
	char buf[64];
	ssize_t r;
	int n = 0;

	while ((r = read(s->fin, buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < r; i++)
			n += buf[i] == SW_ID_PLAY;
	if (r == 0)
		lose(s, LOST_ENDED);    /* the pipe's far end is closed */
	return n;
}

int
sound_wait(struct sound *s, int timeout_ms)
{
	struct pollfd pfd = { .fd = s->fin, .events = POLLIN };
	char b;

	/* No clock here (only the loop reads it): a warm-up byte read on the
	 * way restarts the timeout, which can happen once. */
	while (s->fin >= 0) {
		int r = poll(&pfd, 1, timeout_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		ssize_t got = read(s->fin, &b, 1);
		if (got == 0)
			lose(s, LOST_ENDED);
		else if (got == 1 && (b == SW_ID_PLAY || b == SW_ID_SAY))
			return 1;
	}
	return 0;
}

int
sound_cache_phrase(struct sound *s, const char *path)
{
	struct sw_answer a;

	if (s == NULL || !s->cached)
		return 0;
	return ask_str(s, SW_CACHE_FILE, path, CACHE_WAIT_MS, &a) == SW_OK ?
	    0 : -1;
}

int
sound_say(struct sound *s, const char *path)
{
	if (s == NULL || s->muted)
		return 0;
	return play(s, SW_SAY, path);   /* the worker cancels the one before */
}

void
sound_warm(struct sound *s)
{
	struct sw_answer a;

	if (s != NULL && !s->muted)
		ask_str(s, SW_WARM, WARM_EVENT, ANSWER_WAIT_MS, &a);
}

void
sound_set_muted(struct sound *s, bool muted)
{
	struct sw_answer a;

	if (s == NULL)
		return;
	s->muted = muted;
	if (muted)
		ask_str(s, SW_CANCEL, "", ANSWER_WAIT_MS, &a);
}

bool
sound_lost(const struct sound *s)
{
	return s != NULL && s->lost != NULL;
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
