/*
 * routine_load.c - libconfig -> struct routine.
 *
 * The one file that includes <libconfig.h> for routines.  It checks the
 * types of what was written and remembers where each setting was, then
 * hands the struct to routine_validate() for everything else.  libconfig
 * 1.5 quirks handled here: `10` is an int and `10.0` a float (both are
 * seconds); integers are read as int64 so that 5000000000L is seen as
 * what it is rather than as 0; @include paths are relative to the
 * routine's own directory.
 */
#include "routine_load.h"

#include "conf_check.h"
#include "file.h"

#include <errno.h>
#include <libconfig.h>
#include <libgen.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct lctx {
	struct diags *d;
	const char *path;       /* the file as opened */
	const char *shown;      /* the name to report it under */
};

/* strdup(s), or NULL after an "out of memory" error: a routine that
 * could not be read whole is never run. */
static char *
dup(struct lctx *c, const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		diags_add(c->d, DIAG_ERROR, c->shown, 0, "out of memory");
	return p;
}

/* The name to report for the file a setting came from. */
static const char *
file_of(struct lctx *c, const config_setting_t *s)
{
	const char *f = s ? config_setting_source_file(s) : NULL;

	if (f == NULL || strcmp(f, c->path) == 0)
		return c->shown;
	return f;
}

static int
line_of(const config_setting_t *s)
{
	return (int)config_setting_source_line(s);
}

static const char *
type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP:  return "a group { ... }";
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:  return "a whole number";
	case CONFIG_TYPE_FLOAT:  return "a number";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL:   return "true or false";
	case CONFIG_TYPE_ARRAY:  return "an array [ ... ]";
	case CONFIG_TYPE_LIST:   return "a list ( ... )";
	default:                 return "something else";
	}
}

static const char *
want_name(enum setting_type t)
{
	switch (t) {
	case ST_INT:       return "a whole number";
	case ST_NUMBER:    return "a number of seconds";
	case ST_STRING:    return "a string in double quotes";
	case ST_BOOL:      return "true or false";
	case ST_STRINGS:   return "an array of strings, [\"a\", \"b\"]";
	case ST_SETS:      return "a number of sets, or an array of reps per set";
	case ST_TEMPO:     return "seconds per rep, or an array of seconds per phase";
	case ST_SIDES:     return "true, false, or two side names [\"left\", \"right\"]";
	case ST_EXERCISES: return "a list of groups, ( { ... }, { ... } )";
	}
	return "?";
}

static void
bad_type(struct lctx *c, const config_setting_t *s, enum setting_type want)
{
	double v = config_setting_type(s) == CONFIG_TYPE_FLOAT ?
	    config_setting_get_float(s) : 0.5;

	if (want == ST_INT && v == floor(v) && fabs(v) < 1e15) {    /* 3.0 */
		diags_add(c->d, DIAG_ERROR, file_of(c, s), line_of(s),
		    "'%s' must be a whole number, written without a decimal "
		    "point: %lld", config_setting_name(s), (long long)v);
		return;
	}
	if (want == ST_INT && config_setting_type(s) == CONFIG_TYPE_FLOAT) {
		diags_add(c->d, DIAG_ERROR, file_of(c, s), line_of(s),
		    "'%s' must be a whole number, not %g", config_setting_name(s), v);
		return;
	}
	diags_add(c->d, DIAG_ERROR, file_of(c, s), line_of(s),
	    "'%s' must be %s, not %s", config_setting_name(s), want_name(want),
	    type_name(config_setting_type(s)));
}

static int
is_int(const config_setting_t *s)
{
	int t = config_setting_type(s);
	return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
}

static int
is_number(const config_setting_t *s)
{
	return is_int(s) || config_setting_type(s) == CONFIG_TYPE_FLOAT;
}

static double
get_number(const config_setting_t *s)
{
	if (is_int(s))
		return (double)config_setting_get_int64(s);
	return config_setting_get_float(s);
}

