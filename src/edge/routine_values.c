/*
 * routine_values.c - a routine file's values, type-checked
 * (routine_values.h).
 */
#include "routine_values.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* strdup(s), or NULL after an "out of memory" error: a routine that
 * could not be read whole is never run. */
char *
lc_dup(struct lctx *c, const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		diags_add(c->d, DIAG_ERROR, c->shown, 0, "out of memory");
	return p;
}

/* The name to report for the file a setting came from. */
const char *
lc_file_of(struct lctx *c, const config_setting_t *s)
{
	const char *f = s ? config_setting_source_file(s) : NULL;

	if (f == NULL || strcmp(f, c->path) == 0)
		return c->shown;
	return f;
}

int
lc_line_of(const config_setting_t *s)
{
	return (int)config_setting_source_line(s);
}

const char *
lc_type_name(int type)
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
lc_want_name(enum setting_type t)
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
	case ST_VARIANT:   return "a name and a cue, [\"Leg only\", \"Lift just the leg.\"]";
	case ST_EXERCISES: return "a list of groups, ( { ... }, { ... } )";
	}
	return "?";
}

void
lc_bad_type(struct lctx *c, const config_setting_t *s, enum setting_type want)
{
	double v = config_setting_type(s) == CONFIG_TYPE_FLOAT ?
	    config_setting_get_float(s) : 0.5;

	if (want == ST_INT && v == floor(v) && fabs(v) < 1e15) {    /* 3.0 */
		diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s),
		    "'%s' must be a whole number, written without a decimal "
		    "point: %lld", config_setting_name(s), (long long)v);
		return;
	}
	if (want == ST_INT && config_setting_type(s) == CONFIG_TYPE_FLOAT) {
		diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s),
		    "'%s' must be a whole number, not %g", config_setting_name(s), v);
		return;
	}
	diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s),
	    "'%s' must be %s, not %s", config_setting_name(s), lc_want_name(want),
	    lc_type_name(config_setting_type(s)));
}

int
lc_is_int(const config_setting_t *s)
{
	int t = config_setting_type(s);
	return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
}

int
lc_is_number(const config_setting_t *s)
{
	return lc_is_int(s) || config_setting_type(s) == CONFIG_TYPE_FLOAT;
}

double
lc_get_number(const config_setting_t *s)
{
	if (lc_is_int(s))
		return (double)config_setting_get_int64(s);
	return config_setting_get_float(s);
}

/* Copies a string setting; 0 on success, -1 on a type error. */
int
lc_get_string(struct lctx *c, const config_setting_t *s, char **out)
{
	if (config_setting_type(s) != CONFIG_TYPE_STRING) {
		lc_bad_type(c, s, ST_STRING);
		return -1;
	}
	free(*out);
	*out = lc_dup(c, config_setting_get_string(s));
	return 0;
}

/* An array of strings into v[max]; returns the count, -1 on error. */
int
lc_get_strings(struct lctx *c, const config_setting_t *s, char **v, int max,
    enum setting_type want)
{
	int n = config_setting_length(s);

	if (config_setting_type(s) != CONFIG_TYPE_ARRAY ||
	    (n > 0 && config_setting_type(config_setting_get_elem(s, 0)) !=
	    CONFIG_TYPE_STRING)) {
		lc_bad_type(c, s, want);
		return -1;
	}
	if (n > max) {
		diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s),
		    "'%s' has %d entries, at most %d", config_setting_name(s),
		    n, max);
		return -1;
	}
	for (int i = 0; i < n; i++)
		v[i] = lc_dup(c, config_setting_get_string_elem(s, i));
	return n;
}
