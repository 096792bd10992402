/*
 * startup_bench.c - for `make bench`: how long a command takes from
 * exec() to showing a word on a terminal: for the coach, to its first
 * screen.
 *
 *   build/startup_bench RUNS WORD PROGRAM ARG...
 *
 * Runs PROGRAM RUNS times on a new pseudo-terminal (80x24, TERM=xterm),
 * each time from fork() until WORD has been written there (a word, as
 * curses moves the cursor between words), then ends it (SIGTERM; SIGKILL
 * after a second).  Prints the median and the fastest, in milliseconds:
 * "median 1.23 fastest 1.01".
 */
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* One run: ms from fork until word was written, or -1. */
static double
one(const char *word, char **argv)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	int fd, status;
	char buf[65536];
	size_t have = 0;
	ssize_t got;
	double t = -1, t0 = now_ms();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);

	if (pid < 0)
		return -1;
	if (pid == 0) {
		setenv("TERM", "xterm", 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (have < sizeof buf - 1 &&
	    (got = read(fd, buf + have, sizeof buf - 1 - have)) > 0) {
		have += (size_t)got;
		buf[have] = '\0';
		if (memmem(buf, have, word, strlen(word)) != NULL) {
			t = now_ms() - t0;
			break;
		}
	}
	kill(pid, SIGTERM);
	for (int i = 0; i < 100 && waitpid(pid, &status, WNOHANG) == 0; i++)
		usleep(10000);
	if (waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	close(fd);
	return t;
}

int
main(int argc, char **argv)
{
	int runs = argc > 3 ? atoi(argv[1]) : 0;

	if (runs < 1) {
		fprintf(stderr, "usage: startup_bench RUNS WORD PROGRAM ARG...\n");
		return 2;
	}
	double *t = calloc((size_t)runs, sizeof *t);
	if (t == NULL)
		return 1;
	for (int i = 0; i < runs; i++)
		if ((t[i] = one(argv[2], argv + 3)) < 0) {
			fprintf(stderr, "startup_bench: %s never showed '%s'\n",
			    argv[3], argv[2]);
			return 1;
		}
	qsort(t, (size_t)runs, sizeof *t, by_value);
	printf("median %.2f fastest %.2f\n", t[runs / 2], t[0]);
	free(t);
	return 0;
}
