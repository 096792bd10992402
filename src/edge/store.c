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
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "history_stats.h"
#include "paths.h"
#include "settings.h"
#include "util.h"

#define READ_BLOCK (1 << 20)

char *
store_path(void)
{
	if (opts.history != NULL)
		return xstrdup(opts.history);
	if (settings.history != NULL && settings.history[0] != '\0')
		return xstrdup(settings.history);
	char *dir = paths_state_dir();
	char *p = xasprintf("%s/history", dir);
	free(dir);
	return p;
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

/* The buffer to write: the header first when the file is empty, a
 * newline first when it ends in half a line (edited by hand). */
static char *
with_prefix(int fd, off_t size, const char *buf, size_t len, size_t *outlen)
{
	const char *pre = "";
	char last = '\n';

	if (size == 0)
		pre = HISTORY_HEADER;
	else if (pread(fd, &last, 1, size - 1) == 1 && last != '\n')
		pre = "\n";
	size_t pl = strlen(pre);
	char *out = xmalloc(pl + len);
	memcpy(out, pre, pl);
	memcpy(out + pl, buf, len);
	*outlen = pl + len;
	return out;
}

/* Under the lock: writes, and on a short write cuts the file back. */
static int
append_locked(int fd, const char *path, const char *buf, size_t len,
    char *msg, size_t msglen)
{
	struct stat st;

	if (fstat(fd, &st) != 0) {
		snprintf(msg, msglen, "%s: %s", path, strerror(errno));
		return -1;
	}
	size_t total;
	char *all = with_prefix(fd, S_ISREG(st.st_mode) ? st.st_size : 1, buf, len,
	    &total);
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
		if (S_ISREG(st.st_mode) && ftruncate(fd, st.st_size) != 0)
			snprintf(msg, msglen, "%s: could not remove a partly "
			    "written record: %s", path, strerror(errno));
		if (msg[0] != '\0')
			return -1;
	}
	snprintf(msg, msglen, "%s: session not recorded: %s%s; earlier records "
	    "are intact", path, strerror(saved),
	    saved == EFBIG ? " (file size limit)" : "");
	return -1;
}

/* Warns in msg when a history file is open to others: it is health data. */
static void
check_mode(int fd, const char *path, char *msg, size_t msglen)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077))
		snprintf(msg, msglen, "warning: %s can be read by others (mode %04o); "
		    "'chmod 600 %s' keeps your health data private", path,
		    (unsigned)(st.st_mode & 07777), path);
}

int
store_append(const char *path, const char *buf, size_t len, char *msg,
    size_t msglen)
{
	int fd, rc;

	msg[0] = '\0';
	if (make_parent(path) != 0) {
		snprintf(msg, msglen, "%s: session not recorded: cannot create its "
		    "directory: %s", path, strerror(errno));
		return -1;
	}
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
	if (fd < 0) {
		snprintf(msg, msglen, "%s: session not recorded: %s", path,
		    strerror(errno));
		return -1;
	}
	while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
		;
	if (rc != 0) {
		snprintf(msg, msglen, "%s: session not recorded: cannot lock: %s",
		    path, strerror(errno));
		close(fd);
		return -1;
	}
	rc = append_locked(fd, path, buf, len, msg, msglen);
	if (rc == 0 && fsync(fd) != 0 && errno != EINVAL) {
		snprintf(msg, msglen, "%s: session may not be on disk: fsync: %s",
		    path, strerror(errno));
		rc = -1;
	}
	if (rc == 0)
		check_mode(fd, path, msg, msglen);
	if (close(fd) != 0 && rc == 0) {
		snprintf(msg, msglen, "%s: session may not be on disk: %s", path,
		    strerror(errno));
		rc = -1;
	}
	return rc;
}

/* --- reading ---------------------------------------------------------- */

struct reader {
	const char *path;
	store_fn *fn;
	void *arg;
	FILE *diag;
	long line, nbad;
	int skip_version;       /* records follow a header we cannot read */
};

static void
one_line(struct reader *r, char *s, size_t len)
{
	struct hist_record rec;

	r->line++;
	if (len > 0 && s[len - 1] == '\r')
		len--;
	switch (history_parse(s, len, &rec)) {
	case HREC_BLANK:
		return;
	case HREC_HEADER:
		r->skip_version = rec.version > HISTORY_VERSION ? rec.version : 0;
		if (r->skip_version && r->diag)
			fprintf(r->diag, "%s:%ld: history version %d is newer than "
			    "this backcoach reads (%d); its records are skipped\n",
			    r->path, r->line, rec.version, HISTORY_VERSION);
		return;
	case HREC_BAD:
		r->nbad++;
		if (r->diag)
			fprintf(r->diag, "%s:%ld: skipped malformed record (%s)\n",
			    r->path, r->line, rec.why);
		return;
	default:
		if (!r->skip_version)
			r->fn(&rec, r->line, r->arg);
	}
}

/* Parses every whole line in buf[0..len); returns the bytes consumed. */
static size_t
lines(struct reader *r, char *buf, size_t len)
{
	char *p = buf, *end = buf + len, *nl;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		one_line(r, p, (size_t)(nl - p));
		p = nl + 1;
	}
	return (size_t)(p - buf);
}

