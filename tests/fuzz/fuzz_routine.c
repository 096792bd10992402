/*
 * fuzz_routine.c - a libFuzzer target for the routine loader.
 *
 * Each input is written to a temp file and loaded with routine_load(), as
 * `backcoach check` does; when it is valid, its plan is built and a short
 * session is driven over it (deadline by deadline, with a pause, a skip, a
 * back and an adjustment), so the whole path from bytes to timing runs
 * under AddressSanitizer and UBSan.  A valid routine's texts must be
 * clean, and every message escaped must hold nothing a terminal obeys.  Build: make fuzz (needs clang).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plan.h"
#include "routine_load.h"
#include "session.h"
#include "text.h"

#define MAX_STEPS  50000        /* plans larger than this are not run */
#define MAX_EVENTS 2000         /* advances per session */

/* Steps the plan would have, roughly, so that a huge valid routine does
 * not make one input take minutes. */
static double
estimate_steps(const struct routine *r)
{
	double n = 0;

	for (int i = 0; i < r->nex; i++) {
		const struct exercise *e = &r->ex[i];
		double reps = 0;
		for (int s = 0; s < exercise_nsets(e); s++)
			reps += (double)exercise_set_reps(e, s);
		n += 2 + reps * (e->sides ? 2 : 1) * (e->ntempo > 0 ? e->ntempo : 2);
	}
	return n;
}

/* Drives a session over the plan, checking the engine's promises. */
static void
run_session(const struct plan *p)
{
	struct session s;
	int64_t now = 1000;

	if (session_init(&s, p) != 0)
		return;
	session_start(&s, now);
	for (int i = 0; i < MAX_EVENTS && session_running(&s); i++) {
		int64_t d = session_next_deadline(&s);
		if (d == SESSION_NEVER || d < now)
			abort();                /* a running session has a future deadline */
		now = d;
		switch (i % 50) {
		case 10: session_pause(&s, now); now += NS_PER_SEC; session_resume(&s, now); break;
		case 20: session_next(&s, now); break;
		case 30: session_back(&s, now); break;
		case 40: session_adjust(&s, now, -SESSION_ADJUST_NS); break;
		case 45: session_skip_exercise(&s, now); break;
		default: session_advance(&s, now); break;
		}
	}
	session_quit(&s, now);
	for (int ex = 0; ex < p->r->nex; ex++) {
		struct hist_exercise o;
		session_outcome(&s, ex, &o);
		if (o.reps_done > o.reps_planned || o.sets_done > o.sets_planned)
			abort();
	}
	session_free(&s);
}

/* s, once through text_escape, holds nothing a terminal would obey. */
static void
inert_escaped(const char *s)
{
	char out[16384];
	uint32_t c;
	size_t n = text_escape(s, out, sizeof out);

	if (n >= sizeof out)
		return;
	for (size_t i = 0; i < n; ) {
		size_t len = text_utf8(out + i, n - i, &c);
		if (len == 0 || (text_is_control(c) && c != '\n') || text_is_bidi(c))
			abort();
		i += len;
	}
}

/* A text of a valid routine: UTF-8 without control characters (a line
 * break only where allowed). */
static void
clean(const char *s, const char *allowed)
{
	if (s != NULL && !text_check(s, allowed, NULL))
		abort();
}

static void
check_texts(const struct routine *r)
{
	clean(r->name, "");
	clean(r->summary, "");
	clean(r->description, "\n");
	clean(r->caution, "");
	clean(r->source, "");
	for (int i = 0; i < r->ntags; i++)
		clean(r->tags[i], "");
	for (int i = 0; i < r->nex; i++) {
		const struct exercise *e = &r->ex[i];
		clean(e->name, "");
		clean(e->cue, "");
		clean(e->caution, "");
		for (int k = 0; k < e->nphases; k++)
			clean(e->phases[k], "");
		for (int k = 0; k < 2; k++)
			clean(e->side_names[k], "");
	}
}

static char dir[64];            /* private temp dir, made on first use */

static void
remove_dir(void)
{
	rmdir(dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[96];

	if (dir[0] == '\0') {
		snprintf(dir, sizeof dir, "/tmp/bcfuzz.XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
		atexit(remove_dir);
	}
	snprintf(path, sizeof path, "%s/r.cfg", dir);
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);

	struct routine r;
	struct diags d = { 0 };
	char line[2048];
	int nerr = routine_load(&r, path, "fuzz.cfg", &d);
	for (size_t i = 0; i < d.n; i++) {
		diags_format(&d.v[i], line, sizeof line);
		inert_escaped(line);
	}
	if (nerr == 0)
		check_texts(&r);
	if (nerr == 0 && estimate_steps(&r) <= MAX_STEPS) {
		struct plan p;
		if (plan_build(&p, &r) == 0) {
			run_session(&p);
			plan_free(&p);
		}
	}
	diags_free(&d);
	routine_free(&r);
	unlink(path);
	return 0;
}
