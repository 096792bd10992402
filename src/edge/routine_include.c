/*
 * routine_include.c - the @include lines of a routine file, checked before
 * libconfig 1.5 follows them.
 *
 * libconfig 1.5 opens an included file with fopen() alone: a directory
 * makes its flex scanner fail and exit() the whole program ("input in flex
 * scanner failed"), a FIFO blocks it for ever.  This file finds the
 * includes the way libconfig's scanner does and refuses those.  It reads
 * files but does not include libconfig.
 */
#include "routine_include.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "file.h"

struct ictx {
	struct diags *d;
	const char *path;       /* the routine file as opened */
	const char *shown;      /* the name to report it under */
};

static int check_includes(struct ictx *c, const char *file, const char *dir,
    int depth);

/* One @include NAME found at shown:line: NAME must be missing or a
 * regular file, whose own includes are checked in turn.  Frees name. */
static int
check_include(struct ictx *c, const char *shown, int line, const char *dir,
    char *name, int depth)
{
	char *inc = NULL;
	struct stat st;
	int errors = 0;

	if (name == NULL || asprintf(&inc, "%s/%s", dir, name) < 0) {
		free(name);
		return 0;
	}
	int found = stat(inc, &st) == 0;
	if (found && !S_ISREG(st.st_mode)) {
		diags_add(c->d, DIAG_ERROR, shown, line, "cannot include '%s':"
		    " not a regular file", name);
		errors = 1;
	} else if (found) {
		errors = check_includes(c, inc, dir, depth + 1);
	}
	free(inc);
	free(name);
	return errors;
}

/*
 * Finds every @include of `file` by libconfig's own rule,
 * `^[ \t]*@include[ \t]+"name"`, and checks each.  A name libconfig would
 * read differently from the bytes (an escape, a NUL, a newline) is
 * refused.  Nested includes are followed to libconfig's depth of 10.
 * Returns the number of errors added.
 */
static int
check_includes(struct ictx *c, const char *file, const char *dir, int depth)
{
	const char *shown = strcmp(file, c->path) == 0 ? c->shown : file;
	size_t len = 0;
	int errors = 0, lineno = 1;

	if (depth > 10)
		return 0;
	char *buf = file_read_all(file, &len);
	if (buf == NULL) {
		diags_add(c->d, DIAG_ERROR, shown, 0, "cannot read: %s",
		    strerror(errno));
		return 1;
	}
	for (size_t i = 0; i < len && errors == 0; i++) {
		if (i > 0 && buf[i - 1] == '\n')
			lineno++;
		if (i > 0 && buf[i - 1] != '\n')
			continue;
		size_t j = i;
		while (j < len && (buf[j] == ' ' || buf[j] == '\t'))
			j++;
		if (len - j < 9 || memcmp(buf + j, "@include", 8) != 0 ||
		    (buf[j + 8] != ' ' && buf[j + 8] != '\t'))
			continue;
		j += 8;
		while (j < len && (buf[j] == ' ' || buf[j] == '\t'))
			j++;
		if (j >= len || buf[j] != '"')
			continue;
		size_t start = ++j;
		while (j < len && buf[j] != '"' && buf[j] != '\\' &&
		    buf[j] != '\n' && buf[j] != '\0')
			j++;
		if (j >= len || buf[j] != '"') {
			diags_add(c->d, DIAG_ERROR, shown, lineno, "cannot include:"
			    " the file name must be plain text on one line");
			errors++;
			break;
		}
		errors += check_include(c, shown, lineno, dir,
		    strndup(buf + start, j - start), depth);
	}
	free(buf);
	return errors;
}

int
routine_check_includes(struct diags *d, const char *path, const char *shown,
    const char *dir)
{
	struct ictx c = { d, path, shown };

	return check_includes(&c, path, dir, 0);
}
