/*
 * speech.c - phrases rendered to WAV files with libespeak-ng, the only
 * file that includes it (speech.h).
 *
 * Timing first: nothing is synthesised while a session runs.  Before it
 * starts, each phrase is rendered (espeak-ng's synchronous mode, into a
 * buffer) and written to $XDG_CACHE_HOME/backcoach/speech/ under a name
 * made from a hash of the voice, the rate and the text; a phrase already
 * there is not rendered again.  The files are played like every cue,
 * through libcanberra's sample cache (sound.c).  A file is written under
 * a temporary name and renamed, so that a reader never sees half of one;
 * one left by a renderer that was killed is removed at the next start, and
 * a cached file is used only when its whole header fits its size.
 *
 * Built without libespeak-ng (no HAVE_ESPEAK), speech_open() says so and
 * returns NULL: the session runs on tones alone.
 */
#include "speech.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "util.h"

#ifdef HAVE_ESPEAK
#include <espeak-ng/speak_lib.h>

#define MAX_SAMPLES (60 * 48000)        /* a minute: no phrase is longer */

struct speech {
	char *dir;              /* the cache directory */
	char voice[64];
	int rate;               /* words per minute */
	int sample_rate;        /* what espeak-ng renders at */
	short *buf;             /* the phrase being rendered */
	size_t n;
};

static struct speech *rendering;        /* espeak's callback has no user pointer */

static int
collect(short *wav, int n, espeak_EVENT *ev)
{
	struct speech *sp = rendering;

	(void)ev;
	if (wav == NULL || n <= 0 || sp == NULL)
		return 0;
	if (sp->n + (size_t)n > MAX_SAMPLES)
		return 1;                       /* enough: stop */
	memcpy(sp->buf + sp->n, wav, (size_t)n * sizeof *wav);
	sp->n += (size_t)n;
	return 0;
}

bool
speech_built(void)
{
	return true;
}

/* Removes what a renderer killed midway (kill -9, a power cut) left: a
 * "NAME.wav.PID.tmp" whose process is gone. */
static void
clean_stale(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;

	if (dp == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		const char *w = strstr(e->d_name, ".wav."), *t;
		size_t n = strlen(e->d_name);
		if (w == NULL || n < 4 || strcmp(e->d_name + n - 4, ".tmp") != 0)
			continue;
		long pid = strtol(w + 5, (char **)&t, 10);
		if (pid > 0 && strcmp(t, ".tmp") == 0 && (pid == (long)getpid() ||
		    (kill((pid_t)pid, 0) != 0 && errno == ESRCH)))
			unlinkat(dirfd(dp), e->d_name, 0);
	}
	closedir(dp);
}

struct speech *
speech_open(const char *voice, int rate, struct diags *d)
{
	int sr = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL,
	    espeakINITIALIZE_DONT_EXIT);

	if (sr <= 0) {
		diags_add(d, DIAG_WARNING, NULL, 0, "speech: espeak-ng could not "
		    "start (is espeak-ng-data installed?); tones only");
		return NULL;
	}
	if (espeak_SetVoiceByName(voice) != EE_OK &&
	    espeak_SetVoiceByName("en") != EE_OK) {
		diags_add(d, DIAG_WARNING, NULL, 0, "speech: no espeak-ng voice "
		    "'%s', nor English; tones only", voice);
		espeak_Terminate();
		return NULL;
	}
	espeak_SetParameter(espeakRATE, rate, 0);
	espeak_SetSynthCallback(collect);
	struct speech *sp = xcalloc(1, sizeof *sp);
	char *cache = paths_cache_dir();
	sp->dir = xasprintf("%s/speech", cache);
	free(cache);
	snprintf(sp->voice, sizeof sp->voice, "%s", voice);
	sp->rate = rate;
	sp->sample_rate = sr;
	sp->buf = xmalloc(MAX_SAMPLES * sizeof *sp->buf);
	clean_stale(sp->dir);
	return sp;
}

void
speech_close(struct speech *sp)
{
	if (sp == NULL)
		return;
	espeak_Terminate();
	free(sp->buf);
	free(sp->dir);
	free(sp);
}

