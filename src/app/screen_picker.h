/*
 * screen_picker.h - the routine picker: what `backcoach` alone shows.
 */
#ifndef BACKCOACH_SCREEN_PICKER_H
#define BACKCOACH_SCREEN_PICKER_H

#include "draw.h"
#include "loop.h"
#include "settings.h"

struct picker {
	const struct settings *set;
	struct routine_row *v;  /* every routine (catalog_rows) */
	int n;
	int sel;                /* the selected one */
};

/* Fills p with every routine and when each was last done; returns how
 * many routines there are. */
int picker_load(struct picker *p, const struct settings *set);
void picker_free(struct picker *p);
/* Reads the list again, keeping the selection on the same routine. */
void picker_reload(struct picker *p);

/*
 * Shows the picker until a routine is chosen (SCREEN_DONE: p->v[p->sel],
 * a valid one), or q (SCREEN_CANCEL), or a signal.  From it, `h` shows the
 * statistics and `e` edits the selected routine (curses stopped meanwhile),
 * after which the list is read again.
 */
enum screen_end picker_screen(struct loop *l, struct picker *p);

#endif
