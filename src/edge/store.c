/*
 * store.c - the history file: path, crash-safe append, streaming read.
 *
 * Appending: open O_APPEND, flock(LOCK_EX), one write() of the whole
 * buffer, fsync, close.  A short write (disk full, RLIMIT_FSIZE) is cut
 * off again with ftruncate while the lock is held, so the file never ends
 * in half a record; SIGXFSZ is ignored around the write so that an
 * exceeded file-size limit is an EFBIG error and not a dead process.
 *
 * Reading: read() in 1 MiB blocks, lines split with memchr and parsed in
 * place by history.c; no allocation per line, so a million sessions read
 * in well under a second.
 */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "util.h"


char *
store_default_path(void)
{
	return paths_state_file("history");
}

void
store_new_sid(char sid[static HISTORY_SID_MAX + 1])
{
	unsigned char b[8];
	struct timespec ts;

	if (getrandom(b, sizeof b, GRND_NONBLOCK) != (ssize_t)sizeof b) {
		/* no entropy yet: the time to the nanosecond and the pid */
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t v = (uint64_t)ts.tv_sec * 1000000007u ^
		    (uint64_t)ts.tv_nsec ^ (uint64_t)getpid() << 40;
		memcpy(b, &v, sizeof b);
	}
	for (size_t i = 0; i < sizeof b; i++)
		snprintf(sid + 2 * i, 3, "%02x", b[i]);
}

/* Creates the directory holding path (0700) when it is missing. */
static int
make_parent(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = 0;

	if (slash != NULL && slash != dir) {
		*slash = '\0';
		rc = paths_mkdir_p(dir);
	}
	free(dir);
	return rc;
}

/* Writes buf in one write(), SIGXFSZ ignored; the bytes written or -1. */
static ssize_t
write_once(int fd, const char *buf, size_t len)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	ssize_t n;

	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &old);
	do
		n = write(fd, buf, len);
	while (n < 0 && errno == EINTR);
	int saved = errno;
	sigaction(SIGXFSZ, &old, NULL);
	errno = saved;
	return n;
}

/* The version of the file's last version line, or 0 when it has none.
 * Read backwards from the end (size bytes), as the last one is wanted. */
static int
last_version(int fd, off_t size)
{
	enum { CHUNK = 1 << 16, OVER = 40 };
	static const char pre[] = HISTORY_HEADER_PREFIX;
	char buf[CHUNK + OVER + 2];

	for (off_t end = size; end > 0; ) {
		off_t from = end > CHUNK ? end - CHUNK : 0;     /* lines start here */
		off_t rfrom = from > 0 ? from - 1 : 0;          /* and the '\n' before */
		off_t rto = end + OVER < size ? end + OVER : size;
		ssize_t n = pread(fd, buf, (size_t)(rto - rfrom), rfrom);
		if (n <= 0)
			return 0;
		buf[n] = '\0';
		for (off_t pos = end - 1; pos >= from; pos--) {
			size_t i = (size_t)(pos - rfrom);
			if ((pos == 0 || buf[i - 1] == '\n') &&
			    (size_t)n - i >= sizeof pre - 1 &&
			    memcmp(buf + i, pre, sizeof pre - 1) == 0)
				return atoi(buf + i + sizeof pre - 1);
		}
		end = from;
	}
	return 0;
}

/* The buffer to write: a newline first when the file ends in half a line
 * (edited by hand); the version line first when the file is empty or its
 * last records are of another version (a newer backcoach's: said in d).
 * size < 0: no file to look at (a pipe), nothing first. */
