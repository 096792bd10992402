/*
 * settings.c - the user's settings: defaults, then the settings file
 * ($XDG_CONFIG_HOME/backcoach/config or --config FILE, libconfig syntax).
 *
 * One of the modules that include <libconfig.h> (with settings_save.c and
 * routine_load.c).  A settings file
 * must never stop the program: an unknown setting, a wrong type or a value
 * out of range is a FILE:LINE: warning, and the default is kept.  The one
 * table below is the list of settings: the loader, the did-you-mean and
 * the man page's SETTINGS section follow it.
 */
#include "settings.h"
#include "settings_conf.h"

#include <errno.h>
#include <libgen.h>
#include <libconfig.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "conf_check.h"
#include "file.h"
#include "paths.h"
#include "routine.h"
#include "util.h"

enum conf_kind {
	CK_BOOL,                /* true or false */
	CK_THEME,               /* a sound theme's name */
	CK_PERCENT,             /* an integer, 0-100 */
	CK_SECONDS,             /* a number of seconds, 0-600 */
	CK_RED_FLAGS,           /* "every", "daily", "weekly" or "never" */
	CK_PATH,                /* a file name, ~/ expanded */
	CK_RISKS,               /* an array of risk factor words */
	CK_PHONE,               /* a telephone number: digits */
	CK_SPEECH,              /* "off", "names" or "full" */
	CK_VOICE,               /* an espeak-ng voice: "en", "en-gb", "de" */
	CK_RATE,                /* words per minute, 80-450 */
};

/* name, kind, type for setting_suggest's table, what it is */
#define CONFIG_SETTINGS(X) \
	X(sound,          CK_BOOL,      ST_BOOL,   "play sound cues") \
	X(sound_theme,    CK_THEME,     ST_STRING, "sound theme name") \
	X(volume,         CK_PERCENT,   ST_INT,    "volume in percent, 0-100") \
	X(bell,           CK_BOOL,      ST_BOOL,   "terminal bell when there is no sound") \
	X(color,          CK_BOOL,      ST_BOOL,   "use colours") \
	X(lead_in,        CK_SECONDS,   ST_NUMBER, "seconds to get ready, for every exercise") \
	X(red_flags,      CK_RED_FLAGS, ST_STRING, "how often to ask the red-flag questions") \
	X(pain_prompts,   CK_BOOL,      ST_BOOL,   "ask for pain before and after") \
	X(water_reminder, CK_BOOL,      ST_BOOL,   "remind to drink water at the end") \
	X(history,        CK_PATH,      ST_STRING, "the history file") \
	X(risk_factors,   CK_RISKS,     ST_STRINGS, "risk factors that add red-flag questions") \
	X(emergency_number, CK_PHONE,   ST_STRING, "the emergency number to call (default: from the locale)") \
	X(speech,         CK_SPEECH,    ST_STRING, "what the coach says aloud: off, names or full") \
	X(voice,          CK_VOICE,     ST_STRING, "the espeak-ng voice (default: from the locale)") \
	X(speech_rate,    CK_RATE,      ST_INT,    "words per minute of speech, 80-450")

struct conf_key {
	const char *name;
	enum conf_kind kind;
	size_t off;             /* offsetof(struct settings, field) */
};

#define X_KEY(n, k, t, doc) { #n, k, offsetof(struct settings, n) },
static const struct conf_key keys[] = { CONFIG_SETTINGS(X_KEY) };
#undef X_KEY
#define X_INFO(n, k, t, doc) { #n, t, 0, doc },
static const struct setting_info infos[] = { CONFIG_SETTINGS(X_INFO) };
#undef X_INFO
#define NKEYS ((int)(sizeof keys / sizeof keys[0]))

static const char *const red_flag_words[SAFETY_SCREEN_FREQ_COUNT] = {
	[SAFETY_SCREEN_EVERY] = "every",
	[SAFETY_SCREEN_DAILY] = "daily",
	[SAFETY_SCREEN_WEEKLY] = "weekly",
	[SAFETY_SCREEN_NEVER] = "never",
};

void
settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->sound = true;
	s->sound_theme = NULL;
	s->volume = 100;
	s->bell = true;
	s->color = true;
	s->lead_in = -1;
	s->red_flags = SAFETY_SCREEN_DAILY;
	s->pain_prompts = true;
	s->water_reminder = true;
	s->history = NULL;
	s->speech = SPEECH_NAMES;
	s->speech_rate = 160;
}

void
settings_free(struct settings *s)
{
	free(s->sound_theme);
	free(s->history);
	free(s->file);
	free(s->emergency_number);
	free(s->voice);
	free(s->warnings);
	memset(s, 0, sizeof *s);
}

char *
settings_default_path(void)
{
	return paths_config_file("config");
}

const char *
settings_red_flags_word(enum safety_screen_freq f)
{
	return red_flag_words[f];
}