/* Reads fd to its end, or to left bytes when left >= 0. */
static int
read_all(struct reader *r, int fd, off_t left)
{
	size_t cap = READ_BLOCK, have = 0;
	char *buf = xmalloc(cap + 1);
	ssize_t n;

	for (;;) {
		if (have == cap)                /* one line longer than the buffer */
			buf = xrealloc(buf, (cap *= 2) + 1);
		size_t want = cap - have;
		if (left >= 0 && (off_t)want > left)
			want = (size_t)left;
		n = want > 0 ? read(fd, buf + have, want) : 0;
		if (n > 0 && left >= 0)
			left -= n;
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		have += (size_t)n;
		size_t used = lines(r, buf, have);
		memmove(buf, buf + used, have - used);
		have -= used;
	}
	int saved = errno;
	if (n == 0 && have > 0)                 /* a last line without '\n' */
		one_line(r, buf, have);
	free(buf);
	if (n < 0 && r->diag)
		fprintf(r->diag, "%s: %s\n", r->path, strerror(saved));
	return n < 0 ? -1 : 0;
}

int
store_read(const char *path, store_fn *fn, void *arg, FILE *diag, long *nbad)
{
	struct reader r = { path, fn, arg, diag, 0, 0, 0 };
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

	if (nbad)
		*nbad = 0;
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		if (diag)
			fprintf(diag, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	/* The size under a shared lock holds whole records only; read up to
	 * it, without the lock, so that a slow reader (a pager) never holds
	 * up a session that is being recorded. */
	struct stat st;
	off_t size = -1;
	while (flock(fd, LOCK_SH) != 0 && errno == EINTR)
		;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		size = st.st_size;
	flock(fd, LOCK_UN);
	int rc = read_all(&r, fd, size);
	close(fd);
	if (nbad)
		*nbad = r.nbad;
	return rc;
}

int
store_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		return (int)(t / 86400);
	return calendar_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

static void
stats_add(const struct hist_record *rec, long line, void *arg)
{
	(void)line;
	if (rec->type == HREC_SESSION)
		hstats_add(arg, &rec->s);
}

int
store_stats(struct hstats *st, int nweeks, FILE *diag)
{
	char *path = store_path();
	int rc;

	if (hstats_init(st, store_today(), nweeks) != 0)
		die("out of memory:");
	rc = store_read(path, stats_add, st, diag, NULL);
	hstats_finish(st);
	free(path);
	return rc;
}

/* --- building a record from a session --------------------------------- */

static int64_t
round_s(int64_t ns)
{
	return ns <= 0 ? 0 : (ns + 500000000) / 1000000000;
}

/* Local time with its UTC offset: 2026-03-29T23:30:00+02:00. */
static void
iso_local(time_t t, char *buf, size_t len)
{
	struct tm tm;
	char z[8];

	if (localtime_r(&t, &tm) == NULL || strftime(buf, len,
	    "%Y-%m-%dT%H:%M:%S", &tm) == 0 || strftime(z, sizeof z, "%z", &tm) != 5) {
		snprintf(buf, len, "1970-01-01T00:00:00Z");
		return;
	}
	size_t n = strlen(buf);
	snprintf(buf + n, len - n, "%.3s:%.2s", z, z + 3);
}

char *
store_format(const struct store_session *ss, size_t *len)
{
	char start[40];
	struct hist_exercise *ex = xcalloc((size_t)ss->nex + 1, sizeof *ex);
	struct hist_session s = {
		.start = start, .routine_id = ss->routine_id,
		.routine_name = ss->routine_name ? ss->routine_name : "",
		.status = ss->status, .reason = ss->reason,
		.duration_s = round_s(ss->elapsed_ns), .ex_total = ss->nex,
		.pain_before = ss->pain_before, .pain_after = ss->pain_after,
		.note = ss->note ? ss->note : "", .ex = ex, .nex = ss->nex,
	};
	int64_t worked = 0;

	iso_local(ss->start, start, sizeof start);
	for (int i = 0; i < ss->nex; i++) {
		const struct ex_outcome *o = &ss->ex[i];
		ex[i] = (struct hist_exercise){ ss->ex_names[i], o->status,
		    o->sets_done, o->sets_planned, o->reps_done, o->reps_planned,
		    round_s(o->worked_ns) };
		s.ex_completed += o->status == EXS_COMPLETED;
		s.ex_skipped += o->status == EXS_SKIPPED;
		worked += o->worked_ns;
	}
	s.worked_s = round_s(worked);
	size_t n = history_format(&s, NULL, 0);
	char *buf = xmalloc(n + 1);
	history_format(&s, buf, n + 1);
	free(ex);
	*len = n;
	return buf;
}

int
store_record(const struct store_session *ss, char *msg, size_t msglen)
{
	size_t len;
	char *buf = store_format(ss, &len);
	char *path = store_path();
	int rc = store_append(path, buf, len, msg, msglen);

	free(path);
	free(buf);
	return rc;
}
