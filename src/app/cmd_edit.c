/*
 * edit.c - `backcoach edit` and `backcoach new`: edit a private copy of a
 * routine in the user's editor, validate it exactly as `check` does, and
 * install it atomically only when it is valid.
 *
 * As crontab -e: the editor runs (editor.c) on a 0600 temp copy in
 * $TMPDIR.  The routines directory only ever sees a complete file: the new
 * text is written to a temp file beside the target, fsync'd, and renamed
 * over it (or linked, for a new routine, so that nothing is overwritten),
 * and the directory is fsync'd (file.c).  Whatever goes wrong, the
 * routine is unchanged and the user is told where their edited copy is.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "commands.h"
#include "diag.h"
#include "editor.h"
#include "file.h"
#include "paths.h"
#include "routine.h"
#include "routine_load.h"
#include "template.h"
#include "util.h"

struct edit_job {
	const char *name;       /* the routine as the user named it */
	char *target;           /* the file a valid edit replaces or creates */
	char *tmp;              /* the private copy the editor works on */
	char *orig;             /* the text before editing */
	size_t orig_len;
	int create;             /* 1: target must not exist (new, a copy) */
	int bundled;            /* 1: target is a copy of a bundled routine */
};

/* A routine file's text (FILE_MAX_BYTES at most), or NULL after saying
 * why not. */
static char *
read_text(const char *path, size_t *len)
{
	struct diags d = { 0 };
	char *text = file_read(path, FILE_MAX_BYTES, 0, len, &d);

	cmd_print_diags(&d);
	diags_free(&d);
	return text;
}

/* Whether the routine is no longer what the copy was taken from: another
 * edit saved in the meantime (or the file went). */
static bool
changed_meanwhile(const struct edit_job *j)
{
	struct diags d = { 0 };
	size_t len;
	char *now = j->create ? NULL : file_read(j->target, FILE_MAX_BYTES, 0,
	    &len, &d);
	bool changed = !j->create && (now == NULL || len != j->orig_len ||
	    memcmp(now, j->orig, len) != 0);

	diags_free(&d);
	free(now);
	return changed;
}

/* Validates the edited copy as `check` would validate target, with
 * @include relative to target's directory, and prints the problems naming
 * target.  Returns 0, or -1 when it has errors. */
static int
validate(const struct edit_job *j)
{
	struct routine r;
	struct diags d = { 0 };
	char *dcopy = xstrdup(j->target);

	int rc = routine_load_in(&r, j->tmp, j->target, dirname(dcopy), &d);
	cmd_print_diags(&d);
	diags_free(&d);
	routine_free(&r);
	free(dcopy);
	return rc;
}

/* Says how the editor failed; the shell reports a killed child as
 * 128 + the signal. */
static void
editor_failed(int st)
{
	int sig = 0;

	if (st == -1) {
		warn("cannot start the editor:");
		return;
	}
	if (WIFSIGNALED(st))
		sig = WTERMSIG(st);
	else if (WEXITSTATUS(st) > 128 && WEXITSTATUS(st) < 128 + NSIG)
		sig = WEXITSTATUS(st) - 128;
	if (sig)
		warn("the editor was killed by signal %d (%s)", sig, strsignal(sig));
	else if (WEXITSTATUS(st) == 127)
		warn("cannot run the editor '%s'", editor_command());
	else
		warn("the editor exited with status %d", WEXITSTATUS(st));
}

/* Says that nothing was written, and where the edited copy is (or NULL:
 * no copy worth keeping). */
static void
untouched(const struct edit_job *j, const char *copy)
{
	const char *where = copy ? "; your edited copy is in " : "";

	if (j->create)
		warn("nothing saved%s%s", where, copy ? copy : "");
	else
		warn("%s left unchanged%s%s", j->target, where, copy ? copy : "");
}

static void
kept(const struct edit_job *j)
{
	untouched(j, j->tmp);
}

/* The edit loop: editor, compare, validate, install or ask again.
 * Returns the exit status. */
static int
edit_loop(struct edit_job *j)
{
	for (;;) {
		int st = editor_run(j->tmp);
		size_t len;
		char *text = read_text(j->tmp, &len);
		if (text == NULL) {
			untouched(j, NULL);
			return 1;
		}
		int same = len == j->orig_len && memcmp(text, j->orig, len) == 0;
		if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			editor_failed(st);
			if (same) {
				untouched(j, NULL);
				unlink(j->tmp);
			} else {
				kept(j);
			}
			free(text);
			return 1;
		}
		if (same) {
			printf("no changes made\n");
			unlink(j->tmp);
			free(text);
			return 0;
		}
		int errors = validate(j);
		if (errors == 0 && changed_meanwhile(j)) {
			warn("%s was changed by someone else while you edited it; not "
			    "overwriting their change", j->target);
			free(text);
			kept(j);
			return 1;
		}
		if (errors == 0) {
			struct diags d = { 0 };
			int rc = file_install(j->target, text, len, j->create, &d);
			cmd_print_diags(&d);
			diags_free(&d);
			free(text);
			if (rc != 0) {
				kept(j);
				return 1;
			}
			unlink(j->tmp);
			if (j->bundled)
				printf("saved your copy as %s; it is used instead of"
				    " the bundled one, which is unchanged\n", j->target);
			else
				printf("%s %s\n", j->create ? "created" : "saved",
				    j->target);
			return 0;
		}
		free(text);
		if (!cmd_ask_yes("edit again?")) {
			kept(j);
			return 1;
		}
	}
}

