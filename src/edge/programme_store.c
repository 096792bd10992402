/*
 * programme_store.c - the state of the programme running, on disk
 * (programme_load.h).
 *
 * One small text file (schedule_state_format), replaced whole through
 * file_install: a temp file in the same directory, fsync'd and renamed
 * over the old one, so a crash leaves the old state or the new, never
 * half of one.  A link is never followed when it is read.
 */
#include "programme_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"

char *
programme_state_path(void)
{
	return paths_state_file("programme");
}

int
programme_state_read(const char *path, struct prog_state *st,
    struct diags *d)
{
	size_t len;
	struct diags rd = { 0 };
	char *text = file_read(path, 4096, FILE_NOFOLLOW | FILE_MISSING_OK, &len,
	    &rd);
	int rc;

	memset(st, 0, sizeof *st);
	if (text == NULL) {
		rc = rd.nerrors > 0 ? -1 : 0;
		for (size_t i = 0; i < rd.n; i++)
			diags_add(d, DIAG_ERROR, path, 0, "%s", rd.v[i].msg);
		diags_free(&rd);
		return rc;
	}
	diags_free(&rd);
	rc = strlen(text) != len || schedule_state_parse(text, path, st, d) > 0 ?
	    -1 : 1;
	if (rc < 0 && strlen(text) != len)
		diags_add(d, DIAG_ERROR, path, 0, "not a programme state: a NUL "
		    "byte");
	free(text);
	return rc;
}

int
programme_state_write(const char *path, const struct prog_state *st,
    struct diags *d)
{
	char buf[1024];
	size_t len = schedule_state_format(st, buf, sizeof buf);

	if (len >= sizeof buf) {
		diags_add(d, DIAG_ERROR, path, 0, "the programme state is too long");
		return -1;
	}
	return file_install(path, buf, len, 0, d);
}

int
programme_state_remove(const char *path, struct diags *d)
{
	if (unlink(path) == 0 || errno == ENOENT)
		return 0;
	diags_add(d, DIAG_ERROR, path, 0, "cannot remove it: %s", strerror(errno));
	return -1;
}