static char *
with_prefix(int fd, off_t size, const char *buf, size_t len, size_t *outlen,
    const char *path, struct diags *d)
{
	char last = '\n';
	int v = size > 0 ? last_version(fd, size) : size < 0 ? HISTORY_VERSION : 0;

	if (size > 0 && pread(fd, &last, 1, size - 1) == 1 && last != '\n')
		last = 0;
	if (v > HISTORY_VERSION)
		diags_add(d, DIAG_WARNING, path, 0, "its last records are of version "
		    "%d, newer than this backcoach writes; a version %d line now "
		    "comes before this one's", v, HISTORY_VERSION);
	const char *nl = last == '\n' ? "" : "\n";
	const char *hdr = v == HISTORY_VERSION ? "" : HISTORY_HEADER;
	size_t pl = strlen(nl) + strlen(hdr);
	char *out = xmalloc(pl + len);
	memcpy(out, nl, strlen(nl));
	memcpy(out + strlen(nl), hdr, strlen(hdr));
	memcpy(out + pl, buf, len);
	*outlen = pl + len;
	return out;
}

/* Under the lock: writes, and on a short write cuts the file back. */
static int
append_locked(int fd, const char *path, const char *buf, size_t len,
    struct diags *d)
{
	struct stat st;

	if (fstat(fd, &st) != 0) {
		diags_add(d, DIAG_ERROR, path, 0, "session not recorded: %s",
		    strerror(errno));
		return -1;
	}
	size_t total;
	char *all = with_prefix(fd, S_ISREG(st.st_mode) ? st.st_size : -1, buf,
	    len, &total, path, d);
	ssize_t n = write_once(fd, all, total);
	int saved = errno;
	free(all);
	if (n == (ssize_t)total)
		return 0;
	if (n >= 0) {
		/* a short write stopped at a limit: one more byte at the
		 * new end names it (EFBIG, ENOSPC); then cut back to the
		 * last whole record */
		saved = write_once(fd, "\n", 1) < 0 ? errno : ENOSPC;
		if (S_ISREG(st.st_mode) && ftruncate(fd, st.st_size) != 0) {
			diags_add(d, DIAG_ERROR, path, 0, "could not remove a partly "
			    "written record: %s", strerror(errno));
			return -1;
		}
	}
	diags_add(d, DIAG_ERROR, path, 0, "session not recorded: %s; earlier "
	    "records are intact", file_why(saved));
	return -1;
}

/* Warns when a history file is open to others: it is health data. */
static void
check_mode(int fd, const char *path, struct diags *d)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077))
		diags_add(d, DIAG_WARNING, path, 0, "can be read by others (mode "
		    "%04o); 'chmod 600 %s' keeps your health data private",
		    (unsigned)(st.st_mode & 07777), path);
}

/* Opens path for appending, its directory made when missing; the
 * descriptor, or -1 after an error in d. */
static int
open_append(const char *path, struct diags *d)
{
	if (make_parent(path) != 0) {
		diags_add(d, DIAG_ERROR, path, 0, "session not recorded: cannot "
		    "create its directory: %s", strerror(errno));
		return -1;
	}
	/* O_NONBLOCK: a FIFO must not hang us here, with signals blocked */
	int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC |
	    O_NOCTTY, 0600);
	struct stat st;
	if (fd < 0) {
		diags_add(d, DIAG_ERROR, path, 0, "session not recorded: %s",
		    strerror(errno));
	} else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diags_add(d, DIAG_ERROR, path, 0, "session not recorded: not a "
		    "regular file");
		close(fd);
		fd = -1;
	}
	return fd;
}

int
store_append(const char *path, const char *buf, size_t len, struct diags *d)
{
	int fd = open_append(path, d), rc;

	if (fd < 0)
		return -1;
	if ((rc = file_lock(fd, LOCK_EX, STORE_LOCK_WAIT)) != 0) {
		diags_add(d, DIAG_ERROR, path, 0, "session not recorded: %s",
		    errno == ETIMEDOUT ? "another program holds a lock on the "
		    "history (waited " STR(STORE_LOCK_WAIT) " s); earlier records "
		    "are intact" : errno == EINTR ? "stopped by a signal while "
		    "waiting for a lock on the history" : strerror(errno));
		close(fd);
		return -1;
	}
	rc = append_locked(fd, path, buf, len, d);
	if (rc == 0 && fsync(fd) != 0 && errno != EINVAL) {
		diags_add(d, DIAG_ERROR, path, 0, "session may not be on disk: "
		    "fsync: %s", strerror(errno));
		rc = -1;
	}
	if (rc == 0)
		check_mode(fd, path, d);
	if (close(fd) != 0 && rc == 0) {
		diags_add(d, DIAG_ERROR, path, 0, "session may not be on disk: %s",
		    strerror(errno));
		rc = -1;
	}
	return rc;
}

