/*
 * edit.h - editing routines the way crontab -e edits a crontab.
 *
 * The routine is copied to a private temp file, the user's editor runs on
 * the copy, and the result is validated exactly as `backcoach check` does;
 * only a valid routine replaces the file, atomically.  A bundled routine is
 * never changed: the edit becomes the user's own copy, which shadows it.
 */
#ifndef BACKCOACH_EDIT_H
#define BACKCOACH_EDIT_H

/*
 * Edits the routine `id_or_path` (an id or a path, as for `show`).  Prints
 * what happens to stdout, problems and the "edit again?" question to
 * stderr, and reads the answer from stdin; curses must not be active.
 * Returns the exit status: 0 installed or unchanged, 1 otherwise.
 */
int edit_routine(const char *id_or_path);

/*
 * Creates the user routine `name` from the commented template, or from a
 * copy of the routine `from` (an id or a path) when it is not NULL, through
 * the same edit flow.  Refuses to overwrite.  Returns the exit status.
 */
int edit_new(const char *name, const char *from);

/* True when name can be a routine id: [A-Za-z0-9_-]+, at most 64 long,
 * not starting with '-'. */
int edit_valid_id(const char *name);

/* The editor command: $VISUAL, else $EDITOR, else `editor` when it is on
 * the PATH, else `vi`.  Static storage or the environment's. */
const char *edit_editor(void);

#endif
