/*
 * spoken.c - a session's phrases, ready before it starts (spoken.h).
 */
#include "spoken.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "phrases.h"
#include "speech.h"
#include "util.h"

void
spoken_prepare(struct spoken *sp, const struct plan *p,
    const struct settings *set, struct sound *snd, struct diags *d)
{
	struct phrase *ph = NULL;
	int n, m = 0;

	memset(sp, 0, sizeof *sp);
	if (snd == NULL || sound_lost(snd) || set->speech == SPEECH_OFF)
		return;
	struct speech *engine = speech_open(set->voice, set->speech_rate, d);
	if (engine == NULL)
		return;
	if ((n = phrases_of(p, set->speech, &ph)) < 0)
		oom();
	sp->by_step = xcalloc((size_t)p->n + 1, sizeof *sp->by_step);
	sp->v = xcalloc((size_t)n + 1, sizeof *sp->v);
	sp->nsteps = p->n;
	/* every form of every phrase rendered at once (one worker, speech.h) */
	size_t cap = (size_t)n * PHRASE_FORMS + 1;
	const char **text = xcalloc(cap, sizeof *text);
	char **path = xcalloc(cap, sizeof *path);
	int64_t *ns = xcalloc(cap, sizeof *ns);
	for (int i = 0; i < n; i++)
		for (int k = 0; k < PHRASE_FORMS && ph[i].form[k]; k++)
			text[m++] = ph[i].form[k];
	speech_render_all(engine, text, m, path, ns, d);
	m = 0;
	for (int i = 0; i < n; i++) {
		struct spoken_step *st = &sp->v[sp->n];
		bool any = false;
		for (int k = 0; k < PHRASE_FORMS; k++) {
			bool has = ph[i].form[k] != NULL;
			st->path[k] = has ? path[m] : NULL;
			st->text[k] = has ? xstrdup(ph[i].form[k]) : NULL;
			st->ns[k] = has && path[m] != NULL ? ns[m] : INT64_MAX / 2;
			m += has;
			if (st->path[k] != NULL) {
				sound_cache_phrase(snd, st->path[k]);
				any = true;
			}
		}
		if (!any) {
			for (int k = 0; k < PHRASE_FORMS; k++)
				free(st->text[k]);
			memset(st, 0, sizeof *st);
			continue;
		}
		sp->by_step[ph[i].step] = st;
		sp->n++;
	}
	free(text);
	free(path);
	free(ns);
	phrases_free(ph, n);
	speech_close(engine);
}

/*
 * A test hook, not a feature (ARCHITECTURE.md): with
 * BACKCOACH_TEST_SPEECH_LOG=FILE in the environment, each phrase that
 * starts to sound is appended to FILE, its words on one line, so that a
 * test reads what was said, and in which order, beside the screen.  Read
 * once; a file that cannot be opened is no reason to stop a session.
 */
static void
said(const char *text)
{
	static int fd = -2;

	if (fd == -2) {
		const char *log = getenv("BACKCOACH_TEST_SPEECH_LOG");
		fd = log != NULL && *log != '\0' ? open(log, O_WRONLY | O_CREAT |
		    O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600) : -1;
	}
	if (fd < 0 || text == NULL)
		return;
	char *line = xasprintf("%s\n", text);
	ssize_t n = write(fd, line, strlen(line));
	(void)n;                /* a test's log: a short write shows there */
	free(line);
}

void
spoken_said(const struct spoken_step *p, int k)
{
	if (p != NULL && k >= 0 && k < PHRASE_FORMS)
		said(p->text[k]);
}

void
spoken_intro(const struct routine *r, const struct settings *set,
    struct sound *snd)
{
	struct diags d = { 0 };
	char *text, *path = NULL;
	int64_t ns;

	if (snd == NULL || set->speech == SPEECH_OFF ||
	    (text = phrases_intro(r, set->speech)) == NULL)
		return;
	if (!*text) {
		free(text);
		return;
	}
	struct speech *engine = speech_open(set->voice, set->speech_rate, &d);
	if (engine != NULL) {
		if (speech_render(engine, text, &path, &ns, &d) == 0 &&
		    sound_say(snd, path) == 0)
			said(text);
		free(path);
	}
	free(text);
	if (engine != NULL)
		speech_close(engine);
	diags_free(&d);         /* the session says why speech is missing */
}

const struct spoken_step *
spoken_at(const struct spoken *sp, int i)
{
	return sp->by_step != NULL && i >= 0 && i < sp->nsteps ?
	    sp->by_step[i] : NULL;
}

void
spoken_free(struct spoken *sp)
{
	for (int i = 0; i < sp->n; i++)
		for (int k = 0; k < PHRASE_FORMS; k++) {
			free(sp->v[i].path[k]);
			free(sp->v[i].text[k]);
		}
	free(sp->v);
	free(sp->by_step);
	memset(sp, 0, sizeof *sp);
}
