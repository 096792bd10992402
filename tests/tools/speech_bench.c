/*
 * speech_bench.c - for `make bench`: how long rendering a routine's
 * phrases takes, cold (an empty cache) and warm (every file there), as a
 * session does before it starts (src/app/spoken.c without the sound).
 *
 *   build/speech_bench ROUTINE.cfg...   (XDG_CACHE_HOME: an empty dir)
 *
 * Prints one line per routine and pass; asserts nothing.  Like
 * backcoach, it is its own speech worker (speech.h): cold, the time
 * includes starting it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "phrases.h"
#include "routine_load.h"
#include "speech.h"

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	struct diags d = { 0 };

	if (argc > 1 && strcmp(argv[1], SPEECH_WORKER_OPTION) == 0)
		return speech_worker(argc - 1, argv + 1);
	struct speech *sp = speech_open("en", 160, &d);

	if (sp == NULL) {
		fprintf(stderr, "speech_bench: no speech (%s)\n",
		    d.n ? d.v[0].msg : "?");
		return 1;
	}
	for (int pass = 0; pass < 2; pass++)
		for (int i = 1; i < argc; i++) {
			struct routine r;
			struct plan p;
			struct phrase *v;
			if (routine_load(&r, argv[i], NULL, &d) != 0 ||
			    plan_build(&p, &r) != 0)
				return 1;
			int n = phrases_of(&p, SPEECH_FULL, &v);
			double t0 = now_ms(), secs = 0;
			size_t cap = (size_t)n * PHRASE_FORMS + 1;
			const char **text = calloc(cap, sizeof *text);
			char **path = calloc(cap, sizeof *path);
			int64_t *ns = calloc(cap, sizeof *ns);
			int m = 0;
			if (text == NULL || path == NULL || ns == NULL)
				return 1;
			for (int k = 0; k < n; k++) {
				for (int f = 0; f < PHRASE_FORMS && v[k].form[f]; f++)
					text[m++] = v[k].form[f];
			}
			if (speech_render_all(sp, text, m, path, ns, &d) != 0) {
				fprintf(stderr, "speech_bench: %s\n", d.n ? d.v[0].msg : "?");
				return 1;
			}
			for (int k = 0; k < m; k++) {
				secs += ns[k] / 1e9;
				free(path[k]);
			}
			free(text);
			free(path);
			free(ns);
			printf("%-5s %-40s %3d phrase%s, %6.1f s of speech: %8.1f ms\n",
			    pass ? "warm" : "cold", argv[i], n, n == 1 ? "" : "s", secs,
			    now_ms() - t0);
			phrases_free(v, n);
			plan_free(&p);
			routine_free(&r);
		}
	speech_close(sp);
	diags_free(&d);
	return 0;
}
