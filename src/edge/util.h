/*
 * util.h - die() and warn(), for the command layer (an edge never
 * prints: it returns -1 or NULL, with errno or a struct diags), and
 * allocation that cannot fail, for the edges and the command layer.
 *
 * Not for the pure core, which returns errors instead.  As in suckless
 * tools, a format ending in ':' gets ": strerror(errno)" appended.
 */
#ifndef BACKCOACH_UTIL_H
#define BACKCOACH_UTIL_H

#include <stddef.h>

extern const char progname[];     /* "backcoach", for messages */

/* Called by die() before printing, so a fatal error never leaves the
 * terminal in curses mode.  ui.c sets it while curses is active. */
extern void (*die_cleanup)(void);

void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Out of memory: the one fatal error below the command layer.  The x*
 * functions call it; so does an edge whose pure callee ran out. */
void oom(void) __attribute__((noreturn));
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
