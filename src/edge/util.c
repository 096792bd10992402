/*
 * util.c - fatal errors, warnings and checked allocation.
 */
#include "util.h"

#include "text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char progname[] = "backcoach";
void (*die_cleanup)(void);

/* Prints "backcoach: message" on stderr, the message escaped (text.h):
 * it may hold a file name or words from a file. */
static void
vwarn(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t len = strlen(fmt);
	char msg[2048], safe[8192];

	vsnprintf(msg, sizeof msg, fmt, ap);
	text_escape(msg, safe, sizeof safe);
	fprintf(stderr, "%s: %s", progname, safe);
	if (len > 0 && fmt[len - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
die(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	if (die_cleanup != NULL) {
		void (*f)(void) = die_cleanup;
		die_cleanup = NULL;
		f();
	}
	errno = saved;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(1);
}

void
oom(void)
{
	errno = ENOMEM;
	die("out of memory:");
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		oom();
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	int n = vasprintf(&p, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	return p;
}