/* Copies a string setting; 0 on success, -1 on a type error. */
static int
get_string(struct lctx *c, const config_setting_t *s, char **out)
{
	if (config_setting_type(s) != CONFIG_TYPE_STRING) {
		bad_type(c, s, ST_STRING);
		return -1;
	}
	free(*out);
	*out = dup(c, config_setting_get_string(s));
	return 0;
}

/* An array of strings into v[max]; returns the count, -1 on error. */
static int
get_strings(struct lctx *c, const config_setting_t *s, char **v, int max,
    enum setting_type want)
{
	int n = config_setting_length(s);

	if (config_setting_type(s) != CONFIG_TYPE_ARRAY ||
	    (n > 0 && config_setting_type(config_setting_get_elem(s, 0)) !=
	    CONFIG_TYPE_STRING)) {
		bad_type(c, s, want);
		return -1;
	}
	if (n > max) {
		diags_add(c->d, DIAG_ERROR, file_of(c, s), line_of(s),
		    "'%s' has %d entries, at most %d", config_setting_name(s),
		    n, max);
		return -1;
	}
	for (int i = 0; i < n; i++)
		v[i] = dup(c, config_setting_get_string_elem(s, i));
	return n;
}

static void
load_sets(struct lctx *c, const config_setting_t *s, struct exercise *e)
{
	if (is_int(s)) {
		e->sets_count = config_setting_get_int64(s);
		return;
	}
	int n = config_setting_length(s);
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY || n == 0 ||
	    !is_int(config_setting_get_elem(s, 0))) {
		bad_type(c, s, ST_SETS);
		e->has[XS_sets] = false;
		return;
	}
	if (n > ROUTINE_MAX_SETS) {
		diags_add(c->d, DIAG_ERROR, file_of(c, s), line_of(s),
		    "'sets' has %d entries, at most %d", n, ROUTINE_MAX_SETS);
		return;
	}
	for (int i = 0; i < n; i++)
		e->sets[i] = config_setting_get_int64_elem(s, i);
	e->nsets = n;
}

static void
load_tempo(struct lctx *c, const config_setting_t *s, struct exercise *e)
{
	if (is_number(s)) {
		e->tempo[0] = get_number(s);
		e->ntempo = 1;
		return;
	}
	int n = config_setting_length(s);
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY || n == 0 ||
	    !is_number(config_setting_get_elem(s, 0))) {
		bad_type(c, s, ST_TEMPO);
		e->ntempo = 0;          /* still a paced exercise: no second error */
		return;
	}
	if (n > ROUTINE_MAX_PHASES) {
		diags_add(c->d, DIAG_ERROR, file_of(c, s), line_of(s),
		    "'tempo' has %d phases, at most %d", n, ROUTINE_MAX_PHASES);
		e->ntempo = 0;
		return;
	}
	for (int i = 0; i < n; i++)
		e->tempo[i] = get_number(config_setting_get_elem(s, i));
	e->ntempo = n;
}

static void
load_sides(struct lctx *c, const config_setting_t *s, struct exercise *e)
{
	if (config_setting_type(s) == CONFIG_TYPE_BOOL) {
		e->sides = config_setting_get_bool(s);
		return;
	}
	char *v[2] = { NULL, NULL };
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY ||
	    config_setting_length(s) != 2) {
		bad_type(c, s, ST_SIDES);
		return;
	}
	if (get_strings(c, s, v, 2, ST_SIDES) != 2)
		return;
	e->sides = true;
	e->side_names[0] = v[0];
	e->side_names[1] = v[1];
}

/* A number of seconds, or an integer, for a setting of the given index. */
static int
load_scalar(struct lctx *c, const config_setting_t *s, enum setting_type t,
    double *num, int64_t *integer)
{
	if (t == ST_INT) {
		if (!is_int(s)) {
			bad_type(c, s, t);
			return -1;
		}
		*integer = config_setting_get_int64(s);
		return 0;
	}
	if (!is_number(s)) {
		bad_type(c, s, t);
		return -1;
	}
	*num = get_number(s);
	return 0;
}

