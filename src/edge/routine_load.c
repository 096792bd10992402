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
#include "routine_values.h"

#include "conf_check.h"
#include "figure_load.h"
#include "file.h"

#include <errno.h>
#include <libconfig.h>
#include <libgen.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void
load_sets(struct lctx *c, const config_setting_t *s, struct exercise *e)
{
	if (lc_is_int(s)) {
		e->sets_count = config_setting_get_int64(s);
		return;
	}
	int n = config_setting_length(s);
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY || n == 0 ||
	    !lc_is_int(config_setting_get_elem(s, 0))) {
		lc_bad_type(c, s, ST_SETS);
		e->has[XS_sets] = false;
		return;
	}
	if (n > ROUTINE_MAX_SETS) {
		diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s),
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
	if (lc_is_number(s)) {
		e->tempo[0] = lc_get_number(s);
		e->ntempo = 1;
		return;
	}
	int n = config_setting_length(s);
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY || n == 0 ||
	    !lc_is_number(config_setting_get_elem(s, 0))) {
		lc_bad_type(c, s, ST_TEMPO);
		e->ntempo = 0;          /* still a paced exercise: no second error */
		return;
	}
	if (n > ROUTINE_MAX_PHASES) {
		diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s),
		    "'tempo' has %d phases, at most %d", n, ROUTINE_MAX_PHASES);
		e->ntempo = 0;
		return;
	}
	for (int i = 0; i < n; i++)
		e->tempo[i] = lc_get_number(config_setting_get_elem(s, i));
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
		lc_bad_type(c, s, ST_SIDES);
		return;
	}
	if (lc_get_strings(c, s, v, 2, ST_SIDES) != 2)
		return;
	e->sides = true;
	e->side_names[0] = v[0];
	e->side_names[1] = v[1];
}

/* Two strings, a name and a cue, into v[2]; -1 on error. */
static int
load_variant(struct lctx *c, const config_setting_t *s, char **v)
{
	char *got[2] = { NULL, NULL };
	int n = lc_get_strings(c, s, got, 2, ST_VARIANT);

	if (n == 2) {
		v[0] = got[0];
		v[1] = got[1];
		return 0;
	}
	for (int i = 0; i < (n > 0 ? n : 0); i++)
		free(got[i]);
	if (n >= 0)
		diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s), "'%s' needs"
		    " two strings, a name and a cue: [\"Leg only\", \"Lift just"
		    " the leg.\"]", config_setting_name(s));
	return -1;
}

/* A number of seconds, or an integer, for a setting of the given index. */
static int
load_scalar(struct lctx *c, const config_setting_t *s, enum setting_type t,
    double *num, int64_t *integer)
{
	if (t == ST_INT) {
		if (!lc_is_int(s)) {
			lc_bad_type(c, s, t);
			return -1;
		}
		*integer = config_setting_get_int64(s);
		return 0;
	}
	if (!lc_is_number(s)) {
		lc_bad_type(c, s, t);
		return -1;
	}
	*num = lc_get_number(s);
	return 0;
}

