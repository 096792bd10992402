/*
 * proc.h - another program run and waited for (systemctl), and whether
 * one is on the PATH.
 */
#ifndef BACKCOACH_PROC_H
#define BACKCOACH_PROC_H

#include <stdbool.h>

/* Runs argv (argv[0] looked for on the PATH) with every signal unblocked,
 * its output going where ours goes (with quiet, to /dev/null), and waits
 * for it: its exit status, or -1 (errno set) when it could not run or was
 * killed. */
int proc_run(char *const argv[], bool quiet);
/* Whether program name is an executable file on the PATH. */
bool proc_on_path(const char *name);

#endif