struct sctx {
	struct diags *d;
	const char *file;
	const config_setting_t *s;      /* the setting being read */
};

/* Warns that the setting being read is not `what`, quoting what it is. */
static void
bad(struct sctx *c, const char *what)
{
	const config_setting_t *s = c->s;
	char val[48];

	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		snprintf(val, sizeof val, "%lld", config_setting_get_int64(s));
		break;
	case CONFIG_TYPE_FLOAT:
		snprintf(val, sizeof val, "%g", config_setting_get_float(s));
		break;
	case CONFIG_TYPE_STRING:
		snprintf(val, sizeof val, "\"%.40s\"", config_setting_get_string(s));
		break;
	case CONFIG_TYPE_BOOL:
		snprintf(val, sizeof val, "%s",
		    config_setting_get_bool(s) ? "true" : "false");
		break;
	default:
		snprintf(val, sizeof val, "a group, array or list");
		break;
	}
	diags_add(c->d, DIAG_WARNING, c->file,
	    (int)config_setting_source_line(s),
	    "'%s' must be %s, not %s; it is ignored", config_setting_name(s),
	    what, val);
}

/* "~/x" -> "$HOME/x".  Malloc'd, or NULL when it is not absolute. */
static char *
expand_path(const char *v)
{
	const char *home = getenv("HOME");

	if (v[0] == '~' && (v[1] == '/' || v[1] == '\0') && home && *home)
		return xasprintf("%s%s", home, v + 1);
	return v[0] == '/' ? xstrdup(v) : NULL;
}

static void
set_string(char **field, char *value)
{
	free(*field);
	*field = value;
}

/* Stores a string-valued setting, or warns.  Returns nothing: a bad value
 * leaves the field as it was. */
