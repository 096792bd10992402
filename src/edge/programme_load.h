/*
 * programme_load.h - a programme file read with libconfig, and the state
 * of the programme running, kept crash-safely in the state directory.
 */
#ifndef BACKCOACH_PROGRAMME_LOAD_H
#define BACKCOACH_PROGRAMME_LOAD_H

#include "diag.h"
#include "programme.h"
#include "schedule.h"

/*
 * Loads the programme file at path into p and validates it
 * (programme_validate), appending every problem to d as FILE:LINE.
 * Returns 0, or -1 when it found an error; p is always initialised (free it with
 * programme_free).  The routines it names are not looked for here.
 */
int programme_load(struct programme *p, const char *path, struct diags *d);
/* The id of a programme file: its base name without ".programme".
 * Malloc'd. */
char *programme_id_from_path(const char *path);

/* $XDG_STATE_HOME/backcoach/programme: the state file.  Malloc'd. */
char *programme_state_path(void);
/* Reads the state at path: 1 with st filled, 0 when there is none (no
 * programme runs), -1 with the problems in d (FILE:LINE) when it is not a
 * state file; it is never changed then. */
int programme_state_read(const char *path, struct prog_state *st,
    struct diags *d);
/* Writes st to path atomically (a temp file renamed over it, fsync'd, as
 * file_install does): 0, or -1 with the error in d. */
int programme_state_write(const char *path, const struct prog_state *st,
    struct diags *d);
/* Removes the state: 0 (also when there was none), or -1 with the error
 * in d. */
int programme_state_remove(const char *path, struct diags *d);

#endif
