/*
 * sound_theme.c - where the sound themes are, as libcanberra looks for
 * them (sound_theme.h).
 */
#include "sound_theme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "sound.h"
#include "util.h"

/* True when dir is one of the entries of the colon-separated list. */
static bool
in_list(const char *list, const char *dir)
{
	size_t n = strlen(dir);

	for (const char *p = list; *p; ) {
		size_t k = strcspn(p, ":");
		if (k == n && strncmp(p, dir, n) == 0)
			return true;
		p += k + (p[k] == ':');
	}
	return false;
}

/* Puts dir first in XDG_DATA_DIRS, where libcanberra looks for
 * sounds/THEME (the freedesktop default when it is unset stays after). */
void
sound_prepend_data_dir(const char *dir)
{
	const char *old = getenv("XDG_DATA_DIRS");

	if (old == NULL || *old == '\0')
		old = "/usr/local/share:/usr/share";
	if (dir[0] != '/' || strchr(dir, ':') != NULL || in_list(old, dir))
		return;
	char *v = xasprintf("%s:%s", dir, old);
	setenv("XDG_DATA_DIRS", v, 1);
	free(v);
}

/* True when base/sounds/theme/index.theme can be read. */
static bool
theme_in(const char *base, size_t len, const char *theme)
{
	char path[4096];

	if (len == 0 || base[0] != '/')
		return false;
	snprintf(path, sizeof path, "%.*s/sounds/%s/index.theme", (int)len,
	    base, theme);
	return access(path, R_OK) == 0;
}

/* Looks for the theme where libcanberra does: XDG_DATA_HOME (or
 * ~/.local/share), then each XDG_DATA_DIRS entry. */
bool
sound_theme_exists(const char *theme)
{
	const char *home = getenv("XDG_DATA_HOME");
	const char *dirs = getenv("XDG_DATA_DIRS");
	char buf[4096];

	if (home != NULL && home[0] == '/') {
		if (theme_in(home, strlen(home), theme))
			return true;
	} else if ((home = getenv("HOME")) != NULL && home[0] == '/') {
		snprintf(buf, sizeof buf, "%s/.local/share", home);
		if (theme_in(buf, strlen(buf), theme))
			return true;
	}
	if (dirs == NULL || *dirs == '\0')
		dirs = "/usr/local/share:/usr/share";
	for (const char *p = dirs; *p; ) {
		size_t k = strcspn(p, ":");
		if (theme_in(p, k, theme))
			return true;
		p += k + (p[k] == ':');
	}
	return false;
}

/* A theme name is one path component. */
bool
sound_theme_name_ok(const char *t)
{
	return t[0] != '\0' && t[0] != '.' && strchr(t, '/') == NULL &&
	    strlen(t) < THEME_MAX;
}

bool
sound_theme_installed(const char *theme)
{
	sound_prepend_data_dir(paths_sound_root());
	return sound_theme_name_ok(theme) && sound_theme_exists(theme);
}
