/*
 * programme_load.c - libconfig -> struct programme (programme_load.h).
 *
 * The text is read whole and checked by conf_check() before libconfig
 * sees it, as a routine's is; the types are checked here with the
 * routine loader's helpers (routine_values.h), and programme_validate()
 * checks the rest.
 */
#include "programme_load.h"

#include "conf_check.h"
#include "file.h"
#include "paths.h"
#include "routine_values.h"
#include "text.h"

#include <libconfig.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

/* days = ["mon", "thu"]: the weekdays marked in w->day (as "" until the
 * routine is known); -1 after an error. */
static int
load_day_names(struct lctx *c, const config_setting_t *s, struct prog_week *w)
{
	char *v[PROG_DAYS] = { NULL };
	int n = lc_get_strings(c, s, v, PROG_DAYS, ST_STRINGS);

	for (int i = 0; i < n; i++) {
		int d = programme_day_find(v[i]);
		if (d < 0)
			diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s),
			    "'days' names no weekday '%s': mon, tue, wed, thu, fri, "
			    "sat or sun", text_check(v[i], "", NULL) ? v[i] : "?");
		else if (w->day[d] == NULL) {
			w->day[d] = lc_dup(c, "");
			w->day_line[d] = lc_line_of(s);
		}
		free(v[i]);
	}
	return n < 0 ? -1 : 0;
}

/* days = { mon = "mcgill-big3"; thu = "core-strength"; } */
static void
load_day_group(struct lctx *c, const config_setting_t *g, struct prog_week *w)
{
	for (int i = 0; i < config_setting_length(g); i++) {
		const config_setting_t *s = config_setting_get_elem(g, i);
		int d = programme_day_find(config_setting_name(s));
		if (d < 0) {
			diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s),
			    "'%s' is no weekday: mon, tue, wed, thu, fri, sat or sun",
			    config_setting_name(s));
			continue;
		}
		w->day_line[d] = lc_line_of(s);
		lc_get_string(c, s, &w->day[d]);
	}
}

static void
load_days(struct lctx *c, const config_setting_t *s, struct prog_week *w)
{
	int t = config_setting_type(s);

	if (lc_is_int(s)) {
		w->form = DAYS_COUNT;
		w->per_week = config_setting_get_int64(s);
	} else if (t == CONFIG_TYPE_ARRAY) {
		w->form = load_day_names(c, s, w) == 0 ? DAYS_NAMED : DAYS_BAD;
	} else if (t == CONFIG_TYPE_GROUP) {
		w->form = DAYS_GROUP;
		load_day_group(c, s, w);
	} else {
		w->form = DAYS_BAD;
		diags_add(c->d, DIAG_ERROR, lc_file_of(c, s), lc_line_of(s),
		    "'days' must be a count (days = 3), weekday names (days = "
		    "[\"mon\", \"thu\"]) or a group (days = { mon = \"id\"; }), "
		    "not %s", lc_type_name(t));
	}
}

static void
load_week(struct lctx *c, const config_setting_t *g, struct prog_week *w)
{
	w->group_line = lc_line_of(g);
	for (int i = 0; i < config_setting_length(g); i++) {
		const config_setting_t *s = config_setting_get_elem(g, i);
		int k = setting_lookup(c->d, lc_file_of(c, s), lc_line_of(s), "week",
		    config_setting_name(s), week_settings, WS_COUNT);
		if (k < 0)
			continue;
		w->has[k] = true;
		w->line[k] = lc_line_of(s);
		switch ((enum week_setting)k) {
		case WS_routine: lc_get_string(c, s, &w->routine); break;
		case WS_days:    load_days(c, s, w); break;
		case WS_rest:    lc_get_string(c, s, &w->rest); break;
		case WS_rest_routine: lc_get_string(c, s, &w->rest_routine); break;
		case WS_dose:    lc_get_string(c, s, &w->dose); break;
		case WS_source:  lc_get_string(c, s, &w->source); break;
		case WS_COUNT:   break;
		}
	}
	/* weekday names take the week's routine */
	for (int d = 0; d < PROG_DAYS && w->form == DAYS_NAMED; d++) {
		if (w->day[d] == NULL)
			continue;
		free(w->day[d]);
		w->day[d] = w->routine ? lc_dup(c, w->routine) : NULL;
	}
}