static void
apply_string(struct sctx *c, const struct conf_key *k, void *field)
{
	const char *v = config_setting_get_string(c->s);

	switch (k->kind) {
	case CK_THEME:
		if (*v == '\0' || strlen(v) > 64 || strchr(v, '/'))
			bad(c, "a theme name such as \"backcoach\"");
		else
			set_string(field, xstrdup(v));
		return;
	case CK_RED_FLAGS:
		for (int i = 0; i < SAFETY_SCREEN_FREQ_COUNT; i++)
			if (strcmp(v, red_flag_words[i]) == 0) {
				*(enum safety_screen_freq *)field =
				    (enum safety_screen_freq)i;
				return;
			}
		bad(c, "\"every\", \"daily\", \"weekly\" or \"never\"");
		return;
	case CK_PATH: {
		char *p = *v ? expand_path(v) : NULL;
		if (p == NULL)
			bad(c, "an absolute file name, or one starting with ~/");
		else
			set_string(field, p);
		return;
	}
	case CK_PHONE:
		if (*v == '\0' || strlen(v) > 15 || strspn(v, "0123456789") != strlen(v))
			bad(c, "a telephone number, digits only, such as \"999\"");
		else
			set_string(field, xstrdup(v));
		return;
	case CK_SPEECH:
		for (int i = 0; i < SPEECH_MODE_COUNT; i++)
			if (strcmp(v, speech_mode_words[i]) == 0) {
				*(enum speech_mode *)field = (enum speech_mode)i;
				return;
			}
		bad(c, "\"off\", \"names\" or \"full\"");
		return;
	case CK_VOICE:
		if (*v == '\0' || strlen(v) > 40 || strspn(v, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+_/") != strlen(v))
			bad(c, "an espeak-ng voice such as \"en\" or \"en-gb\"");
		else
			set_string(field, xstrdup(v));
		return;
	default:
		return;
	}
}

/* risk_factors: an array of the words of safety_risk_factors; an unknown
 * one is a warning, the others are kept. */
static void
apply_risks(struct sctx *c, struct settings *s)
{
	unsigned risks = 0;

	if (config_setting_type(c->s) != CONFIG_TYPE_ARRAY) {
		bad(c, "an array of words such as [\"osteoporosis\"], or []");
		return;
	}
	for (int i = 0; i < config_setting_length(c->s); i++) {
		const char *w = config_setting_get_string_elem(c->s, i);
		int r = w ? safety_risk_find(w) : -1;
		if (r < 0)
			diags_add(c->d, DIAG_WARNING, c->file,
			    (int)config_setting_source_line(c->s), "unknown risk factor "
			    "'%s' in 'risk_factors' (known: cancer, steroids, "
			    "osteoporosis, immune, age50, pregnant); it is ignored", w ? w : "?");
		else
			risks |= 1u << r;
	}
	s->risk_factors = risks;
	s->risk_factors_known = true;
}

/* Reads one setting whose name is known into s, or warns. */
static void
apply(struct sctx *c, const struct conf_key *k, struct settings *s)
{
	void *field = (char *)s + k->off;
	int type = config_setting_type(c->s);
	int is_int = type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64;

	switch (k->kind) {
	case CK_BOOL:
		if (type != CONFIG_TYPE_BOOL)
			bad(c, "true or false");
		else
			*(bool *)field = config_setting_get_bool(c->s);
		return;
	case CK_PERCENT: {
		long long v = is_int ? config_setting_get_int64(c->s) : -1;
		if (v < 0 || v > 100)
			bad(c, "a whole number from 0 to 100");
		else
			*(int *)field = (int)v;
		return;
	}
	case CK_SECONDS: {
		double v = is_int ? (double)config_setting_get_int64(c->s) :
		    type == CONFIG_TYPE_FLOAT ? config_setting_get_float(c->s) : -1;
		if (!(v >= 0 && v <= 600))
			bad(c, "a number of seconds from 0 to 600");
		else
			*(double *)field = v;
		return;
	}
	case CK_RISKS:
		apply_risks(c, s);
		return;
	case CK_RATE: {
		long long v = is_int ? config_setting_get_int64(c->s) : -1;
		if (v < 80 || v > 450)
			bad(c, "a whole number of words per minute from 80 to 450");
		else
			*(int *)field = (int)v;
		return;
	}
	default:
		if (type != CONFIG_TYPE_STRING)
			bad(c, "a string in double quotes");
		else
			apply_string(c, k, field);
		return;
	}
}

/* Reads every setting of the file's root group into s. */
static void
apply_all(struct sctx *c, const config_setting_t *root, struct settings *s)
{
	for (int i = 0; i < config_setting_length(root); i++) {
		c->s = config_setting_get_elem(root, i);
		int k = setting_lookup(c->d, c->file,
		    (int)config_setting_source_line(c->s), NULL,
		    config_setting_name(c->s), infos, NKEYS);
		if (k >= 0)
			apply(c, &keys[k], s);
	}
}

/* What a setting takes, for conf_check's hint on a word without quotes. */
static const char *
settings_hint(const char *name, size_t len)
{
	return setting_hint(name, len, infos, NKEYS);
}

int
settings_parse(config_t *cfg, const char *path, const char *text, size_t len,
    enum diag_severity sev, const char *after, struct diags *d)
{
	struct diags rd = { 0 };
	/* includes are named from the file's own directory, a link's target's */
	char *dcopy = realpath(path, NULL);
	if (dcopy == NULL)
		dcopy = xstrdup(path);
	const char *dir = dirname(dcopy);
	char *plain = NULL;
	int rc = -1;

	config_set_include_dir(cfg, dir);
	conf_check(&rd, path, path, text, len, dir, settings_hint);
	for (size_t i = 0; i < rd.n; i++) {   /* each stops the whole file */
		const char *m = rd.v[i].msg;
		size_t n = strlen(m);
		diags_add(d, sev, rd.v[i].file, rd.v[i].line, "%s%s", m,
		    rd.v[i].sev != DIAG_ERROR ? "" : n > 0 && m[n - 1] == ';' &&
		    after[0] == ';' ? after + 1 : after);
	}
	if (rd.nerrors == 0 && (plain = conf_text(text, len, dir)) == NULL)
		oom();
	if (plain != NULL && config_read_string(cfg, plain) != CONFIG_TRUE) {
		const char *why = config_error_text(cfg);
		const char *f = config_error_file(cfg);
		diags_add(d, sev, f ? f : path, config_error_line(cfg), "%s%s",
		    why && *why ? why : "cannot read the file", after);
	} else if (plain != NULL) {
		rc = 0;
	}
	diags_free(&rd);
	free(plain);
	free(dcopy);
	return rc;
}

void
settings_apply(struct settings *s, const char *path, const config_t *cfg,
    struct diags *d)
{
	struct sctx c = { d, path, NULL };

	apply_all(&c, config_root_setting(cfg), s);
}

int
settings_load(struct settings *s, const char *path, bool required,
    struct diags *d)
{
	int before = d->nerrors;
	struct diags rd = { 0 };
	config_t cfg;
	size_t len;

	char *text = file_read(path, FILE_MAX_BYTES, required ? 0 :
	    FILE_MISSING_OK, &len, &rd);
	for (size_t i = 0; i < rd.n; i++) {     /* a problem, not a stop */
		const char *m = rd.v[i].msg;
		if (strncmp(m, "cannot open: ", 13) == 0)
			m += 13;
		diags_add(d, required ? DIAG_ERROR : DIAG_WARNING, rd.v[i].file,
		    rd.v[i].line, "cannot read the settings: %s", m);
	}
	diags_free(&rd);
	if (text == NULL)
		return diags_status(d, before);
	config_init(&cfg);
	if (settings_parse(&cfg, path, text, len, DIAG_WARNING,
	    "; every setting keeps its default", d) == 0)
		settings_apply(s, path, &cfg, d);
	config_destroy(&cfg);
	free(text);
	return diags_status(d, before);
}
