/*
 * settings.h - the user's settings ($XDG_CONFIG_HOME/backcoach/config).
 *
 * One value, made by main() from the defaults, then the settings file,
 * then the command line (--no-color, --no-sound, --history, and NO_COLOR),
 * and handed down read-only to the command that runs: no global holds it.
 */
#ifndef BACKCOACH_SETTINGS_H
#define BACKCOACH_SETTINGS_H

#include <stdbool.h>

#include "diag.h"
#include "phrases.h"
#include "safety.h"

struct settings {
	bool sound;                 /* play cues (default true) */
	char *sound_theme;          /* "backcoach-voice", ...; NULL: "backcoach" */
	int volume;                 /* 0-100 percent (default 100) */
	bool bell;                  /* terminal bell/flash without sound */
	bool color;                 /* colours (NO_COLOR, --no-color: off) */
	double lead_in;             /* 0-600 s; < 0: the routine's own */
	enum safety_screen_freq red_flags;
	bool pain_prompts;          /* ask pain before and after */
	bool water_reminder;        /* remind to drink at the end */
	char *history;              /* history file (~ expanded), or NULL: the default */
	unsigned risk_factors;      /* SAFETY_RISK_BIT()s */
	bool risk_factors_known;    /* the setting is there (perhaps empty) */
	char *emergency_number;     /* or NULL: the locale's (main fills it) */
	enum speech_mode speech;    /* what is said aloud (default names) */
	char *voice;                /* espeak-ng voice, or NULL: the locale's
	                               language (main fills it) */
	int speech_rate;            /* words per minute (default 160) */
	/* not in the file: the command line's */
	char *file;                 /* the settings file (--config, or the default) */
	bool file_named;            /* --config named it: it must exist */
	char *warnings;             /* what reading the file said (printed at
	                               start-up), for the full-screen coach to
	                               show again; or NULL */
	bool sound_option_off;      /* --no-sound: no sound, not even a test */
	struct emergency_call call; /* the number the advice says (the
	                               setting's, else the locale's; NULL:
	                               none known) and A&E or not (main fills
	                               it: locale_call) */
	char call_from[128];        /* where that came from, for check */
};

void settings_defaults(struct settings *s);
void settings_free(struct settings *s);
/* $XDG_CONFIG_HOME/backcoach/config.  Malloc'd. */
char *settings_default_path(void);
/*
 * Reads the settings file at path over s.  Every problem in it is a
 * warning in d (unknown setting, with a did-you-mean; wrong type; out of
 * range; a syntax error, after which nothing is read) and leaves that
 * setting as it was.  A missing file is no problem unless `required`; a
 * file that cannot be read when required is an error.  Returns 0, or -1
 * after such an error (the warnings are counted in d->nwarnings).
 */
int settings_load(struct settings *s, const char *path, bool required,
    struct diags *d);
/*
 * Sets `name = value;` (value as libconfig text: "[\"cancer\"]", "true")
 * in the settings file at path: in place where the file sets it already
 * (whatever the value was, comments and layout kept), else added at the
 * end after `comment` (lines, each written as a # comment; or NULL); the
 * file is created when missing.  The file is read by the settings loader
 * before and after the change: one it refuses (a syntax error, an
 * @include that is not a regular file) is left alone, and no text it
 * would refuse, or warn about more, is written.  A symbolic link stays
 * one (its target is written), and the file keeps its mode.  0, or -1
 * with the error in d.
 */
int settings_save(const char *path, const char *name, const char *value,
    const char *comment, struct diags *d);
/* risk_factors = [...], through settings_save(). */
int settings_save_risks(const char *path, unsigned risks, struct diags *d);
/* "every", "daily", "weekly" or "never". */
const char *settings_red_flags_word(enum safety_screen_freq f);

#endif
