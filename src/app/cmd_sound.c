/*
 * cmd_sound.c - `backcoach sound-test`: plays every cue, one after the
 * other, with its name, so that a user can check their sound set-up (and
 * a test can record it).
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "settings.h"
#include "sound.h"
#include "speech.h"
#include "util.h"
#include "words.h"

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
	{ CUE_EXERCISE_DONE, 0 }, { CUE_SESSION_DONE, 0 },
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

#define SPEECH_SAMPLE "Bird dog, left side, set 1 of 3, 5 holds of 8 seconds."

/* --speech: a sample phrase rendered with the settings' voice and rate
 * and spoken as a session speaks.  The exit status. */
static int
speak_sample(struct sound *snd, const struct settings *set)
{
	struct diags d = { 0 };
	struct speech *sp = speech_open(set->voice, set->speech_rate, &d);
	char *path = NULL;
	int64_t ns;
	int rc = 1;

	if (sp != NULL && speech_render(sp, SPEECH_SAMPLE, &path, &ns, &d) == 0) {
		printf("  %-26s %s\n", "speech", SPEECH_SAMPLE);
		sound_cache_phrase(snd, path);
		rc = sound_say(snd, path) == 0 && sound_wait(snd, FINISH_WAIT_MS) ?
		    0 : 1;
		if (rc != 0)
			warn("speech: could not be played: %s", sound_error(snd));
	}
	for (size_t i = 0; i < d.n; i++)
		warn("%s", d.v[i].msg);
	diags_free(&d);
	free(path);
	speech_close(sp);
	return rc;
}

/* One line on speech: what it would use, or why there is none. */
static void
speech_line(const struct settings *set)
{
	if (!speech_built())
		printf("Speech: none, this backcoach was built without libespeak-ng; "
		    "sessions run on tones alone.\n");
	else if (set->speech == SPEECH_OFF)
		printf("Speech: off in the settings (speech = \"off\").\n");
	else
		printf("Speech: espeak-ng, voice %s, %d words a minute, saying %s "
		    "(sound-test --speech to hear it).\n", set->voice,
		    set->speech_rate, speech_mode_words[set->speech]);
}

/* The cues named (none: all) are known ones: 0, or EXIT_USAGE. */
static int
known_cues(int argc, char **argv)
{
	char id[64];

	for (int i = 0; i < argc; i++) {
		size_t k;
		for (k = 0; k < sizeof test_cues / sizeof *test_cues; k++)
			if (wanted(sound_event_id(test_cues[k].cue, test_cues[k].n,
			    id, sizeof id), 1, &argv[i]))
				break;
		if (k == sizeof test_cues / sizeof *test_cues) {
			warn("sound-test: no cue '%s'", argv[i]);
			return EXIT_USAGE;
		}
	}
	return 0;
}

/* Why there is no sound, and for no server, what to check. */
static void
say_no_sound(const char *why)
{
	const char *rt = getenv("XDG_RUNTIME_DIR");
	const char *server = getenv("PULSE_SERVER");

	warn("no sound: %s", why);
	if (strcmp(why, SOUND_NO_SERVER) != 0)
		return;
	if (server != NULL && *server != '\0')
		warn("check that PulseAudio or PipeWire (pipewire-pulse) is running "
		    "at PULSE_SERVER=%s", server);
	else if (rt == NULL || *rt == '\0')
		warn("check that PulseAudio or PipeWire (pipewire-pulse) is running "
		    "for you, and that XDG_RUNTIME_DIR is set (it is not: a login "
		    "session sets it, su and sudo may not)");
	else
		warn("check that PulseAudio or PipeWire (pipewire-pulse) is running "
		    "for you, with its socket in XDG_RUNTIME_DIR (%s/pulse/native)",
		    rt);
}

/* Plays the cues wanted (argv: their names, or none for all); returns
 * the exit status. */
static int
play_all(struct sound *snd, int argc, char **argv)
{
	int failed = 0, played = 0;
	char id[64];

	for (size_t i = 0; i < sizeof test_cues / sizeof *test_cues; i++) {
		sound_event_id(test_cues[i].cue, test_cues[i].n, id, sizeof id);
		if (!wanted(id, argc, argv))
			continue;
		failed += test_one(snd, test_cues[i].cue, test_cues[i].n);
		played++;
	}
	if (failed > 0) {
		warn("%d %s failed", failed, plural(failed, "cue", "cues"));
		return 1;
	}
	printf("All %d %s played.\n", played, plural(played, "cue", "cues"));
	return 0;
}

int
cmd_sound_test(const struct settings *set, int argc, char **argv)
{
	const char *theme = set->sound_theme;
	struct diags d = { 0 };
	bool speech = false;
	int c;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, &cmd_sound_test_opts)) != -1) {
		if (c != 't' && c != 's')
			return EXIT_USAGE;
		if (c == 't')
			theme = optarg;
		speech |= c == 's';
	}
	if (speech && !speech_built()) {
		warn("sound-test: this backcoach was built without libespeak-ng: "
		    "no speech");
		return 1;
	}
	if (known_cues(argc - optind, argv + optind) != 0)
		return EXIT_USAGE;
	if (theme != NULL && !sound_theme_installed(theme)) {
		warn("sound-test: no sound theme '%s' is installed: try backcoach, "
		    "backcoach-voice or an installed freedesktop sound theme",
		    theme);
		return 1;
	}
	if (set->sound_option_off) {
		warn("no sound: --no-sound was given");
		return 1;
	}
	if (!set->sound)
		printf("Sound is off in the settings; testing it anyway.\n");
	struct sound *snd = sound_open(theme, set->volume, &d);
	if (snd == NULL) {
		say_no_sound(d.n > 0 ? d.v[d.n - 1].msg : "sound failed");
		diags_free(&d);
		return 1;
	}
	printf("Sound theme %s, volume %d%%.\n", sound_theme(snd), set->volume);
	for (size_t i = 0; i < d.n; i++)
		printf("Note: %s.\n", d.v[i].msg);
	diags_free(&d);
	speech_line(set);
	int rc = speech ? speak_sample(snd, set) :
	    play_all(snd, argc - optind, argv + optind);
	sound_close(snd);
	return rc;
}
