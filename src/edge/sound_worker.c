/*
 * sound_worker.c - the sound's own process (sound_worker.h): the only
 * code that calls libcanberra (through canberra_dl.c), so that the coach's
 * process never loads it, nor the PulseAudio client and the twenty-odd
 * libraries it brings (some 4 MiB of the coach's memory, and their
 * messages on the terminal).
 *
 * It is a fork() of the coach, not a program started anew: the sound
 * opens at the first start card, when the coach has nothing running but
 * its one thread, so the child needs nothing but what it inherits (the
 * theme's directory is in XDG_DATA_DIRS already), costs no second
 * start-up, and works the same from every program that links sound.c
 * (the coach, sound-test, build/cue_timing).  The child never returns into
 * the coach's code and never calls exit(): it ends with _exit(), so
 * nothing of the coach's (its stdio buffers, curses) is flushed twice.
 *
 * Its standard input and outputs are /dev/null (libpulse writes warnings
 * there: they used to land on the full screen), it keeps no file of the
 * coach's open but its two ends, the signals a terminal sends are blocked
 * (a ^C is the coach's to handle), and it dies with the coach.
 */
#include "sound_worker.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "canberra_dl.h"
#include "sound.h"
#include "sound_theme.h"

static struct {
	ca_context *ca;
	int fin;                        /* the finish pipe's write end */
	char theme[THEME_MAX];          /* the theme asked for */
	char volume[16];                /* canberra.volume, in dB */
} w = { .fin = -1 };

/* The finish callback: runs on libcanberra's thread, so it only writes a
 * byte, the play id, for sound_wait() (the session's loop reads none:
 * once the pipe is full, the bytes are dropped). */
static void
finished(ca_context *c, uint32_t id, int err, void *userdata)
{
	char b = (char)id;

	(void)c, (void)err, (void)userdata;
	ssize_t r = write(w.fin, &b, 1);
	(void)r;
}

static enum sw_status
status_of(int r)
{
	return r >= 0 ? SW_OK : r == CA_ERROR_NOTFOUND ? SW_NOTFOUND :
	    r == CA_ERROR_NOTSUPPORTED ? SW_NOTSUPPORTED :
	    r == CA_ERROR_DISCONNECTED || r == CA_ERROR_STATE ?
	    SW_DISCONNECTED : SW_FAILED;
}

/* Few words for a failed ca_context_open. */
static const char *
open_reason(int err)
{
	switch (err) {
	case CA_ERROR_NOTAVAILABLE:
	case CA_ERROR_NODRIVER:
	case CA_ERROR_DISCONNECTED:
	case CA_ERROR_NOTFOUND:
		return SOUND_NO_SERVER;
	case CA_ERROR_ACCESS:
		return "sound server refused access";
	case CA_ERROR_DISABLED:
		return "sound disabled";
	default:
		return "sound device failed";
	}
}

/* SW_OPEN: text is the theme, then the volume. */
static int
open_server(const char *text, size_t len, struct sw_answer *a)
{
	const char *why = NULL;
	int r;

	if (w.ca != NULL || memchr(text, '\0', len - 1) == NULL)
		why = "sound failed";
	else if (canberra_load() != 0)
		why = "libcanberra cannot be loaded (is libcanberra0 installed?)";
	else if (ca_context_create(&w.ca) < 0)
		why = "sound failed";
	if (why != NULL) {
		snprintf(a->text, sizeof a->text, "%s", why);
		return SW_FAILED;
	}
	snprintf(w.theme, sizeof w.theme, "%.*s", (int)sizeof w.theme - 1, text);
	text += strlen(text) + 1;
	snprintf(w.volume, sizeof w.volume, "%.*s", (int)sizeof w.volume - 1, text);
	ca_context_change_props(w.ca,
	    CA_PROP_APPLICATION_NAME, "backcoach",
	    CA_PROP_APPLICATION_ID, "backcoach",
	    CA_PROP_APPLICATION_VERSION, VERSION,
	    CA_PROP_CANBERRA_XDG_THEME_NAME, w.theme,
	    NULL);
	if ((r = ca_context_open(w.ca)) < 0) {
		snprintf(a->text, sizeof a->text, "%s", open_reason(r));
		return SW_FAILED;
	}
	return SW_OK;
}

/* SW_CACHE: one event id, from the theme in use or else the default. */
static int
cache_id(const char *id)
{
	int r = ca_context_cache(w.ca, CA_PROP_EVENT_ID, id, NULL);

	if (r == CA_ERROR_NOTFOUND && strcmp(w.theme, SOUND_DEFAULT_THEME) != 0)
		r = ca_context_cache(w.ca, CA_PROP_EVENT_ID, id,
		    CA_PROP_CANBERRA_XDG_THEME_NAME, SOUND_DEFAULT_THEME, NULL);
	return r;
}

/* The properties of an event id, or of a file (path not NULL: the id is
 * made from its name, which holds the hash of what it says). */