/* FNV-1a over how the file is made, the voice, the rate and the text. */
static uint64_t
key(const struct speech *sp, const char *text)
{
	char rate[16];
	uint64_t h = 14695981039346656037ULL;
	/* the first part changes when the files are made differently */
	const char *parts[] = { "trimmed-1\n", sp->voice, "\n", rate, "\n", text };

	snprintf(rate, sizeof rate, "%d", sp->rate);
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		for (const char *p = parts[i]; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h;
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
trim(struct speech *sp)
{
	const short quiet = 32768 / 100;        /* 1 % of full scale */
	size_t a = 0, b = sp->n;

	while (a < b && sp->buf[a] < quiet && sp->buf[a] > -quiet)
		a++;
	while (b > a && sp->buf[b - 1] < quiet && sp->buf[b - 1] > -quiet)
		b--;
	memmove(sp->buf, sp->buf + a, (b - a) * sizeof *sp->buf);
	sp->n = b - a;
}

/* The 44-byte header of a 16-bit mono PCM WAV file of `bytes` bytes of
 * samples at rate. */
static void
wav_header(unsigned char h[44], uint32_t bytes, int rate)
{
	memcpy(h, "RIFF", 4);
	le32(h + 4, 36 + bytes);
	memcpy(h + 8, "WAVEfmt ", 8);
	le32(h + 16, 16);
	le16(h + 20, 1);                        /* PCM */
	le16(h + 22, 1);                        /* mono */
	le32(h + 24, (uint32_t)rate);
	le32(h + 28, (uint32_t)rate * 2);
	le16(h + 32, 2);
	le16(h + 34, 16);
	memcpy(h + 36, "data", 4);
	le32(h + 40, bytes);
}

/* The rendered samples as a WAV file at path (through a temporary name). */
static int
write_wav(const struct speech *sp, const char *path, struct diags *d)
{
	unsigned char h[44];
	uint32_t bytes = (uint32_t)(sp->n * sizeof *sp->buf);
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	wav_header(h, bytes, sp->sample_rate);
	int rc = fd >= 0 && file_write_all(fd, (char *)h, sizeof h) == 0 &&
	    file_write_all(fd, (char *)sp->buf, bytes) == 0 ? 0 : -1;
	if (fd >= 0 && close(fd) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0) {
		diags_add(d, DIAG_WARNING, path, 0, "speech: cannot write: %s",
		    file_why(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* The length of the WAV file at path, or -1 when it is not one that
 * write_wav() made for this sample rate: its whole header is checked
 * against its size, not the size alone (a file cut short, or another
 * file of the same name, is rendered again). */
static int64_t
wav_ns(const struct speech *sp, const char *path)
{
	unsigned char h[44], want[44];
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	bool ok = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= 44 && st.st_size - 44 <= UINT32_MAX - 36 &&
	    read(fd, h, sizeof h) == (ssize_t)sizeof h;

	if (fd >= 0)
		close(fd);
	if (!ok)
		return -1;
	wav_header(want, (uint32_t)(st.st_size - 44), sp->sample_rate);
	if (memcmp(h, want, sizeof h) != 0 || get32(h + 40) % 2 != 0)
		return -1;
	return (int64_t)(st.st_size - 44) / 2 * 1000000000 / sp->sample_rate;
}

int
speech_render(struct speech *sp, const char *text, char **path, int64_t *ns,
    struct diags *d)
{
	*path = xasprintf("%s/%016llx.wav", sp->dir,
	    (unsigned long long)key(sp, text));
	if ((*ns = wav_ns(sp, *path)) >= 0)
		return 0;                       /* rendered before */
	if (paths_mkdir_p(sp->dir) != 0) {
		diags_add(d, DIAG_WARNING, sp->dir, 0, "speech: cannot make the "
		    "directory: %s", strerror(errno));
		goto fail;
	}
	sp->n = 0;
	rendering = sp;
	espeak_ERROR e = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER,
	    0, espeakCHARS_UTF8, NULL, NULL);
	rendering = NULL;
	if (e != EE_OK || sp->n == 0) {
		diags_add(d, DIAG_WARNING, NULL, 0, "speech: espeak-ng could not say "
		    "\"%.40s\"", text);
		goto fail;
	}
	trim(sp);
	if (write_wav(sp, *path, d) != 0)
		goto fail;
	*ns = wav_ns(sp, *path);
	return 0;
fail:
	free(*path);
	*path = NULL;
	return -1;
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

void
speech_close(struct speech *sp)
{
	(void)sp;
}

int
speech_render(struct speech *sp, const char *text, char **path, int64_t *ns,
    struct diags *d)
{
	(void)sp;
	(void)text;
	(void)d;
	*path = NULL;
	*ns = -1;
	return -1;
}

#endif
