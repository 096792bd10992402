/*
 * proc.c - another program run and waited for (proc.h).
 */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int
proc_run(char *const argv[], bool quiet)
{
	int status;

	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		sigset_t none;
		sigemptyset(&none);     /* main may have blocked signals */
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (quiet) {
			int fd = open("/dev/null", O_WRONLY);
			if (fd >= 0) {
				dup2(fd, 1);
				dup2(fd, 2);
			}
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status)) {
		errno = EINTR;
		return -1;
	}
	return WEXITSTATUS(status);
}

bool
proc_on_path(const char *name)
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];

	while (path != NULL && *path != '\0') {
		size_t n = strcspn(path, ":");
		if (n > 0 && (size_t)snprintf(buf, sizeof buf, "%.*s/%s", (int)n, path,
		    name) < sizeof buf && access(buf, X_OK) == 0)
			return true;
		path += n + (path[n] == ':');
	}
	return false;
}