static void
load_exercise(struct lctx *c, const config_setting_t *g, struct exercise *e)
{
	e->group_line = line_of(g);
	e->file = dup(c, file_of(c, g));
	for (int i = 0; i < config_setting_length(g); i++) {
		const config_setting_t *s = config_setting_get_elem(g, i);
		int k = setting_lookup(c->d, file_of(c, s), line_of(s), "exercise",
		    config_setting_name(s), exercise_settings, XS_COUNT);
		if (k < 0)
			continue;
		e->has[k] = true;
		e->line[k] = line_of(s);
		int bad = 0;
		switch ((enum exercise_setting)k) {
		case XS_name:     bad = get_string(c, s, &e->name); break;
		case XS_cue:      bad = get_string(c, s, &e->cue); break;
		case XS_caution:  bad = get_string(c, s, &e->caution); break;
		case XS_hold:     bad = load_scalar(c, s, ST_NUMBER, &e->hold, NULL); break;
		case XS_relax:    bad = load_scalar(c, s, ST_NUMBER, &e->relax, NULL); break;
		case XS_rest:     bad = load_scalar(c, s, ST_NUMBER, &e->rest, NULL); break;
		case XS_lead_in:  bad = load_scalar(c, s, ST_NUMBER, &e->lead_in, NULL); break;
		case XS_duration: bad = load_scalar(c, s, ST_NUMBER, &e->duration, NULL); break;
		case XS_reps:     bad = load_scalar(c, s, ST_INT, NULL, &e->reps); break;
		case XS_sets:     load_sets(c, s, e); break;
		case XS_tempo:    load_tempo(c, s, e); break;
		case XS_sides:    load_sides(c, s, e); break;
		case XS_phases:
			e->nphases = get_strings(c, s, e->phases,
			    ROUTINE_MAX_PHASES, ST_STRINGS);
			bad = e->nphases < 0;
			if (bad)
				e->nphases = 0;
			break;
		case XS_COUNT:
			break;
		}
		/* a kind-defining setting or a name with a bad type is still
		 * written: it gets a harmless value, so that validation adds
		 * no second error ("not 0", "has no name") about it; the type
		 * error alone stops the routine from running */
		if (bad && k == XS_hold)
			e->hold = ROUTINE_MIN_SECONDS;
		else if (bad && k == XS_duration)
			e->duration = ROUTINE_MIN_SECONDS;
		else if (bad && k == XS_name)
			e->name = dup(c, "?");
		else if (bad)
			e->has[k] = false;
	}
}

static void
load_exercises(struct lctx *c, const config_setting_t *list, struct routine *r)
{
	int type = config_setting_type(list);

	if (type != CONFIG_TYPE_LIST && !(type == CONFIG_TYPE_ARRAY &&
	    config_setting_length(list) == 0)) {
		bad_type(c, list, ST_EXERCISES);
		r->has[RS_exercises] = true;
		r->exercises_bad = true;
		return;
	}
	for (int i = 0; i < config_setting_length(list); i++) {
		const config_setting_t *g = config_setting_get_elem(list, i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			diags_add(c->d, DIAG_ERROR, file_of(c, g), line_of(g),
			    "exercise %d must be a group { name = ...; ... }, not %s",
			    i + 1, type_name(config_setting_type(g)));
			continue;
		}
		struct exercise *e = routine_add_exercise(r);
		if (e == NULL) {
			diags_add(c->d, DIAG_ERROR, file_of(c, g), line_of(g),
			    "too many exercises: at most %d", ROUTINE_MAX_EXERCISES);
			return;
		}
		load_exercise(c, g, e);
	}
}

