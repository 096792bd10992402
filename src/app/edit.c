/*
 * edit.c - `backcoach edit` and `backcoach new`: edit a private copy of a
 * routine in the user's editor, validate it exactly as `check` does, and
 * install it atomically only when it is valid.
 *
 * As crontab -e: the editor runs through /bin/sh -c (so "$VISUAL" may
 * carry arguments) on a 0600 temp file in $TMPDIR; the parent ignores
 * SIGINT and SIGQUIT meanwhile, so a ^C reaches the editor only.  The
 * routines directory only ever sees a complete file: the new text is
 * written to a temp file beside the target, fsync'd, and renamed over it
 * (or linked, for a new routine, so that nothing is overwritten), and the
 * directory is fsync'd.  Whatever goes wrong, the routine is unchanged and
 * the user is told where their edited copy is.
 */
#include "edit.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
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

/* 'it'\''s' : the file name as one word for /bin/sh, whatever it holds. */
static char *
shell_quote(const char *s)
{
	char *q = xmalloc(strlen(s) * 4 + 3), *p = q;

	*p++ = '\'';
	for (; *s; s++) {
		if (*s == '\'') {
			memcpy(p, "'\\''", 4);
			p += 4;
		} else {
			*p++ = *s;
		}
	}
	*p++ = '\'';
	*p = '\0';
	return q;
}

static int
on_path(const char *prog)
{
	const char *path = getenv("PATH");

	if (path == NULL)
		return 0;
	char *copy = xstrdup(path), *save = NULL;
	int found = 0;
	for (char *d = strtok_r(copy, ":", &save); d && !found;
	    d = strtok_r(NULL, ":", &save)) {
		char *f = xasprintf("%s/%s", *d ? d : ".", prog);
		found = access(f, X_OK) == 0;
		free(f);
	}
	free(copy);
	return found;
}

const char *
edit_editor(void)
{
	const char *vars[] = { "VISUAL", "EDITOR" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && v[strspn(v, " \t")] != '\0')
			return v;
	}
	return on_path("editor") ? "editor" : "vi";
}

/* Waits for the editor to exit.  When it is stopped (^Z) while this
 * process holds SIGTSTP blocked (the full-screen coach reads it from a
 * signalfd), stops this process too, so that the shell gets the terminal
 * back, and continues the editor after `fg`. */
static void
wait_editor(pid_t pid, int *status)
{
	sigset_t cur;

	for (;;) {
		pid_t r = waitpid(pid, status, WUNTRACED);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*status = -1;
			return;
		}
		if (!WIFSTOPPED(*status))
			return;
		sigprocmask(SIG_BLOCK, NULL, &cur);
		if (sigismember(&cur, SIGTSTP))
			kill(getpid(), SIGSTOP);
		kill(pid, SIGCONT);
	}
}

/* Runs the editor on file and waits for it.  Returns its wait status, or
 * -1 when it could not be started. */
