/*
 * picker.c - the routine picker: what `backcoach` alone shows.
 *
 * Each routine is loaded once when the list is made, for its name,
 * summary and time; one that does not load is listed as invalid with its
 * first problem, and cannot be started.  "Last done" comes from the
 * history (coach_history.c), and `h` shows its statistics.  `e` edits the
 * selected routine through edit.c, with curses stopped meanwhile.
 */
#include "picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coach_history.h"
#include "edit.h"
#include "keys.h"
#include "paths.h"
#include "plan.h"
#include "routine_load.h"
#include "settings.h"
#include "ui.h"
#include "util.h"

char *
picker_diags_text(const struct diags *d)
{
	char line[2048];
	size_t len = 0;
	char *out = xstrdup("");

	for (size_t i = 0; i < d->n; i++) {
		diags_format(&d->v[i], line, sizeof line);
		out = xrealloc(out, len + strlen(line) + 3);
		len += (size_t)sprintf(out + len, "%s%s", len ? "  " : "", line);
	}
	return out;
}

/* Fills one item from a routine file. */
static void
load_item(struct picker_item *it, const struct routine_entry *e)
{
	struct routine r;
	struct plan p;
	struct diags d = { 0 };

	memset(it, 0, sizeof *it);
	it->id = xstrdup(e->id);
	it->path = xstrdup(e->path);
	if (routine_load(&r, e->path, NULL, &d) > 0) {
		it->error = picker_diags_text(&d);
	} else if (settings_apply(&r), plan_build(&p, &r) != 0) {
		it->error = xstrdup("out of memory");
	} else {
		it->total_ns = p.total_ns;
		plan_free(&p);
	}
	it->name = xstrdup(r.name ? r.name : e->id);
	it->summary = r.summary ? xstrdup(r.summary) : NULL;
	diags_free(&d);
	routine_free(&r);
}

int
picker_load(struct picker *p)
{
	struct routine_entry *e;
	size_t n = routine_list(&e);

	memset(p, 0, sizeof *p);
	p->v = xcalloc(n ? n : 1, sizeof *p->v);
	for (size_t i = 0; i < n; i++)
		load_item(&p->v[i], &e[i]);
	p->n = (int)n;
	routine_list_free(e, n);
	coach_history_last_done(p->v, p->n);
	return p->n;
}

static void
free_items(struct picker_item *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].path);
		free(v[i].name);
		free(v[i].summary);
		free(v[i].error);
		free(v[i].last_done);
	}
	free(v);
}

void
picker_free(struct picker *p)
{
	free_items(p->v, p->n);
	memset(p, 0, sizeof *p);
}

void
picker_reload(struct picker *p)
{
	char *id = p->n > 0 ? xstrdup(p->v[p->sel].id) : NULL;

	picker_free(p);
	picker_load(p);
	for (int i = 0; id && i < p->n; i++)
		if (strcmp(p->v[i].id, id) == 0)
			p->sel = i;
	free(id);
}

/* `e`: edits the selected routine as `backcoach edit` does, on the plain
 * terminal (curses stopped), then waits for Enter so that what happened
 * can be read, and shows the list again, reloaded.  A bundled routine
 * becomes the user's copy, which the reload then selects (same id). */
static void
picker_edit(struct picker *p)
{
	char buf[64];

	if (p->n == 0)
		return;
	char *path = xstrdup(p->v[p->sel].path);
	ui_stop();
	edit_routine(path);
	free(path);
	printf("\nPress Enter to go back to the routines. ");
	fflush(stdout);
	if (fgets(buf, sizeof buf, stdin) == NULL)
		clearerr(stdin);
	ui_start();
	picker_reload(p);
}

bool
picker_run(struct picker *p)
{
	for (;;) {
		draw_picker(p->v, p->n, p->sel, p->help);
		int k = ui_wait_key();
		enum action a = keys_action(p->help ? KC_OVERLAY : KC_PICKER, k);
		switch (a) {
		case ACT_UP:
			p->sel = p->sel > 0 ? p->sel - 1 : 0;
			break;
		case ACT_DOWN:
			p->sel = p->sel + 1 < p->n ? p->sel + 1 : p->sel;
			break;
		case ACT_HELP:
			p->help = true;
			break;
		case ACT_STATS:
			coach_history_stats_screen();
			break;
		case ACT_CLOSE:
			p->help = false;
			break;
		case ACT_START:
			if (p->v[p->sel].error == NULL)
				return true;
			ui_message("This routine has errors", p->v[p->sel].error);
			break;
		case ACT_EDIT:
			picker_edit(p);
			break;
		case ACT_QUIT:
			return false;
		default:
			break;
		}
	}
}