static void
load_root(struct lctx *c, const config_setting_t *root, struct routine *r)
{
	for (int i = 0; i < config_setting_length(root); i++) {
		const config_setting_t *s = config_setting_get_elem(root, i);
		int k = setting_lookup(c->d, file_of(c, s), line_of(s), "routine",
		    config_setting_name(s), routine_settings, RS_COUNT);
		if (k < 0)
			continue;
		r->has[k] = true;
		r->line[k] = line_of(s);
		int bad = 0;
		switch ((enum routine_setting)k) {
		case RS_version:  bad = load_scalar(c, s, ST_INT, NULL, &r->version); break;
		case RS_name:     bad = get_string(c, s, &r->name); break;
		case RS_summary:  bad = get_string(c, s, &r->summary); break;
		case RS_description: bad = get_string(c, s, &r->description); break;
		case RS_caution:  bad = get_string(c, s, &r->caution); break;
		case RS_source:   bad = get_string(c, s, &r->source); break;
		case RS_lead_in:  bad = load_scalar(c, s, ST_NUMBER, &r->lead_in, NULL); break;
		case RS_rest:     bad = load_scalar(c, s, ST_NUMBER, &r->rest, NULL); break;
		case RS_tags:
			r->ntags = get_strings(c, s, r->tags, ROUTINE_MAX_TAGS,
			    ST_STRINGS);
			if (r->ntags < 0)
				r->ntags = 0;
			break;
		case RS_exercises:
			load_exercises(c, s, r);
			break;
		case RS_COUNT:
			break;
		}
		/* a bad version or name was still written: no "missing" error */
		if (bad && k != RS_version && k != RS_name) {
			r->has[k] = false;
			if (k == RS_lead_in)
				r->lead_in = ROUTINE_DEFAULT_LEAD_IN;
			if (k == RS_rest)
				r->rest = ROUTINE_DEFAULT_REST;
		}
		if (bad && k == RS_version)
			r->version = ROUTINE_FORMAT_VERSION;    /* no "unsupported" */
		if (bad && k == RS_name)
			r->name = dup(c, "?");                  /* no "missing" */
	}
}

/* The routine file's text (at most FILE_MAX_BYTES), or NULL after an
 * error naming it as shown. */
static char *
read_text(struct lctx *c, size_t *len)
{
	struct diags rd = { 0 };
	char *text = file_read(c->path, FILE_MAX_BYTES, 0, len, &rd);

	for (size_t i = 0; i < rd.n; i++)
		diags_add(c->d, DIAG_ERROR, c->shown, 0, "%s", rd.v[i].msg);
	diags_free(&rd);
	return text;
}

/* A UTF-8 byte-order mark, which some editors write, is no text. */
static const char *
skip_bom(const char *text)
{
	return strncmp(text, "\xef\xbb\xbf", 3) == 0 ? text + 3 : text;
}

char *
routine_id_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t len = strlen(base);
	if (len > 4 && strcmp(base + len - 4, ".cfg") == 0)
		len -= 4;
	return strndup(base, len);
}

int
routine_load(struct routine *r, const char *path, const char *shown,
    struct diags *d)
{
	return routine_load_in(r, path, shown, NULL, d);
}

int
routine_load_in(struct routine *r, const char *path, const char *shown,
    const char *incdir, struct diags *d)
{
	struct lctx c = { d, path, shown ? shown : path };
	config_t cfg;
	int before = d->nerrors;

	routine_init(r);
	r->path = dup(&c, c.shown);
	r->id = routine_id_from_path(c.shown);
	if (r->id == NULL)
		diags_add(d, DIAG_ERROR, c.shown, 0, "out of memory");
	size_t len;
	char *text = read_text(&c, &len);
	char *dir_copy = text ? dup(&c, path) : NULL;
	if (dir_copy == NULL) {
		free(text);
		return d->nerrors - before;
	}
	config_init(&cfg);
	config_set_include_dir(&cfg, incdir ? incdir : dirname(dir_copy));
	if (conf_check(d, c.shown, path, text, len,
	    config_get_include_dir(&cfg)) > 0) {
		/* reported: libconfig must not read it */
	} else if (config_read_string(&cfg, skip_bom(text)) != CONFIG_TRUE) {
		const char *f = config_error_file(&cfg);
		const char *why = config_error_text(&cfg);
		if (f == NULL || strcmp(f, path) == 0)
			f = c.shown;
		diags_add(d, DIAG_ERROR, f, config_error_line(&cfg), "%s",
		    why && *why ? why : "cannot read the file");
	} else {
		load_root(&c, config_root_setting(&cfg), r);
		routine_validate(r, d);
	}
	config_destroy(&cfg);
	free(dir_copy);
	free(text);
	return d->nerrors - before;
}
