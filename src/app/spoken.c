/*
 * spoken.c - a session's phrases, ready before it starts (spoken.h).
 */
#include "spoken.h"

#include <stdlib.h>
#include <string.h>

#include "phrases.h"
#include "speech.h"
#include "util.h"

void
spoken_prepare(struct spoken *sp, const struct plan *p,
    const struct settings *set, struct sound *snd, struct diags *d)
{
	struct phrase *ph = NULL;
	int n;

	memset(sp, 0, sizeof *sp);
	if (snd == NULL || set->speech == SPEECH_OFF)
		return;
	struct speech *engine = speech_open(set->voice, set->speech_rate, d);
	if (engine == NULL)
		return;
	if ((n = phrases_of(p, set->speech, &ph)) < 0)
		oom();
	sp->by_step = xcalloc((size_t)p->n + 1, sizeof *sp->by_step);
	sp->v = xcalloc((size_t)n + 1, sizeof *sp->v);
	sp->nsteps = p->n;
	/* every phrase's two forms rendered at once (one worker, speech.h) */
	const char **text = xcalloc(2 * (size_t)n + 1, sizeof *text);
	char **path = xcalloc(2 * (size_t)n + 1, sizeof *path);
	int64_t *ns = xcalloc(2 * (size_t)n + 1, sizeof *ns);
	for (int i = 0; i < n; i++) {
		text[2 * i] = ph[i].text;
		text[2 * i + 1] = ph[i].brief;
	}
	speech_render_all(engine, text, 2 * n, path, ns, d);
	for (int i = 0; i < n; i++) {
		struct spoken_step *st = &sp->v[sp->n];
		for (int k = 0; k < 2; k++) {
			st->path[k] = path[2 * i + k];
			st->ns[k] = ns[2 * i + k];
			if (st->path[k] != NULL)
				sound_cache_phrase(snd, st->path[k]);
		}
		if (st->path[0] == NULL && st->path[1] == NULL)
			continue;
		sp->by_step[ph[i].step] = st;
		sp->n++;
	}
	free(text);
	free(path);
	free(ns);
	phrases_free(ph, n);
	speech_close(engine);
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
	for (int i = 0; i < sp->n; i++) {
		free(sp->v[i].path[0]);
		free(sp->v[i].path[1]);
	}
	free(sp->v);
	free(sp->by_step);
	memset(sp, 0, sizeof *sp);
}
