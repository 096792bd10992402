/*
 * catalog.c - routines found, loaded and listed (catalog.h).
 */
#include "catalog.h"

#include <stdlib.h>
#include <string.h>

#include "catalog_cache.h"
#include "history_stats.h"
#include "paths.h"
#include "plan.h"
#include "routine_load.h"
#include "safety.h"
#include "store.h"
#include "util.h"

/* Pregnant, a routine that names one like it with no exercise on the
 * back (off_back) offers it in its caution, which the start card and
 * `show` print: the NHS says not to lie flat on the back for long after
 * 16 weeks (safety_pregnant_on_back). */
static void
offer_off_back(struct routine *r, const struct settings *set)
{
	if (r->off_back == NULL || !(set->risk_factors & SAFETY_RISK_BIT(pregnant)))
		return;
	char *c = xasprintf("%s%sPregnant: 'backcoach %s' has nothing lying "
	    "on your back.", r->caution ?
	    r->caution : "", r->caution ? " " : "", r->off_back);
	free(r->caution);
	r->caution = c;
}

/* catalog_load, with the figures (to run or show it) or without (a row). */
static int
load(const char *name, const struct settings *set, bool figures,
    struct routine *r, struct diags *d)
{
	char *path = routine_find(name);

	if (path == NULL) {
		routine_init(r);
		return 0;
	}
	int rc = figures ? routine_load(r, path, NULL, d) :
	    routine_load_plain(r, path, d);
	free(path);
	if (rc != 0)
		return -1;
	routine_set_lead_in(r, set->lead_in);
	offer_off_back(r, set);
	return 1;
}

int
catalog_load(const char *name, const struct settings *set, struct routine *r,
    struct diags *d)
{
	return load(name, set, true, r, d);
}

/* One row from a routine file: from the cache when its text is the one
 * cached, else loaded without its figures (start-up: the picker shows
 * none; run_chosen loads the routine whole), and cached. */
static void
load_row(struct routine_row *row, const struct routine_entry *e,
    const struct settings *set, struct catalog_cache *cache)
{
	struct routine r;
	struct plan p;
	struct diags d = { 0 };

	memset(row, 0, sizeof *row);
	row->id = xstrdup(e->id);
	row->path = xstrdup(e->path);
	row->shadows = e->shadows;
	if (catalog_cache_row(cache, row))
		return;
	int rc = load(e->path, set, false, &r, &d);
	if (rc == 0) {                  /* gone since it was listed */
		row->name = xstrdup(e->id);
		row->error = xstrdup("no such file");
		row->tags = xstrdup("");
		return;
	}
	if (rc < 0) {
		if ((row->error = diags_text(&d, "  ")) == NULL)
			oom();
	} else if (plan_build(&p, &r) != 0) {
		oom();
	} else {
		row->total_ns = p.total_ns;
		plan_free(&p);
	}
	row->name = xstrdup(r.name ? r.name : e->id);
	row->summary = r.summary ? xstrdup(r.summary) : NULL;
	row->tags = xstrdup("");
	for (int i = 0; rc > 0 && i < r.ntags; i++) {
		char *t = xasprintf("%s%s%s", row->tags, i ? " " : "", r.tags[i]);
		free(row->tags);
		row->tags = t;
	}
	if (rc > 0)
		catalog_cache_add(cache, row);
	diags_free(&d);
	routine_free(&r);
}

int
catalog_rows(const struct settings *set, struct routine_row **rows)
{
	struct routine_entry *e;
	size_t n = routine_list(&e);

	struct catalog_cache cache;

	*rows = xcalloc(n ? n : 1, sizeof **rows);
	catalog_cache_open(&cache, set);
	for (size_t i = 0; i < n; i++)
		load_row(&(*rows)[i], &e[i], set, &cache);
	catalog_cache_close(&cache);
	routine_list_free(e, n);
	return (int)n;
}

void
catalog_free(struct routine_row *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].path);
		free(v[i].name);
		free(v[i].summary);
		free(v[i].error);
		free(v[i].last_done);
		free(v[i].next);
		free(v[i].tags);
	}
	free(v);
}

void
catalog_last_done(struct routine_row *v, int n, const char *history,
    int today, struct diags *d)
{
	struct hstats st;
	char buf[32];

	store_stats(history, &st, 1, today, d);
	for (int i = 0; i < n; i++) {
		const struct hstats_routine *r = hstats_routine(&st, v[i].id);
		free(v[i].last_done);
		free(v[i].next);
		v[i].last_done = v[i].next = NULL;
		if (r == NULL)
			continue;
		if (r->last_day >= 0) {
			history_ago(r->last_day, st.today, buf, sizeof buf);
			v[i].last_done = xstrdup(buf);
		}
		enum progress_what w = progress_rule(r->recent, r->nrecent).what;
		if (w == PROGRESS_UP || w == PROGRESS_DOWN)
			v[i].next = xasprintf("%s: see 'backcoach progress %s'",
			    w == PROGRESS_UP ? "Ready for one step more" :
			    "One step back suggested", v[i].id);
	}
	hstats_free(&st);
}
