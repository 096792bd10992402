/*
 * store_ahead.c - a large history read and joined on a thread of its own
 * (store_reader.h), while the caller's thread parses and hands on.
 *
 * Reading (the kernel's copy of every byte), finding the lines and
 * putting each session's lines together cost an export a third of its
 * time; here they overlap the rest.  The reading thread runs the joiner
 * in raw mode: what leaves its window is copied, unparsed, into a batch
 * (a few hundred sessions); full batches go to the caller's thread, which
 * parses each session in place and hands its records on
 * (hist_join_deliver), so that every callback still runs on the caller's
 * thread, in file order.  AHEAD_BATCHES batches at most are in flight:
 * memory stays bounded whatever the file's size.
 */
#include "store_reader.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define AHEAD_BATCHES 4
#define AHEAD_BATCH (256 * 1024)        /* bytes a batch is sent at */

/* What a batch holds of one slot, followed by its lines and its bytes. */
struct item {
	int held;
	size_t nlines, len;
	size_t start_n, id_off, id_n;
};

struct batch {
	char *p;
	size_t len, cap;
	int oom;
};

struct ahead {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch b[AHEAD_BATCHES];
	int head, count;        /* the oldest full batch, and how many */
	int fill;               /* the batch being filled (the reading
	                           thread's alone) */
	bool done;              /* the reading thread has sent its last */
	struct reader r;        /* the reading thread's */
	struct diags d;         /* what it found (lines too long, headers) */
	int fd, rc;
	off_t left;
};

#define ALIGN(n) (((n) + 7) & ~(size_t)7)

/* Sends the batch being filled, when it holds anything, and waits until
 * the next one is free. */
static void
send(struct ahead *a)
{
	if (a->b[a->fill].len == 0)
		return;
	pthread_mutex_lock(&a->mu);
	a->count++;
	a->fill = (a->fill + 1) % AHEAD_BATCHES;
	pthread_cond_broadcast(&a->cv);
	while (a->count == AHEAD_BATCHES)
		pthread_cond_wait(&a->cv, &a->mu);
	pthread_mutex_unlock(&a->mu);
}

/* The joiner's raw output: slot sl copied into the batch being filled. */
static void
to_batch(const struct hist_join_slot *sl, void *arg)
{
	struct ahead *a = arg;
	struct batch *b = &a->b[a->fill];
	size_t lines = sl->nlines * sizeof *sl->lines;
	size_t need = ALIGN(sizeof(struct item)) + ALIGN(lines) + ALIGN(sl->len + 1);

	if (b->len + need > b->cap) {
		size_t cap = b->cap ? b->cap : AHEAD_BATCH + need;
		while (cap < b->len + need)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (p == NULL) {
			b->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	char *at = b->p + b->len;
	*(struct item *)(void *)at = (struct item){ sl->held, sl->nlines,
	    sl->len, sl->start_n, sl->id_off, sl->id_n };
	at += ALIGN(sizeof(struct item));
	memcpy(at, sl->lines, lines);
	at += ALIGN(lines);
	memcpy(at, sl->buf, sl->len);
	at[sl->len] = '\n';             /* a lone line has none: room for a NUL */
	b->len += need;
	if (b->len >= AHEAD_BATCH)
		send(a);
}

static void *
reading(void *arg)
{
	struct ahead *a = arg;

	a->rc = reader_read_all(&a->r, a->fd, a->left);
	hist_join_flush(&a->r.join);
	send(a);
	pthread_mutex_lock(&a->mu);
	a->done = true;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	return NULL;
}

/* Parses and hands on what batch b holds, in order. */
static void
deliver(struct reader *r, struct batch *b)
{
	for (size_t off = 0; off < b->len; ) {
		struct item *it = (struct item *)(void *)(b->p + off);
		struct hist_join_line *lines = (struct hist_join_line *)(void *)
		    (b->p + off + ALIGN(sizeof *it));
		char *buf = (char *)lines + ALIGN(it->nlines * sizeof *lines);
		struct hist_join_slot sl = { .held = it->held, .start_n = it->start_n,
			.id_off = it->id_off, .id_n = it->id_n, .sid_off = -1,
			.buf = buf, .len = it->len, .lines = lines,
			.nlines = it->nlines };
		hist_join_deliver(&sl, reader_joined, r);
		off += ALIGN(sizeof *it) + ALIGN(it->nlines * sizeof *lines) +
		    ALIGN(it->len + 1);
	}
	r->join.oom |= b->oom;
	b->len = 0;
	b->oom = 0;
}

/* Takes every batch the reading thread sends, until its last. */
static void
take_all(struct ahead *a, struct reader *r)
{
	pthread_mutex_lock(&a->mu);
	for (;;) {
		while (a->count == 0 && !a->done)
			pthread_cond_wait(&a->cv, &a->mu);
		if (a->count == 0)
			break;
		struct batch *b = &a->b[a->head];
		pthread_mutex_unlock(&a->mu);
		deliver(r, b);
		pthread_mutex_lock(&a->mu);
		a->head = (a->head + 1) % AHEAD_BATCHES;
		a->count--;
		pthread_cond_broadcast(&a->cv);
	}
	pthread_mutex_unlock(&a->mu);
}

int
reader_read_ahead(struct reader *r, int fd, off_t left)
{
	struct ahead *a = calloc(1, sizeof *a);
	pthread_t t;

	if (a == NULL)
		return 1;
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	a->fd = fd;
	a->left = left;
	a->r = (struct reader){ .path = r->path, .d = &a->d };
	hist_join_init(&a->r.join, NULL, NULL);
	hist_join_raw(&a->r.join, to_batch, a);
	a->r.join.skip = r->join.skip;
	int rc = 1;
	if (pthread_create(&t, NULL, reading, a) == 0) {
		take_all(a, r);
		pthread_join(t, NULL);
		rc = a->rc;
		for (size_t i = 0; i < a->d.n; i++)     /* its problems, ours */
			diags_add(r->d, a->d.v[i].sev, a->d.v[i].file,
			    a->d.v[i].line, "%s", a->d.v[i].msg);
		r->nbad += a->r.nbad;
		r->line = a->r.line;
		r->join.oom |= a->r.join.oom;
	}
	hist_join_free(&a->r.join);
	diags_free(&a->d);
	for (int i = 0; i < AHEAD_BATCHES; i++)
		free(a->b[i].p);
	pthread_cond_destroy(&a->cv);
	pthread_mutex_destroy(&a->mu);
	free(a);
	return rc;
}
