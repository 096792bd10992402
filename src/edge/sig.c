/*
 * sig.c - blocked signals delivered through a signalfd.
 */
#include "sig.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/signalfd.h>
#include <unistd.h>


static int sfd = -1;

/* SIGTSTP's action while it is held: never run (the signal is blocked and
 * read from the signalfd), but not the default, so that curses, seeing
 * an action of ours, leaves SIGTSTP alone; else it swaps the action to
 * SIG_IGN and back around every screen update, two system calls a frame
 * (ncurses' _nc_signal_handler). */
static void
tstp_held(int signo)
{
	(void)signo;
}

static void
hold_tstp(void)
{
	struct sigaction sa = { .sa_handler = tstp_held };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, NULL);
}

static void
handled_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGQUIT);
	sigaddset(set, SIGTSTP);
	sigaddset(set, SIGCONT);
	sigaddset(set, SIGWINCH);
}

int
sig_init(void)
{
	sigset_t set, old;

	if (sfd >= 0)
		return 0;
	handled_set(&set);
	if (sigprocmask(SIG_BLOCK, &set, &old) != 0)
		return -1;
	sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	if (sfd < 0) {
		int saved = errno;
		sigprocmask(SIG_SETMASK, &old, NULL);
		errno = saved;
		return -1;
	}
	hold_tstp();
	return 0;
}

int
sig_fd(void)
{
	return sfd;
}

int
sig_read(void)
{
	struct signalfd_siginfo si;
	ssize_t n;

	if (sfd < 0)
		return 0;
	do
		n = read(sfd, &si, sizeof si);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof si)
		return 0;
	return (int)si.ssi_signo;
}

/* Restores SIGTSTP's default action, lets one through to stop us, and
 * blocks it again once SIGCONT has woken us up. */
void
sig_stop_self(void)
{
	struct sigaction sa = { 0 };
	sigset_t one;

	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, NULL);
	sigemptyset(&one);
	sigaddset(&one, SIGTSTP);
	raise(SIGTSTP);                           /* pending while blocked */
	sigprocmask(SIG_UNBLOCK, &one, NULL);     /* delivered: we stop here */
	sigprocmask(SIG_BLOCK, &one, NULL);       /* continued */
	hold_tstp();
}

int
sig_is_fatal(int signo)
{
	return signo == SIGINT || signo == SIGTERM || signo == SIGHUP ||
	    signo == SIGQUIT;
}

/* The actions sig_release() replaced (curses installs its own for INT,
 * QUIT and TERM, which exit 1 without a word): sig_hold() puts them back. */
static const int fatal[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };
static struct sigaction held[sizeof fatal / sizeof fatal[0]];

void
sig_release(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t set;

	if (sfd < 0)
		return;
	sigemptyset(&dfl.sa_mask);
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &dfl, &held[i]);
	handled_set(&set);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

void
sig_hold(void)
{
	sigset_t set;

	if (sfd < 0)
		return;
	handled_set(&set);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &held[i], NULL);
}

void
sig_ignore_xfsz(void)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };

	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, NULL);
}

void
sig_child_defaults(void)
{
	signal(SIGXFSZ, SIG_DFL);
}
