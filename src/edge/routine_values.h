/*
 * routine_values.h - the values of a routine file as libconfig read them,
 * type-checked, for routine_load.c (routine_values.c).  Internal to the
 * loader.
 */
#ifndef BACKCOACH_ROUTINE_VALUES_H
#define BACKCOACH_ROUTINE_VALUES_H

#include <libconfig.h>

#include "diag.h"
#include "routine.h"

struct lctx {
	struct diags *d;
	const char *path;       /* the file as opened */
	const char *shown;      /* the name to report it under */
};

/* strdup(s), or NULL after an "out of memory" error. */
char *lc_dup(struct lctx *c, const char *s);
/* The name to report for the file a setting came from. */
const char *lc_file_of(struct lctx *c, const config_setting_t *s);
int lc_line_of(const config_setting_t *s);
/* "an integer", "a group", ...: what libconfig type `type` is, in words. */
const char *lc_type_name(int type);
/* "'name' must be WANT, not an integer", at the setting's line. */
void lc_bad_type(struct lctx *c, const config_setting_t *s,
    enum setting_type want);
int lc_is_int(const config_setting_t *s);
int lc_is_number(const config_setting_t *s);
double lc_get_number(const config_setting_t *s);
/* A string into *out (0), or -1 after a type error. */
int lc_get_string(struct lctx *c, const config_setting_t *s, char **out);
/* An array of strings into v[max]; the count, or -1 on error. */
int lc_get_strings(struct lctx *c, const config_setting_t *s, char **v,
    int max, enum setting_type want);

#endif
