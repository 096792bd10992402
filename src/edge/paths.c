/*
 * paths.c - file locations.
 *
 * The data directory is found relative to the running binary, so that a
 * freshly built tree (`make run`) and any install prefix both work without
 * a compiled-in path having to be right: the source tree is recognised by
 * its routines/ and sounds/ directories beside the binary.
 */
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share"
#endif

static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	const char *home = getenv("HOME");

	/* the spec: a relative path is invalid and must be ignored */
	if (v != NULL && v[0] == '/')
		return xasprintf("%s/backcoach", v);
	if (home == NULL || home[0] == '\0')
		home = ".";
	return xasprintf("%s/%s/backcoach", home, fallback);
}

char *
paths_config_dir(void)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *
paths_systemd_user_dir(void)
{
	char *d = paths_config_dir();
	char *slash = strrchr(d, '/');         /* .../backcoach */
	*slash = '\0';
	char *u = xasprintf("%s/systemd/user", d);
	free(d);
	return u;
}

char *
paths_state_dir(void)
{
	return xdg_dir("XDG_STATE_HOME", ".local/state");
}

char *
paths_cache_dir(void)
{
	return xdg_dir("XDG_CACHE_HOME", ".cache");
}

/* name in directory dir (malloc'd), which is freed. */
static char *
in_dir(char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);

	free(dir);
	return p;
}

char *
paths_config_file(const char *name)
{
	return in_dir(paths_config_dir(), name);
}

char *
paths_state_file(const char *name)
{
	return in_dir(paths_state_dir(), name);
}

char *
paths_user_routines(void)
{
	return paths_config_file("routines");
}

char *
paths_user_figures(void)
{
	return paths_config_file("routines/figures");
}

static bool
is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool
is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

struct located {
	bool done;
	char routines[PATH_MAX * 2];
	char sound_root[PATH_MAX + 64];  /* parent of sounds/ */
};

static struct located loc;

static void
locate(void)
{
	char exe[PATH_MAX];
	ssize_t n;

	if (loc.done)
		return;
	loc.done = true;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash != NULL)
			*slash = '\0';
		char probe[PATH_MAX + 32], mk[PATH_MAX + 32];
		snprintf(probe, sizeof probe, "%s/routines", exe);
		snprintf(mk, sizeof mk, "%s/Makefile", exe);
		if (is_dir(probe) && is_file(mk)) {
			snprintf(loc.routines, sizeof loc.routines, "%s", probe);
			snprintf(loc.sound_root, sizeof loc.sound_root, "%s", exe);
			return;
		}
		snprintf(probe, sizeof probe, "%s/../share/backcoach", exe);
		char real[PATH_MAX];
		if (is_dir(probe) && realpath(probe, real) != NULL) {
			snprintf(loc.routines, sizeof loc.routines, "%s/routines", real);
			snprintf(loc.sound_root, sizeof loc.sound_root, "%s", real);
			char *s = strrchr(loc.sound_root, '/');
			if (s != NULL)
				*s = '\0';      /* .../share */
			return;
		}
	}
	snprintf(loc.routines, sizeof loc.routines, "%s/backcoach/routines",
	    DATADIR);
	snprintf(loc.sound_root, sizeof loc.sound_root, "%s", DATADIR);
}

const char *
paths_bundled_routines(void)
{
	locate();
	return loc.routines;
}

char *
paths_bundled_figures(void)
{
	return xasprintf("%s/figures", paths_bundled_routines());
}

char *
paths_user_programmes(void)
{
	return paths_config_file("routines/programmes");
}

char *
paths_bundled_programmes(void)
{
	return xasprintf("%s/programmes", paths_bundled_routines());
}

const char *
paths_sound_root(void)
{
	locate();
	return loc.sound_root;
}

int
paths_mkdir_p(const char *dir)
{
	char *p = xstrdup(dir);

	for (char *s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	int rc = mkdir(p, 0700) != 0 && errno != EEXIST ? -1 : 0;
	free(p);
	return rc;
}

/* Whether s ends in suffix (".cfg"), with something before it. */
static bool
ends_in(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n > k && strcmp(s + n - k, suffix) == 0;
}

/* A file id.suffix in the user's directory `user` (freed here), then in
 * `bundled` (freed here); or id itself when it is a path. */
static char *
find_in(const char *id, const char *suffix, char *user, char *bundled)
{
	char *p = NULL;

	if (strchr(id, '/') != NULL || ends_in(id, suffix)) {
		if (access(id, F_OK) == 0)
			p = xstrdup(id);
	} else if (id[0] != '\0' && id[0] != '.') {
		p = xasprintf("%s/%s%s", user, id, suffix);
		if (!is_file(p)) {
			free(p);
			p = xasprintf("%s/%s%s", bundled, id, suffix);
			if (!is_file(p)) {
				free(p);
				p = NULL;
			}
		}
	}
	free(user);
	free(bundled);
	return p;
}

char *
routine_find(const char *id)
{
	return find_in(id, ".cfg", paths_user_routines(),
	    xstrdup(paths_bundled_routines()));
}

char *
programme_find(const char *id)
{
	return find_in(id, PROGRAMME_SUFFIX, paths_user_programmes(),
	    paths_bundled_programmes());
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct routine_entry *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (int)y->user - (int)x->user;  /* user first */
}

static void
scan(const char *dir, const char *suffix, bool user, struct routine_entry **v,
    size_t *n, size_t *cap)
{
	size_t k = strlen(suffix);
	DIR *d = opendir(dir);
	struct dirent *de;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || !ends_in(de->d_name, suffix))
			continue;
		char *path = xasprintf("%s/%s", dir, de->d_name);
		if (!is_file(path)) {
			free(path);
			continue;
		}
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*v = xrealloc(*v, *cap * sizeof **v);
		}
		(*v)[(*n)++] = (struct routine_entry){
			.id = strndup(de->d_name, len - k), .path = path,
			.user = user,
		};
	}
	closedir(d);
}

/* Every file of suffix in user, then bundled (both freed here), sorted by
 * id, the user's shadowing the bundled ones. */
static size_t
list_in(const char *suffix, char *user, char *bundled,
    struct routine_entry **out)
{
	struct routine_entry *v = NULL;
	size_t n = 0, cap = 0, w = 0;

	scan(user, suffix, true, &v, &n, &cap);
	scan(bundled, suffix, false, &v, &n, &cap);
	free(user);
	free(bundled);
	if (n > 0)
		qsort(v, n, sizeof *v, entry_cmp);
	/* keep the first of each id: the user's */
	for (size_t i = 0; i < n; i++) {
		if (w > 0 && strcmp(v[w - 1].id, v[i].id) == 0) {
			v[w - 1].shadows = true;
			free(v[i].id);
			free(v[i].path);
			continue;
		}
		v[w++] = v[i];
	}
	*out = v;
	return w;
}

size_t
routine_list(struct routine_entry **out)
{
	return list_in(".cfg", paths_user_routines(),
	    xstrdup(paths_bundled_routines()), out);
}

size_t
programme_list(struct routine_entry **out)
{
	return list_in(PROGRAMME_SUFFIX, paths_user_programmes(),
	    paths_bundled_programmes(), out);
}

void
routine_list_free(struct routine_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].path);
	}
	free(v);
}

int
paths_is_bundled(const char *path)
{
	char *dcopy = xstrdup(path);
	char a[PATH_MAX], b[PATH_MAX];
	int same = realpath(dirname(dcopy), a) != NULL &&
	    realpath(paths_bundled_routines(), b) != NULL && strcmp(a, b) == 0;

	free(dcopy);
	return same;
}
