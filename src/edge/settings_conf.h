/*
 * settings_conf.h - the settings file as libconfig reads it, shared by
 * the loader (settings.c) and the writer (settings_save.c), so that what
 * is written is read back by the very code that reads it at start-up.
 */
#ifndef BACKCOACH_SETTINGS_CONF_H
#define BACKCOACH_SETTINGS_CONF_H

#include <libconfig.h>
#include <stddef.h>

#include "diag.h"
#include "settings.h"

/*
 * The text (len bytes) of the settings file at path, checked by
 * conf_check() (sizes, NULs, every @include a regular file) and only then
 * parsed into cfg (config_init'ed by the caller), includes named from
 * the directory of the file (a link's target's).  Problems go to d with
 * severity sev (libconfig's error, and every other that stops the whole
 * file, followed by `after`).  0, or -1 when it was not parsed.
 */
int settings_parse(config_t *cfg, const char *path, const char *text,
    size_t len, enum diag_severity sev, const char *after, struct diags *d);
/* The settings of a parsed file applied over s; what is wrong in them
 * are warnings in d (did-you-mean, wrong types, out of range). */
void settings_apply(struct settings *s, const char *path,
    const config_t *cfg, struct diags *d);

#endif
