/*
 * speech.c - phrases rendered to WAV files with libespeak-ng, the only
 * file that knows it (speech.h).
 *
 * Timing first: nothing is synthesised while a session runs.  Before it
 * starts, each phrase is looked up in $XDG_CACHE_HOME/backcoach/speech/,
 * under a name made from a hash of the voice, the rate and the text; the
 * ones not there are rendered (espeak-ng's synchronous mode, into a
 * buffer) and written there.  The files are played like every cue,
 * through libcanberra's sample cache (sound.c).  A file is written under
 * a temporary name and renamed, so that a reader never sees half of one;
 * a file is used only when its header says it is what this file writes
 * (16-bit mono PCM) and its length agrees with its size.
 *
 * Memory and start-up first too: libespeak-ng (and the audio stack it
 * links) is never loaded into the coach.  The phrases missing from the
 * cache are handed, all at once, to a worker: this program again, run as
 * `backcoach --speech-worker DIR VOICE RATE` with the texts on a socket as
 * its standard input, which dlopen()s libespeak-ng, renders them and
 * exits.  Its exit status says what went wrong, if anything (W_* below).
 *
 * Built without libespeak-ng (no HAVE_ESPEAK), speech_open() says so and
 * returns NULL: the session runs on tones alone.
 */
#include "speech.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "util.h"

#ifdef HAVE_ESPEAK
#include <dlfcn.h>
#include <espeak-ng/speak_lib.h>
#endif

/* The worker's exit statuses. */
enum {
	W_DONE = 0,             /* every phrase is in the cache */
	W_USAGE = 2,            /* called wrongly */
	W_NO_LIBRARY = 3,       /* libespeak-ng cannot be loaded */
	W_NO_START = 4,         /* espeak-ng could not start */
	W_NO_VOICE = 5,         /* neither the voice nor English */
	W_FAILED = 6,           /* a phrase could not be rendered or written */
};

#define WAV_HEADER 44
#define WORKER_INPUT_MAX (1 << 20)     /* the texts the worker reads, at most */

struct speech {
	char *dir;              /* the cache directory */
	char voice[64];
	int rate;               /* words per minute */
};

