/*
 * editor.c - running the user's editor on a file.
 *
 * As crontab -e: the editor runs through /bin/sh -c on a private 0600
 * copy; the parent ignores SIGINT and SIGQUIT while it runs, so a ^C
 * reaches the editor only; a ^Z that stops the editor stops this process
 * too when it holds SIGTSTP blocked (the full-screen coach does), so that
 * the shell gets the terminal back.
 */
#include "editor.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "file.h"
#include "sig.h"
#include "util.h"

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
editor_command(void)
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
int
editor_run(const char *file)
{
	char *q = shell_quote(file);
	char *cmd = xasprintf("%s %s", editor_command(), q);
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
		sig_child_defaults();
		sigemptyset(&none);     /* main may have blocked signals */
		sigprocmask(SIG_SETMASK, &none, NULL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	int saved = errno;
	if (pid > 0)
		wait_editor(pid, &status);
	/* A ^C meant for the editor may be pending here when the caller
	 * blocks signals (to read them from a signalfd): setting SIG_IGN
	 * again discards it, so that it cannot end the program later. */
	sigaction(SIGINT, &ign, NULL);
	sigaction(SIGQUIT, &ign, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	free(cmd);
	errno = saved;
	return status;
}

/* Copies text into a new 0600 file in $TMPDIR (or /tmp) whose name keeps
 * the id and the .cfg suffix, so editors know what it is.  Malloc'd path,
 * or NULL after saying why. */
char *
editor_temp(const char *id, const char *text, size_t len, struct diags *d)
{
	const char *dir = getenv("TMPDIR");
	struct stat st;

	if (dir == NULL || dir[0] != '/' || stat(dir, &st) != 0 ||
	    !S_ISDIR(st.st_mode))
		dir = "/tmp";
	char *path = xasprintf("%s/backcoach-%.40s-XXXXXX.cfg", dir, id);
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		diags_add(d, DIAG_ERROR, dir, 0, "cannot create a temp file: %s",
		    strerror(errno));
		free(path);
		return NULL;
	}
	if (file_write_all(fd, text, len) != 0 || close(fd) != 0) {
		diags_add(d, DIAG_ERROR, path, 0, "cannot write: %s", file_why(errno));
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

