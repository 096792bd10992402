/*
 * store_read.c - the history file streamed back, record by record
 * (store.h): read to the size it had under a shared lock, without holding
 * the lock; each line through the joiner (history_join.c), so that a
 * session comes with its later answers; malformed lines reported by
 * number, in order.  Reading never writes.
 */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "history_join.h"
#include "history_stats.h"
#include "util.h"
#include "words.h"

#define READ_BLOCK (1 << 20)    /* the longest line read: a longer one is
                                   skipped, never held in memory */
#define READ_CHUNK (64 * 1024)  /* read at a time: what was read is parsed
                                   while the cache still holds it, and a
                                   buffer that is never filled is never
                                   touched (a megabyte at a time cost a
                                   tenth more time, and RSS) */

struct reader {
	const char *path;
	store_fn *fn;
	void *arg;
	struct diags *d;
	long line, nbad, norphans;
	int skip_version;       /* records follow a header we cannot read */
	struct hist_join join;  /* puts each session's lines together */
	bool order_only;        /* store_in_time_order: S lines' times only */
	bool sorted;
	bool skip_line;         /* the first line read is another's end */
	bool have_first;
	int64_t first;          /* the first session start's instant */
	int64_t last;           /* the latest session start seen */
	char prev[HISTORY_START_LEN + 1];       /* the last start read, or "" */
	bool prev_stale;        /* prev came after last without an instant */
	bool too_long;          /* in a line longer than READ_BLOCK: skipping */
};

/* Reports a line that could not be read. */
static void
report_bad(struct reader *r, long line, const char *why)
{
	if (r->nbad++ < STORE_MAX_REPORTS)
		diags_add(r->d, DIAG_WARNING, r->path, (int)line,
		    "skipped malformed record (%s)", why);
}

/* What the joiner hands on: records for the caller, problems for d. */
static void
joined(const struct hist_record *rec, long line, void *arg)
{
	struct reader *r = arg;

	if (rec->type == HREC_BAD)
		report_bad(r, line, rec->why);
	else if ((rec->type == HREC_AMEND || rec->type == HREC_NEXT_DAY) &&
	    r->norphans++ < STORE_MAX_REPORTS)
		diags_add(r->d, DIAG_WARNING, r->path, (int)line, "skipped %s "
		    "without its session", rec->type == HREC_AMEND ?
		    "an amendment" : "a next-morning answer");
	else if (rec->type != HREC_AMEND && rec->type != HREC_NEXT_DAY &&
	    rec->type != HREC_BLANK)
		r->fn(rec, line, r->arg);
}

/* A version line: the records after it are of that version. */
static void
version_line(struct reader *r, char *s, size_t len)
{
	struct hist_record rec;

	if (history_parse(s, len, &rec) == HREC_BAD) {
		report_bad(r, r->line, rec.why);
		return;
	}
	if (rec.type != HREC_HEADER)
		return;                         /* a comment */
	r->skip_version = rec.version > HISTORY_VERSION ? rec.version : 0;
	/* an amendment after a newer writer's header still joins a session
	 * read before it: the window is emptied only when reading stops */
	if (r->skip_version)
		hist_join_flush(&r->join);
	if (r->skip_version)
		diags_add(r->d, DIAG_WARNING, r->path, (int)r->line, "history "
		    "version %d is newer than this backcoach reads (%d); its "
		    "records are skipped", rec.version, HISTORY_VERSION);
}

/* An S line's start, against the latest before it; nothing else is
 * parsed (a line that does not read is the real pass's to report).  Two
 * starts with the same offset are in the order of their bytes: only a
 * change of offset, or bytes that go back, are worked out as instants
 * (a start the real pass will refuse can only make the file look out of
 * order: then it is sorted, which is always right). */
