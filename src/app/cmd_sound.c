/*
 * cmd_sound.c - `backcoach sound-test`: plays every cue, one after the
 * other, with its name, so that a user can check their sound set-up (and
 * a test can record it).
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "settings.h"
#include "sound.h"
#include "util.h"

#define FINISH_WAIT_MS  5000            /* the longest cue is under 2 s */
#define GAP_NS          350000000L      /* silence between two cues */

/* What sound-test plays, in order: every meaning, with the counts the
 * voice theme speaks. */
static const struct {
	enum cue cue;
	int n;
} test_cues[] = {
	{ CUE_READY, 0 }, { CUE_TICK, 3 }, { CUE_TICK, 2 }, { CUE_TICK, 1 },
	{ CUE_GO, 0 }, { CUE_GO, 1 }, { CUE_PHASE, 1 }, { CUE_PHASE, 2 },
	{ CUE_RELAX, 0 }, { CUE_REST, 0 }, { CUE_SWITCH, 0 },
	{ CUE_SET_DONE, 0 }, { CUE_EXERCISE_DONE, 0 }, { CUE_SESSION_DONE, 0 },
	{ CUE_TIMER_DONE, 0 }, { CUE_WARNING, 0 },
};

/* Plays one cue and waits until it has finished and a short gap passed.
 * Returns 0, or 1 when it could not be played. */
static int
test_one(struct sound *snd, enum cue c, int n)
{
	static const struct timespec gap = { 0, GAP_NS };
	char id[64], label[48];

	sound_event_id(c, n, id, sizeof id);
	if (n > 0)
		snprintf(label, sizeof label, "%s %d", sound_cue_name(c), n);
	else
		snprintf(label, sizeof label, "%s", sound_cue_name(c));
	printf("  %-26s %s", label, id);
	fflush(stdout);
	if (sound_play(snd, c, n) < 0) {
		printf("  FAILED: %s\n", sound_error(snd));
		return 1;
	}
	if (!sound_wait(snd, FINISH_WAIT_MS)) {
		printf("  (no end reported)\n");
		return 1;
	}
	printf("\n");
	nanosleep(&gap, NULL);
	return 0;
}

/* True when the user named this cue (or named none): "tick-3" or
 * "backcoach-tick-3" for the event backcoach-tick-3. */
static bool
wanted(const char *id, int argc, char **argv)
{
	if (argc == 0)
		return true;
	for (int i = 0; i < argc; i++)
		if (strcmp(argv[i], id) == 0 ||
		    strcmp(argv[i], id + strlen("backcoach-")) == 0)
			return true;
	return false;
}

int
cmd_sound_test(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "theme", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *theme = settings.sound_theme, *why = NULL;
	int c, failed = 0, played = 0;
	char id[64];

	optind = 1;
	while ((c = getopt_long(argc, argv, "t:", longopts, NULL)) != -1) {
		if (c != 't')
			return command_usage(argv[0]);
		theme = optarg;
	}
	for (int i = optind; i < argc; i++) {
		size_t k;
		for (k = 0; k < sizeof test_cues / sizeof *test_cues; k++)
			if (wanted(sound_event_id(test_cues[k].cue, test_cues[k].n,
			    id, sizeof id), 1, &argv[i]))
				break;
		if (k == sizeof test_cues / sizeof *test_cues) {
			fprintf(stderr, "%s: sound-test: no cue '%s'\n", progname,
			    argv[i]);
			return command_usage(argv[0]);
		}
	}
	if (opts.no_sound) {
		fprintf(stderr, "%s: no sound: --no-sound was given\n", progname);
		return 1;
	}
	if (!settings.sound)
		printf("Sound is off in the settings; testing it anyway.\n");
	struct sound *snd = sound_open(theme, settings.volume, &why);
	if (snd == NULL) {
		fprintf(stderr, "%s: no sound: %s\n", progname, why);
		return 1;
	}
	printf("Sound theme %s, volume %d%%.\n", sound_theme(snd), settings.volume);
	if (sound_note(snd) != NULL)
		printf("Note: %s.\n", sound_note(snd));
	for (size_t i = 0; i < sizeof test_cues / sizeof *test_cues; i++) {
		sound_event_id(test_cues[i].cue, test_cues[i].n, id, sizeof id);
		if (!wanted(id, argc - optind, argv + optind))
			continue;
		failed += test_one(snd, test_cues[i].cue, test_cues[i].n);
		played++;
	}
	sound_close(snd);
	if (failed > 0) {
		fprintf(stderr, "%s: %d cue%s failed\n", progname, failed,
		    failed == 1 ? "" : "s");
		return 1;
	}
	printf("All %d cue%s played.\n", played, played == 1 ? "" : "s");
	return 0;
}
