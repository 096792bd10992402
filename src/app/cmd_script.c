/*
 * cmd_script.c - `show --script`: a routine's timeline as the coach will
 * play it, one line per cue (cmd.h).
 *
 *	0:15  backcoach-go-1
 *	0:00  backcoach-ready  say: "Cat-camel. Get onto your hands and ..."
 *
 * The cues are the session engine's own (script.c); a phrase replaces its
 * step's cue when its spoken length fits as in a session (phrase_fit),
 * the words rendered by speech.c as the session renders them, so what is
 * printed is what is heard.
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>

#include "phrases.h"
#include "plan.h"
#include "script.h"
#include "sound.h"
#include "speech.h"
#include "util.h"

/* "1:05" or "1:05.5": minutes and seconds from the start, to the
 * millisecond where it is not whole. */
static void
offset(int64_t ns, char *buf, size_t len)
{
	int64_t ms = (ns + 500000) / 1000000;
	int n = snprintf(buf, len, "%lld:%02lld", (long long)(ms / 60000),
	    (long long)(ms / 1000 % 60));

	if (ms % 1000 != 0 && n > 0 && (size_t)n < len) {
		n += snprintf(buf + n, len - (size_t)n, ".%03lld",
		    (long long)(ms % 1000));
		while (buf[n - 1] == '0')
			buf[--n] = '\0';
	}
}

/* The words said at each step that has them, as a session would say
 * them: by_step[i] is the text, or NULL.  Without speech, all NULL. */
static const char **
words_by_step(const struct plan *p, const struct script_cue *v, int n,
    struct phrase *ph, int nph, struct speech *sp, struct diags *d)
{
	const char **by = xcalloc((size_t)p->n + 1, sizeof *by);
	const struct phrase **at = xcalloc((size_t)p->n + 1, sizeof *at);

	for (int i = 0; i < nph; i++)
		at[ph[i].step] = &ph[i];
	for (int i = 0; i < n && sp != NULL; i++) {
		const struct phrase *f = v[i].starts ? at[v[i].step] : NULL;
		int64_t ns[PHRASE_FORMS];
		char *path;
		if (f == NULL)
			continue;
		for (int k = 0; k < PHRASE_FORMS; k++) {
			ns[k] = INT64_MAX / 2;
			if (f->form[k] != NULL && speech_render(sp, f->form[k],
			    &path, &ns[k], d) == 0)
				free(path);
			else
				ns[k] = INT64_MAX / 2;
		}
		int k = phrase_fit(v[i].room, ns);
		if (k > 0)
			by[v[i].step] = f->form[k - 1];
	}
	free(at);
	return by;
}

int
cmd_show_script(const struct settings *set, const struct routine *r,
    enum speech_mode m)
{
	struct plan p;
	struct script_cue *v;
	struct phrase *ph = NULL;
	struct speech *sp = NULL;
	struct diags d = { 0 };
	char at[32], len[32], id[64];
	int n, nph = 0;

	if (plan_build(&p, r) != 0 || (n = script_build(&p, &v)) < 0)
		oom();
	if (m != SPEECH_OFF && (sp = speech_open(set->voice, set->speech_rate,
	    &d)) != NULL && (nph = phrases_of(&p, m, &ph)) < 0)
		oom();
	const char **by = words_by_step(&p, v, n, ph, nph, sp, &d);
	plan_format_duration(p.total_ns, len, sizeof len);
	printf("# %s (%s): %s, speech %s%s\n", cmd_safe(r->name),
	    cmd_safe(r->id), len, speech_mode_words[m],
	    m != SPEECH_OFF && sp == NULL ? " (not available: tones only)" : "");
	char *intro = sp != NULL ? phrases_intro(r, m) : NULL;
	if (intro != NULL && *intro)
		printf("# with the start card, before the session: say: \"%s\"\n",
		    cmd_safe(intro));
	free(intro);
	for (int i = 0; i < n; i++) {
		const char *say = v[i].starts ? by[v[i].step] : NULL;
		offset(v[i].at, at, sizeof at);
		sound_event_id(v[i].cue, v[i].count, id, sizeof id);
		printf("%s  %s", at, id);
		if (say != NULL)
			printf("  say: \"%s\"", cmd_safe(say));
		printf("\n");
	}
	cmd_print_diags(&d);
	diags_free(&d);
	free(by);
	phrases_free(ph, nph);
	if (sp != NULL)
		speech_close(sp);
	free(v);
	plan_free(&p);
	return 0;
}
