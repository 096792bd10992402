/*
 * screen_picker.c - the routine picker.
 *
 * Each routine is loaded once when the list is made (catalog.c), for its
 * name, summary and time; one that does not load is listed as invalid
 * with its problems, and cannot be started.  "Last done" comes from the
 * history.  `e` edits the selected routine on the plain terminal, as
 * `backcoach edit` does, then reads the list again.  The list is drawn
 * here too: the selected row in reverse video across its whole width
 * (its summary's row too), so that it shows without colour.
 */
#include "screen_picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"
#include "cmd.h"
#include "draw_util.h"
#include "plan.h"
#include "programme_day.h"
#include "screen_dialog.h"
#include "screen_stats.h"
#include "sig.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "wall.h"

/* By the name shown, in any case; then by id. */
static int
by_name(const void *a, const void *b)
{
	const struct routine_row *x = a, *y = b;
	int c = strcasecmp(x->name, y->name);

	return c ? c : strcmp(x->id, y->id);
}

/* Whether s holds needle, in any case (ASCII letters). */
static bool
holds(const char *s, const char *needle)
{
	size_t n = strlen(needle);

	for (; *s; s++)
		if (strncasecmp(s, needle, n) == 0)
			return true;
	return n == 0;
}

/* The routines the filter passes; the selection stays on its routine
 * when that one passes, else goes to the first that does. */
static void
refilter(struct picker *p)
{
	int keep = -1;

	p->nshown = 0;
	for (int i = 0; i < p->n; i++) {
		const struct routine_row *r = &p->v[i];
		if (!holds(r->name, p->filter) && !holds(r->id, p->filter) &&
		    !holds(r->tags, p->filter))
			continue;
		if (i == p->sel)
			keep = i;
		p->shown[p->nshown++] = i;
	}
	p->sel = keep >= 0 ? keep : p->nshown > 0 ? p->shown[0] : 0;
}

/* The position of the selection among those shown, or -1. */
static int
position(const struct picker *p)
{
	for (int i = 0; i < p->nshown; i++)
		if (p->shown[i] == p->sel)
			return i;
	return -1;
}

/* Today's routine of the programme running, first, saying so. */
static void
today_first(struct picker *p, const struct settings *set)
{
	struct prog_day day;
	struct diags d = { 0 };

	if (prog_day_load(&day, set, false, &d) == 1 && day.t.routine != NULL) {
		for (int i = 0; i < p->n; i++) {
			if (strcmp(p->v[i].id, day.t.routine) != 0)
				continue;
			struct routine_row r = p->v[i];
			memmove(p->v + 1, p->v, (size_t)i * sizeof *p->v);
			char *when = prog_day_when(&day);
			char *next = xasprintf("Today in %s, %s%s%s%s", day.p.name, when,
			    day.t.done ? ": done" : "", r.next ? ". " : "",
			    r.next ? r.next : "");
			free(when);
			free(r.next);
			r.next = next;
			p->v[0] = r;
			break;
		}
	}
	prog_day_free(&day);
	diags_free(&d);
}

int
picker_load(struct picker *p, const struct settings *set)
{
	struct diags d = { 0 };

	memset(p, 0, sizeof *p);
	p->set = set;
	p->n = catalog_rows(set, &p->v);
	qsort(p->v, (size_t)p->n, sizeof *p->v, by_name);
	/* an unreadable history only loses "last done"; `h` says why */
	catalog_last_done(p->v, p->n, set->history, wall_day(wall_now()), &d);
	diags_free(&d);
	today_first(p, set);
	p->shown = xcalloc((size_t)(p->n ? p->n : 1), sizeof *p->shown);
	line_init(&p->fe, p->filter, sizeof p->filter);
	refilter(p);
	return p->n;
}

void
picker_free(struct picker *p)
{
	catalog_free(p->v, p->n);
	free(p->shown);
	p->shown = NULL;
	p->v = NULL;
	p->n = p->nshown = 0;
}

