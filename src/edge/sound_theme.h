/*
 * sound_theme.h - the freedesktop sound themes on this machine
 * (sound_theme.c), for sound.c and sound_worker.c.
 */
#ifndef BACKCOACH_SOUND_THEME_H
#define BACKCOACH_SOUND_THEME_H

#include <stdbool.h>

#define THEME_MAX 64            /* a theme name's length, and one */

/* Puts dir first in XDG_DATA_DIRS, where libcanberra looks for
 * sounds/THEME. */
void sound_prepend_data_dir(const char *dir);
/* Whether the theme is installed where libcanberra looks. */
bool sound_theme_exists(const char *theme);
/* A theme name is one path component, and not too long. */
bool sound_theme_name_ok(const char *t);

#endif