static void
order_line(struct reader *r, const char *s, size_t len)
{
	char start[HISTORY_START_LEN + 1];
	int64_t t;

	if (len < 2 + HISTORY_START_LEN || s[0] != 'S' || s[1] != '\t')
		return;
	memcpy(start, s + 2, HISTORY_START_LEN);
	start[HISTORY_START_LEN] = '\0';
	if (r->prev[0] != '\0' && memcmp(start + 19, r->prev + 19, 6) == 0 &&
	    memcmp(start, r->prev, HISTORY_START_LEN) >= 0) {
		memcpy(r->prev, start, sizeof start);
		r->prev_stale = true;   /* r->last is not its instant */
		return;
	}
	if (!calendar_instant(start, &t))
		return;
	if (r->prev_stale && !calendar_instant(r->prev, &r->last))
		r->sorted = false;      /* bytes that went on but do not read */
	if (!r->have_first)
		r->first = t;
	r->have_first = true;
	r->prev_stale = false;
	memcpy(r->prev, start, sizeof start);
	r->sorted &= t >= r->last;
	if (t > r->last)
		r->last = t;
}

static void
one_line(struct reader *r, char *s, size_t len)
{
	r->line++;
	if (r->skip_line) {
		r->skip_line = false;
		return;
	}
	if (r->line == 1 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;                 /* a byte-order mark an editor added */
		len -= 3;
	}
	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (len == 0)
		return;
	if (r->order_only)
		order_line(r, s, len);
	else if (s[0] == '#')
		version_line(r, s, len);
	else if (!r->skip_version)
		hist_join_line(&r->join, s, len, r->line);
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

/* In a line longer than READ_BLOCK (buf[0..have) is more of it, without
 * its end, or with it; have 0 at the end of the file): drops it up to its
 * end, and reports it once that is found.  Returns what is left in buf. */
static size_t
skip_long(struct reader *r, char *buf, size_t have)
{
	char *nl = memchr(buf, '\n', have);

	r->too_long = true;
	if (nl == NULL && have > 0)
		return 0;
	r->too_long = false;
	r->line++;
	if (r->order_only)
		;
	else if (r->nbad++ < STORE_MAX_REPORTS)
		diags_add(r->d, DIAG_WARNING, r->path, (int)r->line, "skipped a "
		    "line longer than %d MiB: no record is that long",
		    READ_BLOCK >> 20);
	if (nl == NULL)
		return 0;
	size_t rest = have - (size_t)(nl + 1 - buf);
	memmove(buf, nl + 1, rest);
	return rest;
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
			have = skip_long(r, buf, have);
		size_t want = cap - have < READ_CHUNK ? cap - have : READ_CHUNK;
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
		if (r->too_long)
			have = skip_long(r, buf, have);
		size_t used = lines(r, buf, have);
		memmove(buf, buf + used, have - used);
		have -= used;
	}
	int saved = errno;
	if (n == 0 && r->too_long)              /* a last line, too long */
		skip_long(r, buf, 0);
	else if (n == 0 && have > 0)            /* a last line without '\n' */
		one_line(r, buf, have);
	free(buf);
	if (n < 0)
		diags_add(r->d, DIAG_ERROR, r->path, 0, "%s", strerror(saved));
	return n < 0 ? -1 : 0;
}

/* store_read(), the lines of the record types in `skip` (NULL: none)
 * dropped unread (hist_join_skip). */
static int
read_records(const char *path, const char *skip, store_fn *fn, void *arg,
    struct diags *d, long *nbad)
{
	struct reader r = { .path = path, .fn = fn, .arg = arg, .d = d };
	size_t first_diag = d->n;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;

