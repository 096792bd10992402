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
#include "store_reader.h"
#include "util.h"
#include "words.h"

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
	hist_join_init(&r.join, reader_joined, &r);
	if (skip != NULL)
		hist_join_skip(&r.join, skip);
	/* a large file is read and joined on a thread of its own */
	int rc = size >= READ_AHEAD_MIN ?
	    reader_read_ahead(&r, fd, size) : 1;
	if (rc == 1)
		rc = reader_read_all(&r, fd, size);
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
		reader_read_all(&p->r, fd, p->to - p->from + 2 + HISTORY_START_LEN);
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