/* Why the file path, missing, could not be made (its nearest directory
 * that is there does not let it), or NULL. */
static const char *
cannot_make(const char *path)
{
	char *dir = xstrdup(path);
	char *slash;
	struct stat st;
	int rc = -1;

	while ((slash = strrchr(dir, '/')) != NULL && rc != 0) {
		slash[slash == dir] = '\0';            /* "/x" -> "/" */
		if ((rc = stat(dir, &st)) != 0 && errno != ENOENT)
			break;
	}
	if (slash == NULL)
		rc = stat(strcpy(dir, "."), &st);
	const char *why = rc != 0 ? strerror(errno) : !S_ISDIR(st.st_mode) ?
	    strerror(ENOTDIR) : access(dir, W_OK | X_OK) != 0 ? strerror(errno) :
	    NULL;
	free(dir);
	return why;
}

/* Room a session's records need: a few kilobytes, with a long note and
 * every exercise; 16 KiB is ample. */
#define STORE_SESSION_ROOM 16384

/* Why a file of size bytes could not take a session's records under the
 * file size limit (ulimit -f), or NULL when it can. */
static const char *
no_room(off_t size)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_FSIZE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
	    (uintmax_t)size + STORE_SESSION_ROOM <= (uintmax_t)rl.rlim_cur)
		return NULL;
	return "the file size limit (ulimit -f) leaves no room for a "
	    "session's records";
}

int
store_writable(const char *path, struct diags *d)
{
	struct stat st;
	const char *why = NULL;
	int fd;

	st.st_size = 0;
	if (stat(path, &st) != 0)
		why = errno == ENOENT ? cannot_make(path) : strerror(errno);
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	else if ((fd = open(path, O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC |
	    O_NOCTTY)) < 0)
		why = strerror(errno);
	else
		close(fd);
	if (why == NULL)
		why = no_room(st.st_size);
	if (why != NULL)
		diags_add(d, DIAG_ERROR, path, 0, "%s", why);
	return why != NULL ? -1 : 0;
}

/* Formats with fmt and appends. */
static int
append_formatted(const char *path, const struct hist_session *rec,
    size_t (*fmt)(const struct hist_session *, char *, size_t),
    struct diags *d)
{
	size_t len = fmt(rec, NULL, 0);
	char *buf = xmalloc(len + 1);

	fmt(rec, buf, len + 1);
	int rc = store_append(path, buf, len, d);
	free(buf);
	return rc;
}

int
store_record(const char *path, const struct hist_session *rec,
    struct diags *d)
{
	return append_formatted(path, rec, history_format, d);
}

int
store_amend(const char *path, const struct hist_session *rec,
    struct diags *d)
{
	return append_formatted(path, rec, history_format_amend, d);
}

int
store_feedback(const char *path, const struct hist_session *rec,
    struct diags *d)
{
	return append_formatted(path, rec, history_format_feedback, d);
}

int
store_next_day(const char *path, const struct hist_session *rec,
    struct diags *d)
{
	return append_formatted(path, rec, history_format_next_day, d);
}

int
store_doses(const char *path, const struct hist_dose *v, int n,
    struct diags *d)
{
	size_t len = 0;

	for (int i = 0; i < n; i++)
		len += history_format_dose(&v[i], NULL, 0);
	char *buf = xmalloc(len + 1);
	size_t at = 0;
	for (int i = 0; i < n; i++)
		at += history_format_dose(&v[i], buf + at, len + 1 - at);
	int rc = store_append(path, buf, at, d);
	free(buf);
	return rc;
}
