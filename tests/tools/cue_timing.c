/*
 * cue_timing.c - plays cues through sound.c at exact absolute times, for
 * measuring in a recording how punctual they sound (tests/sound/sound.sh).
 *
 *   build/cue_timing [-n COUNT] [-i INTERVAL_S] [-d DELAY_S] [-t THEME]
 *
 * Opens the sound as the program does, waits DELAY seconds (default 1),
 * then plays COUNT (default 10) cues INTERVAL seconds apart (default 1),
 * each at its absolute deadline on CLOCK_MONOTONIC (clock_nanosleep with
 * TIMER_ABSTIME), alternating tempo phases 1 and 2, as a paced-rep
 * exercise at 1 s does.  Prints for each cue how late the play call
 * returned, in microseconds.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sound.h"
#include "util.h"

#define NS_PER_SEC INT64_C(1000000000)

static int64_t
now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * NS_PER_SEC + t.tv_nsec;
}

static void
sleep_until(int64_t ns)
{
	struct timespec t = { (time_t)(ns / NS_PER_SEC), (long)(ns % NS_PER_SEC) };
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) == EINTR)
		;
}

int
main(int argc, char **argv)
{
	int count = 10, c;
	double interval = 1.0, delay = 1.0;
	const char *theme = NULL;
	struct diags d = { 0 };

	while ((c = getopt(argc, argv, "n:i:d:t:")) != -1) {
		switch (c) {
		case 'n': count = atoi(optarg); break;
		case 'i': interval = atof(optarg); break;
		case 'd': delay = atof(optarg); break;
		case 't': theme = optarg; break;
		default:
			fprintf(stderr, "usage: cue_timing [-n COUNT] [-i INTERVAL] [-d DELAY] [-t THEME]\n");
			return 2;
		}
	}
	struct sound *s = sound_open(theme, 100, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "cue_timing: %s: %s\n", s ? "note" : "no sound",
		    d.v[i].msg);
	diags_free(&d);
	if (s == NULL)
		return 1;
	int64_t t0 = now_ns() + (int64_t)(delay * 1e9);
	for (int k = 0; k < count; k++) {
		int64_t due = t0 + (int64_t)(k * interval * 1e9);
		sleep_until(due);
		if (sound_play(s, CUE_PHASE, 1 + k % 2) < 0)
			fprintf(stderr, "cue_timing: %s\n", sound_error(s));
		printf("%d %.0f\n", k, (now_ns() - due) / 1e3);
		sound_drain(s);
	}
	sleep_until(now_ns() + (int64_t)(interval * 1e9));
	sound_close(s);
	return 0;
}
