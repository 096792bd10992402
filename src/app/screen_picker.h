/*
 * screen_picker.h - the routine picker: what `backcoach` alone shows.
 */
#ifndef BACKCOACH_SCREEN_PICKER_H
#define BACKCOACH_SCREEN_PICKER_H

#include "catalog.h"
#include "lineedit.h"
#include "loop.h"
#include "settings.h"

#define PICKER_FILTER_MAX 64    /* bytes of a filter */

struct picker {
	const struct settings *set;
	struct routine_row *v;  /* every routine (catalog_rows), by name */
	int n;
	int sel;                /* the selected one, in v */
	int *shown;             /* the indexes of those the filter passes */
	int nshown;
	char filter[PICKER_FILTER_MAX];
	struct line_edit fe;    /* the filter, being typed */
	bool typing;
};

/* Fills p with every routine, sorted by the name shown (in any case),
 * and when each was last done; today's routine of the programme running
 * first, saying so.  Returns how many routines there are. */
int picker_load(struct picker *p, const struct settings *set);
void picker_free(struct picker *p);
/* Reads the list again, keeping the selection on the same routine and
 * the filter. */
void picker_reload(struct picker *p);

/*
 * Shows the picker until a routine is chosen (SCREEN_DONE: p->v[p->sel],
 * a valid one), or q or Esc (SCREEN_CANCEL), or a signal.  From it, `h`
 * shows the statistics, `e` edits the selected routine (curses stopped
 * meanwhile), after which the list is read again, and `/` filters the
 * list by name, id or tag.
 */
enum screen_end picker_screen(struct loop *l, struct picker *p);

#endif
