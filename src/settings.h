/*
 * settings.h - the user's settings ($XDG_CONFIG_HOME/backcoach/config).
 *
 * One global struct, filled by main() from the defaults, then the settings
 * file, then the command line.  Every other module only reads it.
 */
#ifndef BACKCOACH_SETTINGS_H
#define BACKCOACH_SETTINGS_H

#include <stdbool.h>

#include "diag.h"

enum red_flag_freq {
	RED_FLAGS_EVERY,        /* before every session */
	RED_FLAGS_DAILY,        /* before the first session of a day */
	RED_FLAGS_WEEKLY,       /* once a week */
	RED_FLAGS_NEVER,
};

struct settings {
	bool sound;                 /* play cues (default true) */
	char *sound_theme;          /* "backcoach", "backcoach-voice", ... */
	int volume;                 /* 0-100 percent (default 100) */
	bool bell;                  /* terminal bell/flash without sound */
	bool color;                 /* colours (NO_COLOR, --no-color: off) */
	double lead_in;             /* < 0: the routine's own */
	enum red_flag_freq red_flags;
	bool pain_prompts;          /* ask pain before and after */
	bool water_reminder;        /* remind to drink at the end */
	char *history;              /* history file, or NULL: the default */
};

extern struct settings settings;

void settings_defaults(struct settings *s);

#endif