static void
load_weeks(struct lctx *c, const config_setting_t *list, struct programme *p)
{
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		diags_add(c->d, DIAG_ERROR, lc_file_of(c, list), lc_line_of(list),
		    "'weeks' must be a list of groups, ( { ... }, { ... } ), not %s",
		    lc_type_name(config_setting_type(list)));
		p->weeks_bad = true;
		return;
	}
	for (int i = 0; i < config_setting_length(list); i++) {
		const config_setting_t *g = config_setting_get_elem(list, i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			diags_add(c->d, DIAG_ERROR, lc_file_of(c, g), lc_line_of(g),
			    "week %d must be a group { days = ...; ... }, not %s",
			    i + 1, lc_type_name(config_setting_type(g)));
			continue;
		}
		if (p->nweeks == PROG_MAX_WEEKS) {
			diags_add(c->d, DIAG_ERROR, lc_file_of(c, g), lc_line_of(g),
			    "too many weeks: at most %d", PROG_MAX_WEEKS);
			return;
		}
		load_week(c, g, &p->week[p->nweeks++]);
	}
}

static void
load_root(struct lctx *c, const config_setting_t *root, struct programme *p)
{
	for (int i = 0; i < config_setting_length(root); i++) {
		const config_setting_t *s = config_setting_get_elem(root, i);
		int k = setting_lookup(c->d, lc_file_of(c, s), lc_line_of(s),
		    "programme", config_setting_name(s), programme_settings,
		    PS_COUNT);
		if (k < 0)
			continue;
		p->has[k] = true;
		p->line[k] = lc_line_of(s);
		switch ((enum programme_setting)k) {
		case PS_programme:
			if (lc_is_int(s))
				p->version = config_setting_get_int64(s);
			else {
				lc_bad_type(c, s, ST_INT);
				p->version = PROG_FORMAT_VERSION;  /* said once */
			}
			break;
		case PS_name:    lc_get_string(c, s, &p->name); break;
		case PS_summary: lc_get_string(c, s, &p->summary); break;
		case PS_source:  lc_get_string(c, s, &p->source); break;
		case PS_resume:
			if (config_setting_type(s) == CONFIG_TYPE_BOOL)
				p->resume = config_setting_get_bool(s);
			else
				lc_bad_type(c, s, ST_BOOL);
			break;
		case PS_weeks:   load_weeks(c, s, p); break;
		case PS_COUNT:   break;
		}
	}
	if (p->has[PS_name] && p->name == NULL)
		p->name = lc_dup(c, "?");       /* a bad type, said: no "missing" */
}

char *
programme_id_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n, k = strlen(PROGRAMME_SUFFIX);

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > k && strcmp(base + n - k, PROGRAMME_SUFFIX) == 0)
		n -= k;
	return strndup(base, n);
}

int
programme_load(struct programme *p, const char *path, struct diags *d)
{
	struct lctx c = { d, path, path };
	int before = d->nerrors;
	size_t len;
	struct diags rd = { 0 };
	char *text = file_read(path, FILE_MAX_BYTES, 0, &len, &rd);
	char *dir = lc_dup(&c, path);
	const char *incdir = dir ? dirname(dir) : NULL;
	char *plain = NULL;
	config_t cfg;

	programme_init(p);
	p->path = lc_dup(&c, path);
	p->id = programme_id_from_path(path);
	for (size_t i = 0; i < rd.n; i++)
		diags_add(d, DIAG_ERROR, path, 0, "%s", rd.v[i].msg);
	diags_free(&rd);
	config_init(&cfg);
	if (text == NULL || dir == NULL) {
		/* said */
	} else if (conf_check(d, path, path, text, len, incdir, NULL) != 0) {
		/* reported: libconfig must not read it */
	} else if ((plain = conf_text(text, len, incdir)) == NULL) {
		diags_add(d, DIAG_ERROR, path, 0, "out of memory");
	} else if (config_set_include_dir(&cfg, incdir),
	    config_read_string(&cfg, plain) != CONFIG_TRUE) {
		const char *f = config_error_file(&cfg), *why = config_error_text(&cfg);
		diags_add(d, DIAG_ERROR, f ? f : path, config_error_line(&cfg), "%s",
		    why && *why ? why : "cannot read the file");
	} else {
		load_root(&c, config_root_setting(&cfg), p);
		programme_validate(p, d);
	}
	config_destroy(&cfg);
	free(plain);
	free(dir);
	free(text);
	return diags_status(d, before);
}