static int
props(const char *id, const char *path, bool permanent, ca_proplist **p)
{
	char say[96];
	int r;

	if ((r = ca_proplist_create(p)) < 0)
		return r;
	if (path != NULL) {
		const char *base = strrchr(path, '/');
		base = base ? base + 1 : path;
		snprintf(say, sizeof say, "backcoach-say-%.*s",
		    (int)strcspn(base, "."), base);
		id = say;
		ca_proplist_sets(*p, CA_PROP_MEDIA_FILENAME, path);
	}
	ca_proplist_sets(*p, CA_PROP_EVENT_ID, id);
	ca_proplist_sets(*p, CA_PROP_CANBERRA_VOLUME, w.volume);
	if (permanent)
		ca_proplist_sets(*p, CA_PROP_CANBERRA_CACHE_CONTROL, "permanent");
	return 0;
}

/* Starts an event id, or a file, as play id `play`. */
static int
play(uint32_t play, const char *id, const char *path, bool permanent)
{
	ca_proplist *p;
	int r;

	if ((r = props(id, path, permanent, &p)) < 0)
		return r;
	r = ca_context_play_full(w.ca, play, p, finished, NULL);
	ca_proplist_destroy(p);
	return r;
}

static int
cache_file(const char *path)
{
	ca_proplist *p;
	int r;

	if ((r = props(NULL, path, true, &p)) < 0)
		return r;
	r = ca_context_cache_full(w.ca, p);
	ca_proplist_destroy(p);
	return r;
}

/* Does what one request asks; the answer's status. */
static int
act(const struct sw_request *q, size_t len, struct sw_answer *a)
{
	const char *t = q->text;
	bool permanent = q->flags & SW_PERMANENT;
	int r;

	if (q->op == SW_OPEN)
		return open_server(t, len, a);
	if (w.ca == NULL) {
		snprintf(a->text, sizeof a->text, "sound not open");
		return SW_FAILED;
	}
	switch (q->op) {
	case SW_CACHE:          r = cache_id(t); break;
	case SW_CACHE_FILE:     r = cache_file(t); break;
	case SW_PLAY:
		ca_context_cancel(w.ca, SW_ID_SAY);     /* a cue always wins */
		r = play(SW_ID_PLAY, t, NULL, permanent);
		break;
	case SW_WARM:           r = play(SW_ID_WARM, t, NULL, permanent); break;
	case SW_SAY:
		ca_context_cancel(w.ca, SW_ID_SAY);
		r = play(SW_ID_SAY, NULL, t, permanent);
		break;
	case SW_CANCEL:
		ca_context_cancel(w.ca, SW_ID_PLAY);
		r = ca_context_cancel(w.ca, SW_ID_SAY);
		break;
	default:                r = CA_ERROR_INVALID; break;
	}
	if (r < 0)
		snprintf(a->text, sizeof a->text, "%s", ca_strerror(r));
	return status_of(r);
}

/* Answers requests until the coach closes its end; never returns. */
_Noreturn static void
serve(int sock)
{
	struct sw_request q;
	ssize_t n;

	while ((n = recv(sock, &q, sizeof q, 0)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		struct sw_answer a = { 0 };
		if (n < 3 || q.text[n - 3] != '\0') {
			a.status = SW_FAILED;
			snprintf(a.text, sizeof a.text, "bad request");
		} else {
			a.status = (char)act(&q, (size_t)n - 2, &a);
		}
		if (send(sock, &a, sizeof a.status + strlen(a.text) + 1,
		    MSG_NOSIGNAL) < 0)
			break;
	}
	if (w.ca != NULL)
		ca_context_destroy(w.ca);       /* may call finished() */
	_exit(0);
}

/* fd moved to 3 or above, so that 0, 1 and 2 can be /dev/null. */
static int
above_stdio(int fd)
{
	return fd > 2 ? fd : fcntl(fd, F_DUPFD_CLOEXEC, 3);
}

/* The child's set-up: it dies with the coach; its standard files are
 * /dev/null; it keeps open only sock and fin; a terminal's signals stay
 * blocked; SIGPIPE is an error, not its end. */
_Noreturn static void
child(int sock, int fin, pid_t coach)
{
	static const int term_sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGHUP,
	    SIGTTIN, SIGTTOU };
	sigset_t set;
	int null;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != coach)
		_exit(1);
	prctl(PR_SET_NAME, "backcoach-sound");
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof term_sigs / sizeof *term_sigs; i++)
		sigaddset(&set, term_sigs[i]);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if ((sock = above_stdio(sock)) < 0 || (fin = above_stdio(fin)) < 0 ||
	    (null = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0 ||
	    dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		_exit(1);
	int lo = sock < fin ? sock : fin, hi = sock < fin ? fin : sock;
	close_range(3, (unsigned)lo - 1, 0);
	close_range((unsigned)lo + 1, (unsigned)hi - 1, 0);
	close_range((unsigned)hi + 1, ~0U, 0);
	w.fin = fin;
	serve(sock);
}

pid_t
sound_worker_start(int *sock, int *fin)
{
	int sv[2], fp[2];
	pid_t coach = getpid(), pid;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	if (pipe2(fp, O_CLOEXEC | O_NONBLOCK) != 0) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if ((pid = fork()) == 0)
		child(sv[1], fp[1], coach);     /* does not return */
	int saved = errno;
	close(sv[1]);
	close(fp[1]);
	if (pid < 0) {
		close(sv[0]);
		close(fp[0]);
		errno = saved;
		return -1;
	}
	*sock = sv[0];
	*fin = fp[0];
	return pid;
}