	if (nbad)
		*nbad = 0;
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		diags_add(d, DIAG_ERROR, path, 0, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diags_add(d, DIAG_ERROR, path, 0, "not a regular file");
		close(fd);
		return -1;
	}
	/* The size under a shared lock holds whole records only; read up to
	 * it, without the lock, so that a slow reader (a pager) never holds
	 * up a session that is being recorded. */
	off_t size = -1;
	bool locked = file_lock(fd, LOCK_SH, STORE_LOCK_WAIT) == 0;
	if (!locked && errno == EINTR) {
		diags_add(d, DIAG_ERROR, path, 0, "stopped by a signal while "
		    "waiting for a lock on the history");
		close(fd);
		return -1;
	}
	if (!locked)
		diags_add(d, DIAG_WARNING, path, 0, "another program holds a lock "
		    "on the history (waited " STR(STORE_LOCK_WAIT) " s): read "
		    "without it, so its last record may be cut short");
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		size = st.st_size;
	if (locked)
		flock(fd, LOCK_UN);
	hist_join_init(&r.join, joined, &r);
	if (skip != NULL)
		hist_join_skip(&r.join, skip);
	int rc = read_all(&r, fd, size);
	hist_join_flush(&r.join);
	if (r.join.oom)
		diags_add(d, DIAG_WARNING, path, 0, "out of memory: some records "
		    "were read apart from their session");
	hist_join_free(&r.join);
	close(fd);
	diags_sort(d, first_diag);      /* the window hands sessions on late */
	if (r.nbad > STORE_MAX_REPORTS)
		diags_add(d, DIAG_WARNING, path, 0, "%ld more malformed %s "
		    "skipped", r.nbad - STORE_MAX_REPORTS,
		    plural(r.nbad - STORE_MAX_REPORTS, "record", "records"));
	if (nbad)
		*nbad = r.nbad;
	return rc;
}

int
store_read(const char *path, store_fn *fn, void *arg, struct diags *d,
    long *nbad)
{
	return read_records(path, NULL, fn, arg, d, nbad);
}

static void
stats_add(const struct hist_record *rec, long line, void *arg)
{
	(void)line;
	if (rec->type == HREC_SESSION)
		hstats_add(arg, &rec->s);
	else if (rec->type == HREC_DOSE)
		hstats_dose_changed(arg, rec->dose.routine_id);
}

int
store_stats(const char *path, struct hstats *st, int nweeks, int today,
    struct diags *d)
{
	if (hstats_init(st, today, nweeks) != 0)
		oom();
	/* sessions and dose changes only: the exercises, two thirds of the
	 * lines, are not even parsed */
	int rc = read_records(path, "EPF", stats_add, st, d, NULL);
	hstats_finish(st);
	return rc;
}

/* A part of the order pass: the S lines that start in [from, to) of the
 * file (and perhaps the one at to: twice is harmless).  Run on a thread
 * of its own for the second half of a large file. */
struct order_part {
	const char *path;
	off_t from, to;
	struct reader r;
};

static void *
order_run(void *arg)
{
	struct order_part *p = arg;
	struct diags d = { 0 };
	int fd = open(p->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

	p->r = (struct reader){ .path = p->path, .d = &d, .order_only = true,
	    .sorted = true, .last = INT64_MIN, .skip_line = p->from > 0 };
	/* a line that starts before `to` is read to its start's end */
	if (fd >= 0 && lseek(fd, p->from, SEEK_SET) == p->from)
		read_all(&p->r, fd, p->to - p->from + 2 + HISTORY_START_LEN);
	if (p->r.prev_stale && !calendar_instant(p->r.prev, &p->r.last))
		p->r.sorted = false;
	if (fd >= 0)
		close(fd);
	diags_free(&d);         /* the real pass reports what it finds */
	return NULL;
}

/* Half the file on a thread each: the pass is as long as reading the
 * file (the kernel copies every byte), and two cores halve it; a file
 * under ORDER_SPLIT is not worth a thread. */
#define ORDER_SPLIT (4 << 20)

bool
store_in_time_order(const char *path)
{
	struct stat st;
	pthread_t t;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return true;
	off_t mid = st.st_size >= ORDER_SPLIT ? st.st_size / 2 : st.st_size;
	struct order_part a = { path, 0, mid, { 0 } };
	struct order_part b = { path, mid, st.st_size, { 0 } };
	bool two = mid < st.st_size && pthread_create(&t, NULL, order_run, &b) == 0;
	order_run(&a);
	if (two)
		pthread_join(t, NULL);
	else if (mid < st.st_size)
		order_run(&b);
	if (mid >= st.st_size)
		return a.r.sorted;
	return a.r.sorted && b.r.sorted && (!a.r.have_first ||
	    !b.r.have_first || b.r.first >= a.r.last);
}
