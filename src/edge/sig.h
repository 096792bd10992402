/*
 * sig.h - the signals backcoach handles, read from a signalfd.
 *
 * sig_init() blocks SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT and SIGWINCH
 * at the top of main(), before curses or any library thread starts, so
 * they are never delivered asynchronously: whoever polls sig_fd() reads
 * them in order with sig_read().  (ncurses' own handlers would otherwise
 * run, and its SIGINT handler _exits without saving anything.)
 */
#ifndef BACKCOACH_SIG_H
#define BACKCOACH_SIG_H

/* Blocks the signals and opens the signalfd: 0, or -1 with errno set
 * (and nothing blocked). */
int sig_init(void);
/* The signalfd to poll for POLLIN, or -1 before sig_init(). */
int sig_fd(void);
/* The next pending signal, or 0 when none is pending. */
int sig_read(void);
/* Stops the process as SIGTSTP's default action would, and returns once
 * it is continued (SIGCONT); the signals stay blocked afterwards. */
void sig_stop_self(void);
/* True for the signals that end the program: INT, TERM, HUP, QUIT. */
int sig_is_fatal(int signo);
/* Lets the signals through as usual (their default actions), while the
 * program talks on the plain terminal with curses stopped (the default
 * actions: ^C ends it with 130, ^Z stops it); sig_hold()
 * blocks them again.  Both do nothing before sig_init(). */
void sig_release(void);
void sig_hold(void);
/* SIGXFSZ ignored, for the whole program and from its first line: a file
 * grown past the size limit (ulimit -f) is then a write that fails with
 * EFBIG, reported as any write error, not a death that leaves temp files
 * and a half-drawn terminal.  Children get its default action back
 * (sig_child_defaults). */
void sig_ignore_xfsz(void);
/* In a forked child before exec: SIGXFSZ's default action again. */
void sig_child_defaults(void);

#endif
