/*
 * file.c - whole files: read one into memory, and replace or create one
 * so that a crash or a signal leaves either the old file or the new one,
 * never half of it.
 *
 * file_install() writes a temp file beside the target, fsyncs it, renames
 * it over the target (or links it, never overwriting), and fsyncs the
 * directory, which is what makes the rename itself durable.
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

/* Reads the regular file open on fd (at most max bytes) into a malloc'd,
 * NUL-terminated buffer; NULL with errno set (EFBIG: more than max). */
static char *
read_fd(int fd, size_t max, size_t *len)
{
	char *buf = NULL;
	size_t n = 0, cap = 0;

	for (;;) {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int saved = errno;
			free(buf);
			errno = saved;
			return NULL;
		}
		if (got == 0)
			break;
		if ((n += (size_t)got) > max) {
			free(buf);
			errno = EFBIG;
			return NULL;
		}
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *
file_read(const char *path, size_t max, int flags, size_t *len,
    struct diags *d)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY |
	    (flags & FILE_NOFOLLOW ? O_NOFOLLOW : 0));

	if (fd < 0) {
		if (!(flags & FILE_MISSING_OK) || errno != ENOENT)
			diags_add(d, DIAG_ERROR, path, 0, "cannot open: %s",
			    strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diags_add(d, DIAG_ERROR, path, 0, "not a regular file");
		close(fd);
		return NULL;
	}
	char *text = read_fd(fd, max, len);
	if (text == NULL && errno == EFBIG)
		diags_add(d, DIAG_ERROR, path, 0, "larger than %zu KiB: not read",
		    max / 1024);
	else if (text == NULL)
		diags_add(d, DIAG_ERROR, path, 0, "cannot read: %s", strerror(errno));
	close(fd);
	return text;
}

/* Fills the new temp file tmp (template, made here) with text, with the
 * mode of `like` when it is not NULL, and syncs it.  0, or -1 (d). */
static int
write_temp(char *tmp, const char *like, const char *text, size_t len,
    struct diags *d)
{
	struct stat st;
	int fd = mkstemp(tmp);

	if (fd < 0) {
		diags_add(d, DIAG_ERROR, tmp, 0, "cannot create: %s", strerror(errno));
		return -1;
	}
	if (like != NULL && stat(like, &st) == 0)
		fchmod(fd, st.st_mode & 07777);   /* keep the file's mode */
	if (file_write_all(fd, text, len) != 0 || fsync(fd) != 0) {
		diags_add(d, DIAG_ERROR, tmp, 0, "cannot write: %s", file_why(errno));
		close(fd);
		return -1;
	}
	if (close(fd) != 0) {
		diags_add(d, DIAG_ERROR, tmp, 0, "cannot write: %s", file_why(errno));
		return -1;
	}
	return 0;
}

/* Links (create) or renames tmp to target.  0, or -1 (d). */
static int
put_in_place(const char *tmp, const char *target, int create,
    struct diags *d)
{
	if (create && link(tmp, target) != 0) {
		if (errno == EEXIST)
			diags_add(d, DIAG_ERROR, target, 0, "already exists; not "
			    "overwriting it");
		else
			diags_add(d, DIAG_ERROR, target, 0, "cannot create: %s",
			    strerror(errno));
		return -1;
	}
	if (!create && rename(tmp, target) != 0) {
		diags_add(d, DIAG_ERROR, target, 0, "cannot replace: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Makes a rename in dir durable; failing to is no error worth a word. */
static void
sync_dir(const char *dir)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
}

int
file_write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, buf, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Writes text to a temp file in target's directory (the file a symbolic
 * link at path leads to), fsyncs it and renames it over target (or links it, when create: never overwriting), then
 * fsyncs the directory.  Signals that would end the program are held
 * meanwhile, so an interruption leaves either the old file or the new
 * one.  Returns 0, or -1 with the error in d. */
int
file_install(const char *path, const char *text, size_t len, int create,
    struct diags *d)
{
	/* a link stays a link: its target is replaced, as editors do */
	char *real = create ? NULL : realpath(path, NULL);
	const char *target = real ? real : path;
	char *dcopy = xstrdup(target);
	const char *dir = dirname(dcopy);
	char *tmp = xasprintf("%s/.backcoach-edit-XXXXXX", dir);
	sigset_t hold, old;
	int rc = -1;

	sigemptyset(&hold);
	sigaddset(&hold, SIGINT);
	sigaddset(&hold, SIGTERM);
	sigaddset(&hold, SIGHUP);
	sigaddset(&hold, SIGQUIT);
	sigprocmask(SIG_BLOCK, &hold, &old);
	if (paths_mkdir_p(dir) != 0)
		diags_add(d, DIAG_ERROR, dir, 0, "cannot create: %s", strerror(errno));
	else if (write_temp(tmp, create ? NULL : target, text, len, d) == 0)
		rc = put_in_place(tmp, target, create, d);
	if (rc == 0)
		sync_dir(dir);
	unlink(tmp);            /* gone after rename; the spare link after link */
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(tmp);
	free(dcopy);
	free(real);
	return rc;
}

int
file_mtime(const char *path, time_t *t)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		return -1;
	}
	*t = st.st_mtime;
	return 0;
}

int
file_touch(const char *path)
{
	struct stat st;
	int fd = open(path, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOFOLLOW |
	    O_CLOEXEC | O_NOCTTY, 0600);

	if (fd < 0)
		return -1;
	int rc = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ?
	    futimens(fd, NULL) : (errno = EINVAL, -1);
	close(fd);
	return rc;
}

const char *
file_why(int e)
{
	return e == EFBIG ? "File too large (over the file size limit, ulimit "
	    "-f)" : strerror(e);
}

/* Whether a signal that ends the program is pending (blocked, to be read
 * from a signalfd): a wait must end for it. */
static int
ending_pending(void)
{
	sigset_t p;

	return sigpending(&p) == 0 && (sigismember(&p, SIGINT) == 1 ||
	    sigismember(&p, SIGTERM) == 1 || sigismember(&p, SIGHUP) == 1 ||
	    sigismember(&p, SIGQUIT) == 1);
}

int
file_lock(int fd, int op, int seconds)
{
	const struct timespec step = { 0, 50 * 1000 * 1000 };

	for (long waited = 0; ; waited++) {
		if (flock(fd, op | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
		if (ending_pending()) {
			errno = EINTR;
			return -1;
		}
		if (waited >= seconds * 20L) {
			errno = ETIMEDOUT;
			return -1;
		}
		nanosleep(&step, NULL);
	}
}
