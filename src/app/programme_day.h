/*
 * programme_day.h - the programme running and what today holds: the
 * state read, its programme loaded, the history read, the rules applied
 * (schedule.h) and the state saved when they changed it.  For `today`,
 * `notify`, `programme status|next` and the picker.
 */
#ifndef BACKCOACH_PROGRAMME_DAY_H
#define BACKCOACH_PROGRAMME_DAY_H

#include <stdbool.h>

#include "diag.h"
#include "programme.h"
#include "schedule.h"
#include "settings.h"
#include "wall.h"

struct prog_day {
	struct programme p;     /* the programme running */
	struct prog_state st;
	struct sched_today t;   /* today */
	char now[HISTORY_START_LEN + 1];        /* the time it was worked out */
	char *state_path;
	char *routine_name;     /* today's routine's name, or NULL (filled
	                           by prog_day_facts) */
	int64_t routine_ns;     /* and its time */
};

/*
 * Works out today for the programme running.  Returns 1 when one runs (d
 * filled), 0 when none does, -1 after a problem (its state or programme
 * unreadable: said in dg, nothing changed).  With save, a change the
 * rules made (a week again after a gap, a step back after a flare) is
 * written to the state.
 */
int prog_day_load(struct prog_day *d, const struct settings *set, bool save,
    struct diags *dg);
/* prog_day_load(d, set, true, ...) for a command: its problems printed. */
int prog_day_said(struct prog_day *d, const struct settings *set);
void prog_day_free(struct prog_day *d);
/* Loads today's routine for its name and time (d->routine_name,
 * d->routine_ns), for what prints them; the picker has no need. */
void prog_day_facts(struct prog_day *d, const struct settings *set);
/* Loads programme id (an id or a path) into p and checks that every
 * routine it names is there (FILE:LINE errors, with did-you-mean).  A
 * look-up: 1 when it may run, 0 when there is no such programme (nothing
 * in dg), -1 with its errors in dg.  p is always initialised. */
int prog_day_programme(const char *id, struct programme *p, struct diags *dg);
/* Prints what today holds (`today`, `programme status`). */
void prog_day_print(const struct prog_day *d);
/* For the end of a session: the programme's day done, or what the rules
 * changed (a flare: a week back), as a sentence; NULL when no programme
 * runs.  Malloc'd. */
char *prog_day_summary(const struct settings *set);
/* "Week 2 of 6, day 3": malloc'd. */
char *prog_day_when(const struct prog_day *d);
/* What the rules changed or last changed, as a sentence, or NULL. */
const char *prog_day_change_text(enum sched_change c);

#endif