void
picker_reload(struct picker *p)
{
	char *id = p->n > 0 ? xstrdup(p->v[p->sel].id) : NULL;
	char filter[PICKER_FILTER_MAX];

	snprintf(filter, sizeof filter, "%s", p->filter);
	picker_free(p);
	picker_load(p, p->set);
	snprintf(p->filter, sizeof p->filter, "%s", filter);
	line_to_end(&p->fe);
	for (int i = 0; id && i < p->n; i++)
		if (strcmp(p->v[i].id, id) == 0)
			p->sel = i;
	refilter(p);
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

	if (p->nshown == 0)
		return SCREEN_STAY;
	char *path = xstrdup(p->v[p->sel].path);
	ui_stop();
	sig_release();          /* ^C at the plain prompts ends the program */
	cmd_edit_routine(path);
	free(path);
	printf("\nPress %s to go back to the routines. ",
	    keys_name(KC_INPUT, ACT_ACCEPT));
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

/* The picker's columns: the time, right-aligned, and "Last done" (when
 * one is known) as wide as their widest; the name gets the rest. */
struct picker_cols {
	int time;               /* columns of the time */
	int last;               /* of "last done", or 0: none */
};

static void
row_time(const struct routine_row *it, char *t, size_t len)
{
	if (it->error)
		snprintf(t, len, "invalid");
	else
		plan_format_duration(it->total_ns, t, (int)len);
}

static struct picker_cols
picker_cols(const struct picker *p)
{
	struct picker_cols pc = { 0, 0 };
	char t[32];

	for (int i = 0; i < p->n; i++) {    /* all: filtering moves nothing */
		const struct routine_row *it = &p->v[i];
		row_time(it, t, sizeof t);
		if (ui_width(t) > pc.time)
			pc.time = ui_width(t);
		if (it->last_done && ui_width(it->last_done) > pc.last)
			pc.last = ui_width(it->last_done);
	}
	if (pc.last > 0 && pc.last < ui_width("Last done"))
		pc.last = ui_width("Last done");
	return pc;
}

/* One picker row: name, time and (when known) last done; the summary on
 * the row under it when there is room (two).  Selected, both rows are in
 * reverse video from edge to edge. */
static void
picker_row(int y, int cols, const struct routine_row *it, bool sel, bool two,
    const struct picker_cols *pc)
{
	char t[32];
	int attr = sel ? ui_attr(UI_SELECT) : 0;
	int right = pc->time + (pc->last ? 2 + pc->last : 0);

	if (sel)
		draw_fill(y, 0, cols, attr);
	row_time(it, t, sizeof t);
	ui_put(y, 0, 2, attr, sel ? "> " : "  ");
	ui_put_cut(y, 2, cols - right - 4, attr | ui_attr(UI_BOLD), it->name);
	ui_put(y, cols - right + pc->time - ui_width(t), pc->time, attr, t);
	if (pc->last)
		ui_put(y, cols - pc->last, pc->last, attr,
		    it->last_done ? it->last_done : "-");
	if (!two)
		return;
	if (sel)
		draw_fill(y + 1, 0, cols, attr);
	ui_text(y + 1, 4, cols - 4, 1, sel ? attr :
	    ui_attr(it->error ? UI_CAUTION : UI_DIM), it->error ? it->error :
	    it->next ? it->next : it->summary ? it->summary : "", true);
}

/* Routines per screen: two rows each (the summary) when there is room. */
static int
picker_per(int rows, int n)
{
	return rows - 4 >= 2 * n || rows >= 16 ? 2 : 1;
}

/* How many of n routines the picker shows at once (PgUp, PgDn). */
static int
picker_page(int n)
{
	int rows = ui_rows(), fit = (rows - 4) / picker_per(rows, n);

	return fit > 0 ? fit : 1;
}

/* The line under the title: the filter, typed or kept, and the heading
 * of "Last done". */
static void
picker_subtitle(const struct picker *p, int cols, const struct picker_cols *pc)
{
	char buf[160];

	if (pc->last)
		ui_put(1, cols - pc->last, pc->last, ui_attr(UI_DIM), "Last done");
	int w = cols - (pc->last ? pc->last + 1 : 0);
	if (p->typing) {
		draw_typed(1, 0, w, "Filter: ", p->filter, p->fe.cur);
	} else if (p->filter[0] != '\0') {
		snprintf(buf, sizeof buf, "Filter: %s (%d shown)", p->filter,
		    p->nshown);
		ui_put_cut(1, 0, w, ui_attr(UI_TITLE), buf);
	}
}

struct picker_screen {
	struct picker *p;
	struct loop *l;
	const struct screen *self;
};

/* Moves the selection by an action of the list (Up, Down, PgUp, PgDn,
 * Home, End); false for any other action. */
static bool
move(struct picker *p, enum action a)
{
	int pos = position(p), page = picker_page(p->nshown);

	switch (a) {
	case ACT_UP:        pos--; break;
	case ACT_DOWN:      pos++; break;
	case ACT_PAGE_UP:   pos -= page; break;
	case ACT_PAGE_DOWN: pos += page; break;
	case ACT_HOME:      pos = 0; break;
	case ACT_END:       pos = p->nshown - 1; break;
	default:            return false;
	}
	if (p->nshown > 0) {
		pos = pos < 0 ? 0 : pos >= p->nshown ? p->nshown - 1 : pos;
		p->sel = p->shown[pos];
	}
	return true;
}

/* A key while the filter is typed: Enter keeps it, Esc clears it; the
 * list follows each change. */
static void
filter_key(struct picker *p, enum action a, int key)
{
	if (a == ACT_ACCEPT || a == ACT_CLOSE) {
		p->typing = false;
		if (a == ACT_CLOSE)
			line_init(&p->fe, p->filter, sizeof p->filter);
	} else if (a == ACT_UP || a == ACT_DOWN) {
		move(p, a);
		return;
	}
	if (!line_act(&p->fe, a) && a == ACT_TAB)
		line_insert(&p->fe, ' ');
	else if (a == ACT_NONE && key >= ' ' && key < 0x110000 &&
	    !text_is_control((uint32_t)key) && !text_is_bidi((uint32_t)key))
		line_insert(&p->fe, (uint32_t)key);
	refilter(p);
}

static enum screen_end
picker_key(void *st, enum action a, int key, int64_t now)
{
	struct picker_screen *ps = st;
	struct picker *p = ps->p;

	(void)now;
	if (p->typing) {
		filter_key(p, keys_action(KC_FILTER, key), key);
		return SCREEN_STAY;
	}
	if (move(p, a))
		return SCREEN_STAY;
	switch (a) {
	case ACT_FILTER:
		p->typing = true;
		line_to_end(&p->fe);
		return SCREEN_STAY;
	case ACT_HELP:
		return dialog_help(ps->l, KC_PICKER, ps->self, NULL) == SCREEN_SIGNAL ?
		    SCREEN_SIGNAL : SCREEN_STAY;
	case ACT_STATS:
		return stats_screen(ps->l, p->set->history) == SCREEN_SIGNAL ?
		    SCREEN_SIGNAL : SCREEN_STAY;
	case ACT_START:
		if (p->nshown > 0 && p->v[p->sel].error == NULL)
			return SCREEN_DONE;
		if (p->nshown > 0 && dialog_message(ps->l, "This routine has errors",
		    p->v[p->sel].error) == SCREEN_SIGNAL)
			return SCREEN_SIGNAL;
		return SCREEN_STAY;
	case ACT_EDIT:
		return edit(p);
	case ACT_CLOSE:                 /* Esc: the filter first */
		if (p->filter[0] == '\0')
			return SCREEN_CANCEL;
		line_init(&p->fe, p->filter, sizeof p->filter);
		refilter(p);
		return SCREEN_STAY;
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
	int rows = ui_rows(), cols = ui_cols(), pos = position(p);
	struct picker_cols pc = picker_cols(p);

	(void)now;
	if (rows < 6 || cols < 30) {
		draw_too_small(30, 6);
		return;
	}
	ui_put(0, 0, cols, ui_attr(UI_TITLE), "backcoach: choose a routine");
	picker_subtitle(p, cols, &pc);
	int per = picker_per(rows, p->nshown), fit = picker_page(p->nshown);
	int first = pos >= fit ? pos - fit + 1 : 0;
	for (int i = first; i < p->nshown && i - first < fit; i++)
		picker_row(2 + (i - first) * per, cols, &p->v[p->shown[i]],
		    i == pos, per == 2, &pc);
	if (p->nshown == 0)
		ui_put(2, 2, cols - 2, ui_attr(UI_DIM), "No routine's name or tags "
		    "hold that.");
	else if (first > 0 || first + fit < p->nshown)
		draw_more(rows - 2, 2, cols - 2, first,
		    p->nshown - first - (fit < p->nshown ? fit : p->nshown));
	draw_keys(rows - 1, cols, p->typing ? KC_FILTER : KC_PICKER);
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