static void
load_exercise(struct lctx *c, const config_setting_t *g, struct exercise *e)
{
	e->group_line = lc_line_of(g);
	e->file = lc_dup(c, lc_file_of(c, g));
	for (int i = 0; i < config_setting_length(g); i++) {
		const config_setting_t *s = config_setting_get_elem(g, i);
		int k = setting_lookup(c->d, lc_file_of(c, s), lc_line_of(s), "exercise",
		    config_setting_name(s), exercise_settings, XS_COUNT);
		if (k < 0)
			continue;
		e->has[k] = true;
		e->line[k] = lc_line_of(s);
		int bad = 0;
		switch ((enum exercise_setting)k) {
		case XS_name:     bad = lc_get_string(c, s, &e->name); break;
		case XS_cue:      bad = lc_get_string(c, s, &e->cue); break;
		case XS_caution:  bad = lc_get_string(c, s, &e->caution); break;
		case XS_hold:     bad = load_scalar(c, s, ST_NUMBER, &e->hold, NULL); break;
		case XS_relax:    bad = load_scalar(c, s, ST_NUMBER, &e->relax, NULL); break;
		case XS_rest:     bad = load_scalar(c, s, ST_NUMBER, &e->rest, NULL); break;
		case XS_lead_in:  bad = load_scalar(c, s, ST_NUMBER, &e->lead_in, NULL); break;
		case XS_duration: bad = load_scalar(c, s, ST_NUMBER, &e->duration, NULL); break;
		case XS_reps:     bad = load_scalar(c, s, ST_INT, NULL, &e->reps); break;
		case XS_reps_max: bad = load_scalar(c, s, ST_INT, NULL, &e->reps_max); break;
		case XS_hold_max: bad = load_scalar(c, s, ST_NUMBER, &e->hold_max, NULL); break;
		case XS_source:   bad = lc_get_string(c, s, &e->source); break;
		case XS_figure:   bad = lc_get_string(c, s, &e->figure); break;
		case XS_position: bad = lc_get_string(c, s, &e->position); break;
		case XS_alternate:
			if ((bad = config_setting_type(s) != CONFIG_TYPE_BOOL))
				lc_bad_type(c, s, ST_BOOL);
			else
				e->alternate = config_setting_get_bool(s);
			break;
		case XS_easier:   bad = load_variant(c, s, e->easier); break;
		case XS_harder:   bad = load_variant(c, s, e->harder); break;
		case XS_sets:     load_sets(c, s, e); break;
		case XS_tempo:    load_tempo(c, s, e); break;
		case XS_sides:    load_sides(c, s, e); break;
		case XS_phases:
			e->nphases = lc_get_strings(c, s, e->phases,
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
			e->name = lc_dup(c, "?");
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
		lc_bad_type(c, list, ST_EXERCISES);
		r->has[RS_exercises] = true;
		r->exercises_bad = true;
		return;
	}
	for (int i = 0; i < config_setting_length(list); i++) {
		const config_setting_t *g = config_setting_get_elem(list, i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			diags_add(c->d, DIAG_ERROR, lc_file_of(c, g), lc_line_of(g),
			    "exercise %d must be a group { name = ...; ... }, not %s",
			    i + 1, lc_type_name(config_setting_type(g)));
			continue;
		}
		struct exercise *e = routine_add_exercise(r);
		if (e == NULL) {
			diags_add(c->d, DIAG_ERROR, lc_file_of(c, g), lc_line_of(g),
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
		int k = setting_lookup(c->d, lc_file_of(c, s), lc_line_of(s), "routine",
		    config_setting_name(s), routine_settings, RS_COUNT);
		if (k < 0)
			continue;
		r->has[k] = true;
		r->line[k] = lc_line_of(s);
		int bad = 0;
		switch ((enum routine_setting)k) {
		case RS_version:  bad = load_scalar(c, s, ST_INT, NULL, &r->version); break;
		case RS_name:     bad = lc_get_string(c, s, &r->name); break;
		case RS_summary:  bad = lc_get_string(c, s, &r->summary); break;
		case RS_description: bad = lc_get_string(c, s, &r->description); break;
		case RS_caution:  bad = lc_get_string(c, s, &r->caution); break;
		case RS_source:   bad = lc_get_string(c, s, &r->source); break;
		case RS_off_back: bad = lc_get_string(c, s, &r->off_back); break;
		case RS_lead_in:  bad = load_scalar(c, s, ST_NUMBER, &r->lead_in, NULL); break;
		case RS_rest:     bad = load_scalar(c, s, ST_NUMBER, &r->rest, NULL); break;
		case RS_tags:
			r->ntags = lc_get_strings(c, s, r->tags, ROUTINE_MAX_TAGS,
			    ST_STRINGS);
			if (r->ntags < 0)
				r->ntags = 0;
			break;
		case RS_equipment:
			r->nequipment = lc_get_strings(c, s, r->equipment,
			    ROUTINE_MAX_EQUIPMENT, ST_STRINGS);
			if (r->nequipment < 0)
				r->nequipment = 0;
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
			r->name = lc_dup(c, "?");                  /* no "missing" */
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

static int load_text(struct routine *r, const char *text, size_t len,
    const char *path, const char *shown, const char *incdir, bool figures,
    struct diags *d);

int
routine_load(struct routine *r, const char *path, const char *shown,
    struct diags *d)
{
	return routine_load_in(r, path, shown, NULL, d);
}

/* routine_load_in, its figures read or not. */
static int
load_file(struct routine *r, const char *path, const char *shown,
    const char *incdir, bool figures, struct diags *d)
{
	struct lctx c = { d, path, shown ? shown : path };
	int before = d->nerrors;
	size_t len;
	char *text = read_text(&c, &len);
	char *dir_copy = text ? lc_dup(&c, path) : NULL;

	if (dir_copy == NULL) {
		routine_init(r);
		r->path = lc_dup(&c, c.shown);
		r->id = routine_id_from_path(c.shown);
		free(text);
		return diags_status(d, before);
	}
	load_text(r, text, len, path, c.shown, incdir ? incdir : dirname(dir_copy),
	    figures, d);
	free(dir_copy);
	free(text);
	return diags_status(d, before);
}

/* What a routine's setting takes, for conf_check's hint on a word
 * without quotes (a name of either level; the same name has one type). */
static const char *
routine_hint(const char *name, size_t len)
{
	const char *h = setting_hint(name, len, routine_settings, RS_COUNT);

	return h ? h : setting_hint(name, len, exercise_settings, XS_COUNT);
}

int
routine_load_in(struct routine *r, const char *path, const char *shown,
    const char *incdir, struct diags *d)
{
	return load_file(r, path, shown, incdir, true, d);
}

int
routine_load_plain(struct routine *r, const char *path, struct diags *d)
{
	return load_file(r, path, NULL, NULL, false, d);
}

int
routine_load_text(struct routine *r, const char *text, size_t len,
    const char *path, const char *shown, const char *incdir, struct diags *d)
{
	return load_text(r, text, len, path, shown, incdir, true, d);
}

static int
load_text(struct routine *r, const char *text, size_t len, const char *path,
    const char *shown, const char *incdir, bool figures, struct diags *d)
{
	struct lctx c = { d, shown, shown };
	config_t cfg;
	int before = d->nerrors;
	char *plain = NULL;

	routine_init(r);
	r->path = lc_dup(&c, shown);
	r->id = routine_id_from_path(shown);
	if (r->id == NULL)
		diags_add(d, DIAG_ERROR, shown, 0, "out of memory");
	config_init(&cfg);
	config_set_include_dir(&cfg, incdir);
	if (conf_check(d, shown, path, text, len, incdir, routine_hint) != 0) {
		/* reported: libconfig must not read it */
	} else if ((plain = conf_text(text, len, incdir)) == NULL) {
		diags_add(d, DIAG_ERROR, shown, 0, "out of memory");
	} else if (config_read_string(&cfg, plain) != CONFIG_TRUE) {
		const char *f = config_error_file(&cfg);
		const char *why = config_error_text(&cfg);
		if (f == NULL || strcmp(f, path) == 0)
			f = shown;
		diags_add(d, DIAG_ERROR, f, config_error_line(&cfg), "%s",
		    why && *why ? why : "cannot read the file");
	} else {
		load_root(&c, config_root_setting(&cfg), r);
		routine_validate(r, d);
		if (figures)
			figure_load_routine(r, incdir, d);
	}
	config_destroy(&cfg);
	free(plain);
	return diags_status(d, before);
}
