/*
 * picker.h - the routine picker: the list of routines with their names,
 * summaries and estimated times, and the keys that move in it.
 */
#ifndef BACKCOACH_PICKER_H
#define BACKCOACH_PICKER_H

#include <stdbool.h>

#include "diag.h"
#include "draw.h"

struct picker {
	struct picker_item *v;  /* every routine, as routine_list() orders them */
	int n;
	int sel;                /* the selected one */
	bool help;              /* the help overlay is shown */
};

/* Fills p with every routine found; returns how many. */
int picker_load(struct picker *p);
/* Reads the list again, keeping the selection on the same routine. */
void picker_reload(struct picker *p);
void picker_free(struct picker *p);
/* Shows the picker until Enter (true: p->sel is chosen) or q (false). */
bool picker_run(struct picker *p);
/* A routine's problems as "FILE:LINE: message" lines.  Malloc'd. */
char *picker_diags_text(const struct diags *d);

#endif