static int
run_editor(const char *file)
{
	char *q = shell_quote(file);
	char *cmd = xasprintf("%s %s", edit_editor(), q);
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_int, old_quit;
	int status = -1;

	free(q);
	fflush(NULL);
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		sigset_t none;
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		sigemptyset(&none);     /* main may have blocked signals */
		sigprocmask(SIG_SETMASK, &none, NULL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	if (pid > 0) {
		wait_editor(pid, &status);
	} else {
		warn("cannot start the editor:");
	}
	/* A ^C meant for the editor may be pending here when the caller
	 * blocks signals (to read them from a signalfd): setting SIG_IGN
	 * again discards it, so that it cannot end the program later. */
	sigaction(SIGINT, &ign, NULL);
	sigaction(SIGQUIT, &ign, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	free(cmd);
	return status;
}

/* Copies text into a new 0600 file in $TMPDIR (or /tmp) whose name keeps
 * the id and the .cfg suffix, so editors know what it is.  Malloc'd path,
 * or NULL after saying why. */
static char *
make_temp(const char *id, const char *text, size_t len)
{
	const char *dir = getenv("TMPDIR");
	struct stat st;

	if (dir == NULL || dir[0] != '/' || stat(dir, &st) != 0 ||
	    !S_ISDIR(st.st_mode))
		dir = "/tmp";
	char *path = xasprintf("%s/backcoach-%.40s-XXXXXX.cfg", dir, id);
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		warn("cannot create a temp file in %s:", dir);
		free(path);
		return NULL;
	}
	if (file_write_all(fd, text, len) != 0 || close(fd) != 0) {
		warn("cannot write %s:", path);
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

/* Validates the edited copy as `check` would validate target, with
 * @include relative to target's directory, and prints the problems naming
 * target.  Returns the number of errors. */
static int
validate(const struct edit_job *j)
{
	struct routine r;
	struct diags d = { 0 };
	char *dcopy = xstrdup(j->target);

	int errors = routine_load_in(&r, j->tmp, j->target, dirname(dcopy), &d);
	cmd_print_diags(&d);
	diags_free(&d);
	routine_free(&r);
	free(dcopy);
	return errors;
}

/* "edit again? [Y/n]": 1 for yes (Enter alone too), 0 for no or the end
 * of input. */
static int
ask_again(void)
{
	char buf[64];

	for (;;) {
		fprintf(stderr, "edit again? [Y/n] ");
		fflush(stderr);
		if (fgets(buf, sizeof buf, stdin) == NULL) {
			fputc('\n', stderr);
			return 0;
		}
		char c = buf[strspn(buf, " \t")];
		if (c == '\n' || c == '\0' || c == 'y' || c == 'Y')
			return 1;
		if (c == 'n' || c == 'N')
			return 0;
	}
}

/* Says how the editor failed; the shell reports a killed child as
 * 128 + the signal. */
static void
editor_failed(int st)
{
	int sig = 0;

	if (st == -1)
		return;
	if (WIFSIGNALED(st))
		sig = WTERMSIG(st);
	else if (WEXITSTATUS(st) > 128 && WEXITSTATUS(st) < 128 + NSIG)
		sig = WEXITSTATUS(st) - 128;
	if (sig)
		warn("the editor was killed by signal %d (%s)", sig, strsignal(sig));
	else if (WEXITSTATUS(st) == 127)
		warn("cannot run the editor '%s'", edit_editor());
	else
		warn("the editor exited with status %d", WEXITSTATUS(st));
}

/* Says that nothing was written, and where the edited copy is (or NULL:
 * no copy worth keeping). */
static void
untouched(const struct edit_job *j, const char *copy)
{
	if (j->create)
		fprintf(stderr, "%s: nothing saved", progname);
	else
		fprintf(stderr, "%s: %s left unchanged", progname, j->target);
	if (copy)
		fprintf(stderr, "; your edited copy is in %s", copy);
	fputc('\n', stderr);
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
		int st = run_editor(j->tmp);
		size_t len;
		char *text = file_read_all(j->tmp, &len);
		if (text == NULL) {
			warn("cannot read the edited copy %s:", j->tmp);
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
		if (validate(j) == 0) {
			int rc = file_install(j->target, text, len, j->create);
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
		if (!ask_again()) {
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
	j->tmp = make_temp(id, j->orig, j->orig_len);
	int rc = j->tmp ? edit_loop(j) : 1;
	job_free(j);
	return rc;
}

/* True when path lies in the bundled routines directory. */
static int
is_bundled(const char *path)
{
	char *dcopy = xstrdup(path);
	char a[PATH_MAX], b[PATH_MAX];
	int same = realpath(dirname(dcopy), a) != NULL &&
	    realpath(paths_bundled_routines(), b) != NULL && strcmp(a, b) == 0;
	free(dcopy);
	return same;
}

int
edit_routine(const char *id_or_path)
{
	struct edit_job j = { .name = id_or_path };
	char *src = routine_find(id_or_path);
	char real[PATH_MAX];

	if (src == NULL) {
		fprintf(stderr, "%s: no routine '%s' (try 'backcoach list')\n",
		    progname, id_or_path);
		return 1;
	}
	char *id = routine_id_from_path(src);
	if (is_bundled(src)) {
		char *user = paths_user_routines();
		j.target = xasprintf("%s/%s.cfg", user, id);
		j.create = 1;
		j.bundled = 1;
		free(user);
		if (access(j.target, F_OK) == 0) {
			fprintf(stderr, "%s: you already have your own copy of '%s' in"
			    " %s; edit that one\n", progname, id, j.target);
			goto fail;
		}
		printf("%s is a bundled routine: your edit will be saved as %s;"
		    " the bundled file is not changed.\n", id, j.target);
	} else {
		j.target = xstrdup(realpath(src, real) ? real : src);
	}
	if ((j.orig = file_read_all(src, &j.orig_len)) == NULL) {
		warn("cannot read %s:", src);
		goto fail;
	}
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

int
edit_valid_id(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && n <= 64 && name[0] != '-' &&
	    strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_-") == n;
}

int
edit_new(const char *name, const char *from)
{
	struct edit_job j = { .name = name, .create = 1 };
	char *found, *user;

	if (!edit_valid_id(name)) {
		fprintf(stderr, "%s: '%s' cannot be a routine name: use letters,"
		    " digits, '-' and '_' (at most 64, not starting with '-')\n",
		    progname, name);
		return 1;
	}
	if ((found = routine_find(name)) != NULL) {
		fprintf(stderr, "%s: a routine '%s' already exists (%s); not"
		    " overwriting it.  Try 'backcoach edit %s'.\n", progname,
		    name, found, name);
		free(found);
		return 1;
	}
	user = paths_user_routines();
	j.target = xasprintf("%s/%s.cfg", user, name);
	free(user);
	if (from == NULL) {
		j.orig = template_routine(name, &j.orig_len);
	} else if ((found = routine_find(from)) == NULL) {
		fprintf(stderr, "%s: no routine '%s' (try 'backcoach list')\n",
		    progname, from);
		job_free(&j);
		return 1;
	} else {
		j.orig = file_read_all(found, &j.orig_len);
		if (j.orig == NULL)
			warn("cannot read %s:", found);
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
cmd_edit(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-')
		return command_usage(argv[0]);
	return edit_routine(argv[1]);
}

/* `new NAME [--from ROUTINE]` */
int
cmd_new(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *from = NULL;
	int c;

	optind = 0;             /* reset, and let options follow NAME */
	while ((c = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
		if (c != 'f')
			return command_usage(argv[0]);
		from = optarg;
	}
	if (optind != argc - 1)
		return command_usage(argv[0]);
	return edit_new(argv[optind], from);
}
