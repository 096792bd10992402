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
#include "lineedit.h"
#include "text.h"

#define INPUT_MAX 256           /* longest answer, in characters */

struct dialog {
	struct draw_modal m;    /* what is drawn */
	char input[INPUT_MAX * 4 + 1];  /* typed so far (prompts) */
	struct line_edit ed;    /* input, its cursor and its size */
	bool digits;            /* only 0-9 may be typed */
	bool rejected;          /* something else was typed since the last
	                           Enter: said, and Enter does not skip */
	bool ask_discard;       /* Esc asks before throwing a typed line away */
	struct loop *l;
	const struct screen *self;      /* under the question it asks */
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
	dg->l = l;
	dg->self = &sc;
	return loop_run(l, &sc);
}

/* Any key goes on; a message that does not fit scrolls with the arrows
 * and PgUp, PgDn. */
static enum screen_end
message_key(void *st, enum action a, int key, int64_t now)
{
	struct dialog *dg = st;
	int lines, room, top = dg->m.top;

	(void)key, (void)now;
	draw_modal_size(&dg->m, &lines, &room);
	int page = room > 1 ? room - 1 : 1, most = lines > room ? lines - room : 0;
	if (a == ACT_CLOSE)
		return SCREEN_DONE;
	top += a == ACT_DOWN ? 1 : a == ACT_UP ? -1 : a == ACT_PAGE_DOWN ? page :
	    a == ACT_PAGE_UP ? -page : 0;
	dg->m.top = top < 0 ? 0 : top > most ? most : top;
	return SCREEN_STAY;
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
	if (a == ACT_CLOSE)             /* a context whose Esc goes back */
		return SCREEN_CANCEL;
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

/* Adds the character key at the cursor, when it is one that may be typed
 * and there is room. */
static void
insert(struct dialog *dg, int key)
{
	if (key < 0 || key >= 0x110000 || text_is_control((uint32_t)key) ||
	    text_is_bidi((uint32_t)key))
		return;         /* nothing a terminal would obey, later */
	if (dg->digits && (key < '0' || key > '9')) {
		/* said, not dropped in silence */
		snprintf(dg->error, sizeof dg->error, "Only digits: a number from "
		    "%d to %d, or Enter alone for none.", dg->lo, dg->hi);
		dg->m.error = dg->error;
		dg->rejected = true;
		return;
	}
	if (line_insert(&dg->ed, (uint32_t)key))
		dg->m.error = NULL;
}

/* The editing keys of a typed line; false for any other action. */
static bool
edit(struct dialog *dg, enum action a)
{
	if (a == ACT_TAB) {
		insert(dg, ' ');
		return true;
	}
	if (!line_act(&dg->ed, a))
		return false;
	dg->m.cursor = dg->ed.cur;
	dg->m.error = NULL;
	return true;
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

/* Esc: the question is skipped; but a typed line is never thrown away by
 * one key: the question asks whether to keep it, and y keeps it (as
 * Enter would), n or Esc goes back to it.  To skip without it, delete it
 * first (Ctrl-U from its end), then Esc. */
static enum screen_end
discard(struct dialog *dg)
{
	bool yes = false;
	char detail[160];

	if (!dg->ask_discard || dg->input[0] == '\0')
		return SCREEN_CANCEL;
	snprintf(detail, sizeof detail, "%s: keep it and go on; %s: back to it "
	    "(%s at its end deletes it).", keys_name(KC_YESNO, ACT_YES),
	    keys_name(KC_YESNO, ACT_NO), keys_name(KC_INPUT, ACT_KILL_BEFORE));
	enum screen_end e = dialog_yes_no(dg->l, KC_YESNO, "Keep what you typed?",
	    detail, dg->self, &yes);
	if (e == SCREEN_SIGNAL)
		return e;
	return e == SCREEN_DONE && yes ? SCREEN_DONE : SCREEN_STAY;
}

static enum screen_end
prompt_key(void *st, enum action a, int key, int64_t now)
{
	struct dialog *dg = st;

	(void)now;
	if (a == ACT_CLOSE)
		return discard(dg);
	if (a == ACT_ACCEPT && dg->digits)
		return accept_number(dg);
	if (a == ACT_ACCEPT)
		return dg->input[0] == '\0' ? SCREEN_CANCEL : SCREEN_DONE;
	if (!edit(dg, a))
		insert(dg, key);
	dg->m.cursor = dg->ed.cur;
	return SCREEN_STAY;
}

/* Enter on a number: done, with none when nothing was typed; else done
 * when it is in range, or an error. */
static enum screen_end
number_key(void *st, enum action a, int key, int64_t now)
{
	struct dialog *dg = st;

	if (a == ACT_ACCEPT && dg->input[0] == '\0' && dg->rejected) {
		/* letters typed here were meant for this question: it stays,
		 * said again; a second Enter skips it */
		dg->rejected = false;
		snprintf(dg->error, sizeof dg->error, "Not a number: type one from "
		    "%d to %d, or Enter again for none.", dg->lo, dg->hi);
		dg->m.error = dg->error;
		return SCREEN_STAY;
	}
	if (a == ACT_ACCEPT && dg->input[0] == '\0')
		return SCREEN_DONE;
	return prompt_key(st, a, key, now);
}

enum screen_end
dialog_number(struct loop *l, unsigned ctx, const char *question, int lo,
    int hi, int *out)
{
	char guide[80];
	struct dialog dg = {
		.m = { .text = question, .guide = guide }, .digits = true,
		.lo = lo, .hi = hi,
	};

	snprintf(guide, sizeof guide, "Type a number from %d to %d.", lo, hi);
	line_init(&dg.ed, dg.input, 12);
	dg.m.input = dg.input;
	enum screen_end e = run(l, &dg, ctx, number_key, NULL);
	if (e == SCREEN_DONE)
		*out = dg.input[0] ? (int)strtol(dg.input, NULL, 10) : -1;
	return e;
}

enum screen_end
dialog_line(struct loop *l, const char *question, char *buf, size_t len)
{
	struct dialog dg = { .m = { .text = question }, .ask_discard = true };

	line_init(&dg.ed, dg.input, len < sizeof dg.input ? len : sizeof dg.input);
	dg.m.input = dg.input;
	enum screen_end e = run(l, &dg, KC_INPUT, prompt_key, NULL);
	size_t n = strlen(dg.input);

	while (n > 0 && (dg.input[n - 1] == ' ' || dg.input[n - 1] == '\t'))
		dg.input[--n] = '\0';          /* spaces at the end are no text */
	if (e == SCREEN_DONE || (e == SCREEN_SIGNAL && n > 0))
		snprintf(buf, len, "%s", dg.input);
	return e == SCREEN_DONE && n == 0 ? SCREEN_CANCEL : e;
}

struct help {
	unsigned ctx;           /* whose keys are listed */
	const char *extra;      /* under them, or NULL */
	int top;                /* the first row shown */
};

static void
help_draw(const void *st, int64_t now)
{
	const struct help *h = st;

	(void)now;
	draw_help(h->ctx, h->extra, h->top);
}

/* Closes, or scrolls, the help. */
static enum screen_end
help_key(void *st, enum action a, int key, int64_t now)
{
	struct help *h = st;
	int lines, room, top = h->top;

	(void)key, (void)now;
	draw_help_size(h->ctx, h->extra, &lines, &room);
	int page = room > 1 ? room - 1 : 1, most = lines > room ? lines - room : 0;
	switch (a) {
	case ACT_CLOSE:     return SCREEN_DONE;
	case ACT_UP:        top--; break;
	case ACT_DOWN:      top++; break;
	case ACT_PAGE_UP:   top -= page; break;
	case ACT_PAGE_DOWN: top += page; break;
	case ACT_HOME:      top = 0; break;
	case ACT_END:       top = most; break;
	default:            break;
	}
	h->top = top < 0 ? 0 : top > most ? most : top;
	return SCREEN_STAY;
}

enum screen_end
dialog_help(struct loop *l, unsigned ctx, const struct screen *under,
    const char *extra)
{
	struct help h = { ctx, extra, 0 };
	struct screen sc = {
		.keys = KC_HELP, .st = &h, .draw = help_draw, .on_key = help_key,
		.under = under,
	};

	return loop_run(l, &sc);
}
