/*
 * screen_picker.c - the routine picker.
 *
 * Each routine is loaded once when the list is made (catalog.c), for its
 * name, summary and time; one that does not load is listed as invalid
 * with its problems, and cannot be started.  "Last done" comes from the
 * history.  `e` edits the selected routine on the plain terminal, as
 * `backcoach edit` does, then reads the list again.
 */
#include "screen_picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cmd.h"
#include "screen_dialog.h"
#include "screen_stats.h"
#include "sig.h"
#include "ui.h"
#include "util.h"
#include "wall.h"

int
picker_load(struct picker *p, const struct settings *set)
{
	struct diags d = { 0 };

	memset(p, 0, sizeof *p);
	p->set = set;
	p->n = catalog_rows(set, &p->v);
	/* an unreadable history only loses "last done"; `h` says why */
	catalog_last_done(p->v, p->n, set->history, wall_day(wall_now()), &d);
	diags_free(&d);
	return p->n;
}

void
picker_free(struct picker *p)
{
	catalog_free(p->v, p->n);
	p->v = NULL;
	p->n = 0;
}

void
picker_reload(struct picker *p)
{
	char *id = p->n > 0 ? xstrdup(p->v[p->sel].id) : NULL;

	picker_free(p);
	picker_load(p, p->set);
	for (int i = 0; id && i < p->n; i++)
		if (strcmp(p->v[i].id, id) == 0)
			p->sel = i;
	free(id);
}

/* `e`: edits the selected routine as `backcoach edit` does, on the plain
 * terminal (curses stopped), then waits for Enter so that what happened
 * can be read, and shows the list again, reloaded.  A bundled routine
 * becomes the user's copy, which the reload then selects (same id). */
static enum screen_end
edit(struct picker *p)
{
	struct diags d = { 0 };
	char buf[64];

	if (p->n == 0)
		return SCREEN_STAY;
	char *path = xstrdup(p->v[p->sel].path);
	ui_stop();
	sig_release();          /* ^C at the plain prompts ends the program */
	cmd_edit_routine(path);
	free(path);
	printf("\nPress Enter to go back to the routines. ");
	fflush(stdout);
	if (fgets(buf, sizeof buf, stdin) == NULL)
		clearerr(stdin);
	sig_hold();
	int rc = ui_start(p->set->color, &d);
	cmd_print_diags(&d);
	diags_free(&d);
	if (rc != 0)
		return SCREEN_CANCEL;
	picker_reload(p);
	return SCREEN_STAY;
}

struct picker_screen {
	struct picker *p;
	struct loop *l;
	const struct screen *self;
};

static enum screen_end
picker_key(void *st, enum action a, int key, int64_t now)
{
	struct picker_screen *ps = st;
	struct picker *p = ps->p;

	(void)key, (void)now;
	switch (a) {
	case ACT_UP:
		p->sel = p->sel > 0 ? p->sel - 1 : 0;
		return SCREEN_STAY;
	case ACT_DOWN:
		p->sel = p->sel + 1 < p->n ? p->sel + 1 : p->sel;
		return SCREEN_STAY;
	case ACT_HELP:
		return dialog_help(ps->l, KC_PICKER, ps->self, NULL) == SCREEN_SIGNAL ?
		    SCREEN_SIGNAL : SCREEN_STAY;
	case ACT_STATS:
		return stats_screen(ps->l, p->set->history) == SCREEN_SIGNAL ?
		    SCREEN_SIGNAL : SCREEN_STAY;
	case ACT_START:
		if (p->n > 0 && p->v[p->sel].error == NULL)
			return SCREEN_DONE;
		if (p->n > 0 && dialog_message(ps->l, "This routine has errors",
		    p->v[p->sel].error) == SCREEN_SIGNAL)
			return SCREEN_SIGNAL;
		return SCREEN_STAY;
	case ACT_EDIT:
		return edit(p);
	case ACT_QUIT:
		return SCREEN_CANCEL;
	default:
		return SCREEN_STAY;
	}
}

static void
picker_draw(const void *st, int64_t now)
{
	const struct picker *p = ((const struct picker_screen *)st)->p;

	(void)now;
	draw_picker(p->v, p->n, p->sel);
}

enum screen_end
picker_screen(struct loop *l, struct picker *p)
{
	struct picker_screen ps = { p, l, NULL };
	struct screen sc = {
		.keys = KC_PICKER, .st = &ps, .draw = picker_draw,
		.on_key = picker_key,
	};

	ps.self = &sc;
	return loop_run(l, &sc);
}