/* FNV-1a over how the file is made, the voice, the rate and the text. */
static uint64_t
key(const char *voice, const char *rate, const char *text)
{
	uint64_t h = 14695981039346656037ULL;
	/* the first part changes when the files are made differently */
	const char *parts[] = { "trimmed-1\n", voice, "\n", rate, "\n", text };

	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		for (const char *p = parts[i]; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h;
}

static char *
path_of(const char *dir, const char *voice, const char *rate, const char *text)
{
	return xasprintf("%s/%016llx.wav", dir,
	    (unsigned long long)key(voice, rate, text));
}

static uint32_t
get32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The length of the WAV file at path, or -1 when it is not one this file
 * writes, whole: a header for 16-bit mono PCM, and sizes that agree with
 * the file's. */
static int64_t
wav_ns(const char *path)
{
	unsigned char h[WAV_HEADER];
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	ssize_t got = -1;

	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		got = read(fd, h, sizeof h);
	if (fd >= 0)
		close(fd);
	if (got != WAV_HEADER || memcmp(h, "RIFF", 4) != 0 ||
	    memcmp(h + 8, "WAVEfmt ", 8) != 0 || memcmp(h + 36, "data", 4) != 0)
		return -1;
	uint32_t rate = get32(h + 24), bytes = get32(h + 40);
	if (get32(h + 16) != 16 || get32(h + 20) != (1 | 1 << 16) ||
	    rate == 0 || get32(h + 28) != rate * 2 ||
	    get32(h + 32) != (2 | 16 << 16) ||
	    get32(h + 4) != 36 + bytes || st.st_size != WAV_HEADER + (off_t)bytes)
		return -1;
	return (int64_t)bytes / 2 * 1000000000 / rate;
}

/* Temporary files of workers that are gone (killed while writing). */
static void
clean_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *dot = strstr(e->d_name, ".wav.");
		long pid = dot ? strtol(dot + 5, NULL, 10) : 0;
		size_t len = strlen(e->d_name);
		if (pid > 0 && len > 4 && strcmp(e->d_name + len - 4, ".tmp") == 0 &&
		    kill((pid_t)pid, 0) != 0 && errno == ESRCH)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

static const char *
worker_says(int status)
{
	switch (status) {
	case W_NO_LIBRARY:
		return "libespeak-ng cannot be loaded (is libespeak-ng1 installed?)";
	case W_NO_START:
		return "espeak-ng could not start (is espeak-ng-data installed?)";
	case W_NO_VOICE:
		return "espeak-ng has neither that voice nor English";
	case W_FAILED:
		return "espeak-ng could not say every phrase, or the cache could "
		    "not be written";
	default:
		return "the speech worker failed";
	}
}

/* Runs the worker on the texts; its exit status, or -1. */
static int
run_worker(const struct speech *sp, const char *const *text, int n)
{
	char rate[16];
	int sv[2], status = -1;
	pid_t pid;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, deflt;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	snprintf(rate, sizeof rate, "%d", sp->rate);
	char *argv[] = { "backcoach", SPEECH_WORKER_OPTION, sp->dir,
	    (char *)sp->voice, rate, NULL };
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	posix_spawnattr_init(&at);
	sigemptyset(&none);
	sigfillset(&deflt);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &deflt);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	int rc = posix_spawn(&pid, "/proc/self/exe", &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(sv[1]);
	if (rc == 0) {
		for (int i = 0; i < n; i++)
			if (send(sv[0], text[i], strlen(text[i]) + 1, MSG_NOSIGNAL) < 0)
				break;
		shutdown(sv[0], SHUT_WR);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	}
	close(sv[0]);
	return status;
}

int
speech_render_all(struct speech *sp, const char *const *text, int n,
    char **path, int64_t *ns, struct diags *d)
{
	char rate[16];
	const char **missing = xcalloc((size_t)n + 1, sizeof *missing);
	int nmissing = 0, got = 0;

	snprintf(rate, sizeof rate, "%d", sp->rate);
	for (int i = 0; i < n; i++) {
		path[i] = path_of(sp->dir, sp->voice, rate, text[i]);
		if ((ns[i] = wav_ns(path[i])) < 0)
			missing[nmissing++] = text[i];
	}
	if (nmissing > 0 && paths_mkdir_p(sp->dir) != 0) {
		diags_add(d, DIAG_WARNING, sp->dir, 0, "speech: cannot make the "
		    "directory: %s", strerror(errno));
	} else if (nmissing > 0) {
		clean_stale(sp->dir);
		int status = run_worker(sp, missing, nmissing);
		if (status != W_DONE)
			diags_add(d, DIAG_WARNING, NULL, 0, "speech: %s; those "
			    "phrases are left to the tones", worker_says(status));
	}
	for (int i = 0; i < n; i++) {
		if (ns[i] < 0 && (ns[i] = wav_ns(path[i])) < 0) {
			free(path[i]);
			path[i] = NULL;
		}
		got += path[i] != NULL;
	}
	free(missing);
	return got == n ? 0 : -1;
}

int
speech_render(struct speech *sp, const char *text, char **path, int64_t *ns,
    struct diags *d)
{
	return speech_render_all(sp, &text, 1, path, ns, d);
}

void
speech_close(struct speech *sp)
{
	if (sp == NULL)
		return;
	free(sp->dir);
	free(sp);
}

#ifdef HAVE_ESPEAK

bool
speech_built(void)
{
	return true;
}

struct speech *
speech_open(const char *voice, int rate, struct diags *d)
{
	struct speech *sp = xcalloc(1, sizeof *sp);
	char *cache = paths_cache_dir();

	(void)d;
	sp->dir = xasprintf("%s/speech", cache);
	free(cache);
	snprintf(sp->voice, sizeof sp->voice, "%s", voice);
	sp->rate = rate;
	return sp;
}

/* --- the worker: libespeak-ng, loaded here alone ----------------------- */


#define MAX_SAMPLES (60 * 48000)        /* a minute: no phrase is longer */

/* libespeak-ng's functions, from dlopen(). */
static struct {
	__typeof__(espeak_Initialize) *Initialize;
	__typeof__(espeak_SetVoiceByName) *SetVoiceByName;
	__typeof__(espeak_SetParameter) *SetParameter;
	__typeof__(espeak_SetSynthCallback) *SetSynthCallback;
	__typeof__(espeak_Synth) *Synth;
} es;

/* The phrase being rendered (espeak's callback has no user pointer). */
static struct {
	int sample_rate;
	short *buf;
	size_t n;
} r;

static int
collect(short *wav, int n, espeak_EVENT *ev)
{
	(void)ev;
	if (wav == NULL || n <= 0)
		return 0;
	if (r.n + (size_t)n > MAX_SAMPLES)
		return 1;                       /* enough: stop */
	memcpy(r.buf + r.n, wav, (size_t)n * sizeof *wav);
	r.n += (size_t)n;
	return 0;
}

static int
load_library(void)
{
	void *h = dlopen("libespeak-ng.so.1", RTLD_NOW | RTLD_LOCAL);
	void **fn[] = { (void **)&es.Initialize, (void **)&es.SetVoiceByName,
	    (void **)&es.SetParameter, (void **)&es.SetSynthCallback,
	    (void **)&es.Synth };
	const char *name[] = { "espeak_Initialize", "espeak_SetVoiceByName",
	    "espeak_SetParameter", "espeak_SetSynthCallback", "espeak_Synth" };

	for (size_t i = 0; h != NULL && i < sizeof fn / sizeof fn[0]; i++)
		if ((*fn[i] = dlsym(h, name[i])) == NULL)
			return -1;
	return h != NULL ? 0 : -1;
}

static void
le16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void
le32(unsigned char *p, uint32_t v)
{
	le16(p, v & 0xffff);
	le16(p + 2, v >> 16);
}

/* The quiet before and after the words cut off: the first sample that
 * sounds is the phrase's first, so that it starts on its boundary as a
 * cue file does (espeak-ng begins with some 50 ms of near-silence). */
static void
trim(void)
{
	const short quiet = 32768 / 100;        /* 1 % of full scale */
	size_t a = 0, b = r.n;

	while (a < b && r.buf[a] < quiet && r.buf[a] > -quiet)
		a++;
	while (b > a && r.buf[b - 1] < quiet && r.buf[b - 1] > -quiet)
		b--;
	memmove(r.buf, r.buf + a, (b - a) * sizeof *r.buf);
	r.n = b - a;
}

/* The rendered samples as a WAV file at path (through a temporary name
 * that names this process, so that a later run knows when it is stale). */
static int
write_wav(const char *path)
{
	unsigned char h[WAV_HEADER];
	uint32_t bytes = (uint32_t)(r.n * sizeof *r.buf);
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	memcpy(h, "RIFF", 4);
	le32(h + 4, 36 + bytes);
	memcpy(h + 8, "WAVEfmt ", 8);
	le32(h + 16, 16);
	le16(h + 20, 1);                        /* PCM */
	le16(h + 22, 1);                        /* mono */
	le32(h + 24, (uint32_t)r.sample_rate);
	le32(h + 28, (uint32_t)r.sample_rate * 2);
	le16(h + 32, 2);
	le16(h + 34, 16);
	memcpy(h + 36, "data", 4);
	le32(h + 40, bytes);
	int rc = fd >= 0 && file_write_all(fd, (char *)h, sizeof h) == 0 &&
	    file_write_all(fd, (char *)r.buf, bytes) == 0 ? 0 : -1;
	if (fd >= 0 && close(fd) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* Renders text into path; 0 or -1. */
static int
render_one(const char *text, const char *path)
{
	r.n = 0;
	if (es.Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
	    espeakCHARS_UTF8, NULL, NULL) != EE_OK || r.n == 0)
		return -1;
	trim();
	return write_wav(path);
}

/* Standard input, whole (at most WORKER_INPUT_MAX bytes), NUL-terminated. */
static char *
read_input(size_t *len)
{
	char *in = xmalloc(WORKER_INPUT_MAX + 1);
	ssize_t got;

	*len = 0;
	while (*len < WORKER_INPUT_MAX &&
	    ((got = read(0, in + *len, WORKER_INPUT_MAX - *len)) > 0 ||
	    (got < 0 && errno == EINTR)))
		*len += got > 0 ? (size_t)got : 0;
	in[*len] = '\0';
	return in;
}

int
speech_worker(int argc, char **argv)
{
	size_t len;
	int rc = W_DONE;

	if (argc != 4 || strcmp(argv[0], SPEECH_WORKER_OPTION) != 0)
		return W_USAGE;
	if (load_library() != 0)
		return W_NO_LIBRARY;
	if ((r.sample_rate = es.Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL,
	    espeakINITIALIZE_DONT_EXIT)) <= 0)
		return W_NO_START;
	if (es.SetVoiceByName(argv[2]) != EE_OK &&
	    es.SetVoiceByName("en") != EE_OK)
		return W_NO_VOICE;
	es.SetParameter(espeakRATE, atoi(argv[3]), 0);
	es.SetSynthCallback(collect);
	r.buf = xmalloc(MAX_SAMPLES * sizeof *r.buf);
	char *in = read_input(&len);
	for (char *t = in; t < in + len; t += strlen(t) + 1) {
		char *path = path_of(argv[1], argv[2], argv[3], t);
		if (wav_ns(path) < 0 && render_one(t, path) != 0)
			rc = W_FAILED;
		free(path);
	}
	free(in);
	free(r.buf);
	return rc;                      /* the process ends: no Terminate */
}

#else   /* !HAVE_ESPEAK */

bool
speech_built(void)
{
	return false;
}

struct speech *
speech_open(const char *voice, int rate, struct diags *d)
{
	(void)voice;
	(void)rate;
	diags_add(d, DIAG_WARNING, NULL, 0, "speech: this backcoach was built "
	    "without libespeak-ng; tones only");
	return NULL;
}

int
speech_worker(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return W_NO_LIBRARY;
}

#endif
