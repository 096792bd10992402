/*
 * file.h - whole files: reading, crash-safe replacement, time stamps.
 */
#ifndef BACKCOACH_FILE_H
#define BACKCOACH_FILE_H

#include <stddef.h>
#include <time.h>

#include "diag.h"

#define FILE_MAX_BYTES (16 * 1024 * 1024)   /* larger: EFBIG */

/* Reads a whole file into a malloc'd, NUL-terminated buffer and sets *len;
 * NULL with errno set on failure. */
char *file_read_all(const char *path, size_t *len);
/* write(2) until all of buf is written; 0, or -1 with errno set. */
int file_write_all(int fd, const char *buf, size_t len);
/*
 * Puts text at target atomically: a temp file in target's directory
 * (created 0700 with its parents when missing), fsync, rename over target
 * keeping its mode (or, with create, link: refusing to overwrite), fsync
 * of the directory.  SIGINT, SIGTERM, SIGHUP and SIGQUIT are held
 * meanwhile.  Returns 0, or -1 with the error in d.
 */
int file_install(const char *target, const char *text, size_t len, int create,
    struct diags *d);
/* The modification time of path: 0, or -1 with errno set. */
int file_mtime(const char *path, time_t *t);
/* Sets path's modification time to now, creating it (empty, 0600) when
 * missing: 0, or -1 with errno set. */
int file_touch(const char *path);

#endif