static void
job_free(struct edit_job *j)
{
	free(j->target);
	free(j->tmp);
	free(j->orig);
}

/* Starts the job: the copy of text, then the loop. */
static int
edit_text(struct edit_job *j, const char *id)
{
	struct diags d = { 0 };

	j->tmp = editor_temp(id, j->orig, j->orig_len, &d);
	cmd_print_diags(&d);
	diags_free(&d);
	int rc = j->tmp ? edit_loop(j) : 1;
	job_free(j);
	return rc;
}

int
cmd_edit_routine(const char *id_or_path)
{
	struct edit_job j = { .name = id_or_path };
	char *src = routine_find(id_or_path);
	char real[PATH_MAX];

	if (src == NULL) {
		cmd_no_routine(NULL, id_or_path);
		return 1;
	}
	char *id = routine_id_from_path(src);
	if (id == NULL)
		oom();
	if (paths_is_bundled(src)) {
		char *user = paths_user_routines();
		j.target = xasprintf("%s/%s.cfg", user, id);
		j.create = 1;
		j.bundled = 1;
		free(user);
		if (access(j.target, F_OK) == 0) {
			warn("you already have your own copy of '%s' in %s; edit that "
			    "one", id, j.target);
			goto fail;
		}
		printf("%s is a bundled routine: your edit will be saved as %s;"
		    " the bundled file is not changed.\n", id, j.target);
	} else {
		j.target = xstrdup(realpath(src, real) ? real : src);
	}
	if ((j.orig = read_text(src, &j.orig_len)) == NULL)
		goto fail;
	free(src);
	int rc = edit_text(&j, id);
	free(id);
	return rc;
fail:
	job_free(&j);
	free(src);
	free(id);
	return 1;
}

/* True when name can be a routine id: [A-Za-z0-9_-]+, at most 64 long,
 * not starting with '-'. */
static int
valid_id(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && n <= 64 && name[0] != '-' &&
	    strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_-") == n;
}

/* Creates the user routine `name` from the commented template, or from a
 * copy of the routine `from` (an id or a path) when it is not NULL, through
 * the same edit flow.  Refuses to overwrite.  Returns the exit status. */
static int
edit_new(const char *name, const char *from)
{
	struct edit_job j = { .name = name, .create = 1 };
	char *found, *user;

	if (!valid_id(name)) {
		warn("'%s' cannot be a routine name: use letters, digits, '-' and "
		    "'_' (at most 64, not starting with '-')", name);
		return 1;
	}
	if ((found = routine_find(name)) != NULL) {
		warn("a routine '%s' already exists (%s); not overwriting it.  Try "
		    "'backcoach edit %s'.", name, found, name);
		free(found);
		return 1;
	}
	if (command_find(name) != NULL)
		warn("warning: '%s' is also a command: this routine can only be "
		    "started with 'backcoach start %s'", name, name);
	user = paths_user_routines();
	j.target = xasprintf("%s/%s.cfg", user, name);
	free(user);
	if (from == NULL) {
		j.orig = template_routine(name, &j.orig_len);
	} else if ((found = routine_find(from)) == NULL) {
		cmd_no_routine("new: --from", from);
		job_free(&j);
		return 1;
	} else {
		j.orig = read_text(found, &j.orig_len);
		free(found);
		if (j.orig == NULL) {
			job_free(&j);
			return 1;
		}
	}
	return edit_text(&j, name);
}

/* `edit ROUTINE` */
int
cmd_edit(const struct settings *set, int argc, char **argv)
{
	(void)set;
	optind = 0;
	if (cmd_getopt(argc, argv, &cmd_no_opts) != -1 ||
	    cmd_operands(argc, argv, 1, 1, "ROUTINE") != 0)
		return EXIT_USAGE;
	return cmd_edit_routine(argv[optind]);
}

/* `new NAME [--from ROUTINE]` */
int
cmd_new(const struct settings *set, int argc, char **argv)
{
	const char *from = NULL;
	int c;

	(void)set;
	optind = 0;             /* reset, and let options follow NAME */
	while ((c = cmd_getopt(argc, argv, &cmd_new_opts)) != -1) {
		if (c != 'f')
			return EXIT_USAGE;
		from = optarg;
	}
	if (cmd_operands(argc, argv, 1, 1, "NAME") != 0)
		return EXIT_USAGE;
	return edit_new(argv[optind], from);
}
