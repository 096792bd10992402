/*
 * paths.h - where backcoach's files live (XDG Base Directory spec), and
 * how a routine id becomes a file.
 */
#ifndef BACKCOACH_PATHS_H
#define BACKCOACH_PATHS_H

#include <stdbool.h>
#include <stddef.h>

/* $XDG_CONFIG_HOME/backcoach, or ~/.config/backcoach.  Malloc'd. */
char *paths_config_dir(void);
/* $XDG_CONFIG_HOME/systemd/user (default ~/.config/systemd/user): where
 * systemd looks for a user's own units.  Malloc'd. */
char *paths_systemd_user_dir(void);
/* $XDG_STATE_HOME/backcoach, or ~/.local/state/backcoach.  Malloc'd. */
char *paths_state_dir(void);
/* $XDG_CACHE_HOME/backcoach (default ~/.cache/backcoach): what can be made
 * again, such as spoken phrases.  Malloc'd. */
char *paths_cache_dir(void);
/* A file of backcoach's in either: paths_config_dir()/name,
 * paths_state_dir()/name.  Malloc'd. */
char *paths_config_file(const char *name);
char *paths_state_file(const char *name);
/* The user's routines: paths_config_dir()/routines.  Malloc'd. */
char *paths_user_routines(void);
/* Bundled routines: the source tree's routines/ when run from a built
 * source tree, else <bindir>/../share/backcoach/routines, else the
 * compiled-in DATADIR's. */
const char *paths_bundled_routines(void);
/* The user's figures: paths_user_routines()/figures.  Malloc'd. */
char *paths_user_figures(void);
/* The bundled figures: paths_bundled_routines()/figures.  Malloc'd. */
char *paths_bundled_figures(void);
/* Programmes: the user's (paths_user_routines()/programmes, malloc'd),
 * then the bundled ones (paths_bundled_routines()/programmes). */
#define PROGRAMME_SUFFIX ".programme"
char *paths_user_programmes(void);
char *paths_bundled_programmes(void);
/* The parent of the sound themes: the source tree's root (for sounds/) or
 * <prefix>/share.  Put before XDG_DATA_DIRS for libcanberra. */
const char *paths_sound_root(void);

/* Creates dir and its parents with mode 0700 where missing.  0, or -1
 * with errno set. */
int paths_mkdir_p(const char *dir);
/* True when the routine file at path lies in the bundled directory:
 * never changed, a user copy is made instead. */
int paths_is_bundled(const char *path);

struct routine_entry {
	char *id;
	char *path;
	bool user;              /* from the user's directory */
	bool shadows;           /* a user routine hiding a bundled one */
};

/*
 * Finds a routine by id (user directory first, then bundled) or by path
 * (anything with a '/' or ending in ".cfg").  Returns a malloc'd path, or
 * NULL when there is no such routine.
 */
char *routine_find(const char *id_or_path);
/* Every routine, sorted by id, user ones shadowing bundled ones. */
size_t routine_list(struct routine_entry **out);
/* A programme by id (the user's first) or path, as routine_find; and
 * every programme, as routine_list (free with routine_list_free). */
char *programme_find(const char *id_or_path);
size_t programme_list(struct routine_entry **out);
void routine_list_free(struct routine_entry *v, size_t n);

#endif
