/*
 * file.h - whole files: reading, crash-safe replacement, time stamps.
 */
#ifndef BACKCOACH_FILE_H
#define BACKCOACH_FILE_H

#include <stddef.h>
#include <time.h>

#include "diag.h"

#define FILE_MAX_BYTES (1024 * 1024)        /* a routine, the settings */

enum {
	FILE_NOFOLLOW = 1 << 0,         /* refuse a symbolic link */
	FILE_MISSING_OK = 1 << 1,       /* a missing file is no error */
};

/* Reads the whole regular file at path (at most max bytes) into a
 * malloc'd, NUL-terminated buffer and sets *len.  Never blocks on a FIFO
 * or a device: what is not a regular file is refused.  NULL with the
 * reason in d (nothing, for a missing file with FILE_MISSING_OK). */
char *file_read(const char *path, size_t max, int flags, size_t *len,
    struct diags *d);
/* write(2) until all of buf is written; 0, or -1 with errno set. */
int file_write_all(int fd, const char *buf, size_t len);
/*
 * Puts text at target atomically: a temp file in target's directory
 * (created 0700 with its parents when missing), fsync, rename over target
 * keeping its mode (or, with create, link: refusing to overwrite), fsync
 * of the directory.  A symbolic link at target stays one: the file it
 * leads to is replaced.  SIGINT, SIGTERM, SIGHUP and SIGQUIT are held
 * meanwhile.  Returns 0, or -1 with the error in d.
 */
int file_install(const char *target, const char *text, size_t len, int create,
    struct diags *d);
/* The modification time of the regular file path (not followed when a
 * link): 0, or -1 with errno set. */
int file_mtime(const char *path, time_t *t);
/* Sets path's modification time to now, creating it (empty, 0600) when
 * missing: 0, or -1 with errno set.  Never follows a link, never blocks on
 * a FIFO, touches nothing but a regular file. */
int file_touch(const char *path);

/* strerror(e), with what EFBIG means here: the file size limit. */
const char *file_why(int e);
/*
 * flock(fd, op) (LOCK_SH or LOCK_EX) without hanging: tried every 50 ms
 * for up to `seconds`.  0; or -1 with errno ETIMEDOUT (another program
 * holds the lock), EINTR (a signal that ends the program is pending: it is
 * not waited through), or flock's own error.
 */
int file_lock(int fd, int op, int seconds);

#endif
