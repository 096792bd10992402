/*
 * screen_dialog.c - the modal screens of screen_dialog.h.
 *
 * Their state is a draw_modal (what the box shows) and, for prompts, the
 * text typed so far; the keys come through the key table, so the box's
 * footer and what the keys do are the same table's.
 */
#include "screen_dialog.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"
#include "text.h"

#define INPUT_MAX 256           /* longest answer, in characters */

struct dialog {
	struct draw_modal m;    /* what is drawn */
	char input[INPUT_MAX * 4 + 1];  /* typed so far (prompts) */
	size_t cap;             /* bytes input may hold, its NUL included */
	bool digits;            /* only 0-9 may be typed */
	int lo, hi;             /* a number's range */
	char error[80];
	bool yes;               /* the answer of a question */
};

static void
dialog_draw(const void *st, int64_t now)
{
	(void)now;
	draw_modal(&((const struct dialog *)st)->m);
}

/* Runs dialog dg with these keys over `under`. */
static enum screen_end
run(struct loop *l, struct dialog *dg, unsigned keys,
    enum screen_end (*on_key)(void *, enum action, int, int64_t),
    const struct screen *under)
{
	struct screen sc = {
		.keys = keys, .st = dg, .draw = dialog_draw, .on_key = on_key,
		.under = under,
	};

	dg->m.keys = keys;
	return loop_run(l, &sc);
}

static enum screen_end
message_key(void *st, enum action a, int key, int64_t now)
{
	(void)st, (void)key, (void)now;
	return a == ACT_CLOSE ? SCREEN_DONE : SCREEN_STAY;
}

enum screen_end
dialog_message(struct loop *l, const char *title, const char *text)
{
	struct dialog dg = { .m = { .title = title, .text = text } };

	return run(l, &dg, KC_MESSAGE, message_key, NULL);
}

static enum screen_end
yes_no_key(void *st, enum action a, int key, int64_t now)
{
	struct dialog *dg = st;

	(void)key, (void)now;
	if (a != ACT_YES && a != ACT_NO)
		return SCREEN_STAY;
	dg->yes = a == ACT_YES;
	return SCREEN_DONE;
}

enum screen_end
dialog_yes_no(struct loop *l, unsigned ctx, const char *question,
    const char *detail, const struct screen *under, bool *yes)
{
	struct dialog dg = { .m = { .text = question, .detail = detail } };
	enum screen_end e = run(l, &dg, ctx, yes_no_key, under);

	*yes = dg.yes;
	return e;
}

/* Removes the last UTF-8 character of buf. */
static void
drop_last(char *buf)
{
	size_t n = strlen(buf);

	while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	buf[n] = '\0';
}

/* Adds the character key to the input, when it is one that may be typed
 * and there is room. */
static void
insert(struct dialog *dg, int key)
{
	char mb[MB_LEN_MAX + 1];
	mbstate_t st;

	if (key < 0 || key >= 0x110000 || text_is_control((uint32_t)key) ||
	    text_is_bidi((uint32_t)key))
		return;         /* nothing a terminal would obey, later */
	if (dg->digits && (key < '0' || key > '9'))
		return;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, (wchar_t)key, &st);
	if (n == (size_t)-1 || strlen(dg->input) + n + 1 > dg->cap)
		return;
	mb[n] = '\0';
	strcat(dg->input, mb);
	dg->m.error = NULL;
}

/* Enter on a number: done when it is in range, else an error. */
static enum screen_end
accept_number(struct dialog *dg)
{
	if (dg->input[0] == '\0')
		return SCREEN_CANCEL;
	long v = strtol(dg->input, NULL, 10);
	if (v >= dg->lo && v <= dg->hi)
		return SCREEN_DONE;
	snprintf(dg->error, sizeof dg->error, "Please type a number from %d to %d.",
	    dg->lo, dg->hi);
	dg->m.error = dg->error;
	return SCREEN_STAY;
}

static enum screen_end
prompt_key(void *st, enum action a, int key, int64_t now)
{
	struct dialog *dg = st;

	(void)now;
	switch (a) {
	case ACT_CLOSE:
		return SCREEN_CANCEL;
	case ACT_ACCEPT:
		if (dg->digits)
			return accept_number(dg);
		return dg->input[0] == '\0' ? SCREEN_CANCEL : SCREEN_DONE;
	case ACT_ERASE:
		drop_last(dg->input);
		dg->m.error = NULL;
		return SCREEN_STAY;
	default:
		insert(dg, key);
		return SCREEN_STAY;
	}
}

enum screen_end
dialog_number(struct loop *l, const char *question, int lo, int hi, int *out)
{
	char guide[80];
	struct dialog dg = {
		.m = { .text = question, .guide = guide }, .cap = 12,
		.digits = true, .lo = lo, .hi = hi,
	};

	snprintf(guide, sizeof guide, "Type a number from %d to %d.", lo, hi);
	dg.m.input = dg.input;
	enum screen_end e = run(l, &dg, KC_INPUT, prompt_key, NULL);
	if (e == SCREEN_DONE)
		*out = (int)strtol(dg.input, NULL, 10);
	return e;
}

enum screen_end
dialog_line(struct loop *l, const char *question, char *buf, size_t len)
{
	struct dialog dg = { .m = { .text = question } };

	dg.cap = len < sizeof dg.input ? len : sizeof dg.input;
	dg.m.input = dg.input;
	enum screen_end e = run(l, &dg, KC_INPUT, prompt_key, NULL);
	if (e == SCREEN_DONE)
		snprintf(buf, len, "%s", dg.input);
	return e;
}

struct help {
	unsigned ctx;           /* whose keys are listed */
	const char *extra;      /* under them, or NULL */
};

static void
help_draw(const void *st, int64_t now)
{
	const struct help *h = st;

	(void)now;
	draw_help(h->ctx, h->extra);
}

static enum screen_end
help_key(void *st, enum action a, int key, int64_t now)
{
	(void)st, (void)key, (void)now;
	return a == ACT_CLOSE ? SCREEN_DONE : SCREEN_STAY;
}

enum screen_end
dialog_help(struct loop *l, unsigned ctx, const struct screen *under,
    const char *extra)
{
	struct help h = { ctx, extra };
	struct screen sc = {
		.keys = KC_HELP, .st = &h, .draw = help_draw, .on_key = help_key,
		.under = under,
	};

	return loop_run(l, &sc);
}
