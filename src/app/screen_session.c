/*
 * screen_session.c - the session screen: its state, its keys and its
 * drawing.
 *
 * tick() brings the session up to the clock and plays the cue of what
 * happened, first thing (the screen is drawn after); on_key() acts on the
 * session's keys the same way.  Dialogs over the session (help, quit?,
 * the pain questions of screen_pain.c) pause it while they are shown and
 * resume it when they close, so the clock never runs behind them.
 *
 * It is drawn from the const session in one of three layouts, picked by
 * the room there is: full (big-digit countdown, from FULL_COLS x
 * FULL_ROWS), compact (from MIN_COLS x MIN_ROWS), and below that a
 * "terminal too small" message; the session times on regardless.  The
 * exercise's figure goes beside the countdown when it keeps room enough,
 * else above it when there are rows to spare, else nowhere: the
 * countdown is never the one dropped.
 */
#include "screen_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "draw_util.h"
#include "keys.h"
#include "phrases.h"
#include "script.h"
#include "safety.h"
#include "screen_dialog.h"
#include "screen_pain.h"
#include "ui.h"
#include "util.h"

/* Where the last whole frame put what the clock changes: rows 0-1 (the
 * time left and its bar) and the countdown's block; what a redraw of
 * those alone (session_draw_time) needs. */
struct drawn {
	bool ok;                /* a session frame, not "too small" */
	int rows, cols;
	int top, end, mid;      /* the countdown's rows top..end, columns
	                           0..mid (the figure is beside or above) */
	bool full;
};

struct session_screen {
	struct loop *l;
	struct session *s;
	struct session_pain *pain;
	bool muted;             /* `m` was pressed */
	const char *status;     /* a message for the status line, or NULL */
	struct sound *snd;      /* the cues' sound, or NULL */
	const struct spoken *spoken;    /* the phrases, spoken in place of
	                                   their steps' cues */
	bool bell;              /* no sound (or lost): ring the bell for cues */
	const struct screen *self;      /* under the dialogs it opens */
	enum action asked;      /* the key that asks whether to end */
	bool changed;           /* more than the clock changed since the
	                           last whole frame (a step, a message) */
	struct drawn *drawn;    /* where that frame put the countdown */
	int capped;             /* the step whose `+` met its ceiling, or -1 */
};

/* A step just started that has a phrase: it is said in place of the cue,
 * in full when it fits before the step's countdown ticks (a cue always
 * wins), else briefly, else not.  True when one was started. */
static bool
speak(struct session_screen *ss, unsigned events, int64_t now)
{
	const struct spoken_step *p = (events & EV_STEP_STARTED) &&
	    !session_over(ss->s) ? spoken_at(ss->spoken, ss->s->cur) : NULL;

	if (p == NULL)
		return false;
	int64_t room = script_phrase_room(ss->s, now);
	int k = phrase_fit(room, p->ns);
	if (k <= 0 || sound_say(ss->snd, p->path[k - 1]) != 0)
		return false;
	spoken_said(p, k - 1);
	return true;
}

/* Plays the cue of the events: on the sound, or as the bell. */
static void
play(struct session_screen *ss, unsigned events, int64_t now)
{
	enum cue c = session_cue(ss->s, events);

	if (c == CUE_NONE || ss->muted)
		return;
	if (ss->snd != NULL && speak(ss, events, now))
		return;
	if (ss->snd == NULL || sound_lost(ss->snd)) {
		if (ss->bell)
			ui_bell();
	} else if (sound_play(ss->snd, c, script_cue_count(ss->s, c)) < 0 &&
	    ss->status == NULL) {
		ss->status = "sound failed";
	}
}

static enum screen_end
session_tick(void *st, int64_t now, int64_t *wake)
{
	struct session_screen *ss = st;
	unsigned ev = 0;

	if (ss->s->state == SESSION_READY)
		ev |= session_start(ss->s, now);
	ev |= session_advance(ss->s, now);
	const char *status = ss->status;
	play(ss, ev, now);
	if (sound_lost(ss->snd))        /* now, or by a key's cue, or between */
		ss->status = sound_error(ss->snd);      /* "no sound: ..." */
	ss->changed |= (ev & ~(unsigned)EV_TICK) != 0 || ss->status != status;
	if (session_over(ss->s))
		return SCREEN_DONE;
	*wake = session_next_shown(ss->s, now);
	return SCREEN_STAY;
}

#define MIN_COLS 40             /* below this, "terminal too small" */
#define MIN_ROWS 12
#define FULL_COLS 60            /* from here up: big digits, long texts */
#define FULL_ROWS 22
/* What the countdown needs at the least, besides the figure: in rows
 * (full: label, counters, a blank, 5 rows of digits, a blank, the bar;
 * compact: 4) and in columns. */
#define MIDDLE_ROWS_FULL    10
#define MIDDLE_ROWS_COMPACT 4
#define MIDDLE_COLS_FULL    44

/* The header: routine, exercise k of n, time left with a bar. */
static int
header(const struct session *s, int64_t now, int cols)
{
	const struct step *st = session_step(s);
	const struct routine *r = s->plan->r;
	char buf[64], left[32];
	int64_t step_left = session_step_left(s, now);
	int64_t total = draw_seconds(step_left) * NS_PER_SEC + s->after_ns[s->cur];
	/* behind: the steps before this one as planned, and this one's time
	 * so far; of that and what is left (after +, -, n, N, b alike) */
	int64_t done = s->plan->total_ns - s->after_ns[s->cur] - st->ns +
	    s->step_ns - step_left;
	int64_t all = done + step_left + s->after_ns[s->cur];

	snprintf(buf, sizeof buf, cols >= FULL_COLS ?
	    "Exercise %d of %d" : "Ex %d/%d", st->ex + 1, r->nex);
	int bw = ui_width(buf);
	ui_put(0, 0, cols - bw - 1, ui_attr(UI_TITLE), r->name);
	ui_put(0, cols - bw, bw, 0, buf);
	plan_format_clock(total, left, sizeof left);
	snprintf(buf, sizeof buf, "Time left %s ", left);
	int lw = ui_put(1, 0, cols, 0, buf);
	draw_bar(1, lw, cols - lw, all > 0 && done > 0 ?
	    (double)done / (double)all : 0);
	return 2;
}

/* The exercise: name, cue, its own caution and the routine's (the stop
 * rules), from row y; returns the next row.  *cut: a caution was cut
 * short (the help shows them whole). */
static int
exercise(const struct session *s, int y, int cols, int lines, bool *cut)
{
	const struct routine *r = s->plan->r;
	const struct exercise *e = &r->ex[session_step(s)->ex];
	const char *const cautions[] = { e->caution, r->caution };
	char buf[640];

	ui_put(y++, 0, cols, ui_attr(UI_BOLD), e->name);
	if (e->cue)
		y += ui_text(y, 0, cols, lines, 0, e->cue, true);
	for (size_t i = 0; i < 2; i++) {
		if (cautions[i] == NULL)
			continue;
		snprintf(buf, sizeof buf, "Caution: %s", cautions[i]);
		*cut |= ui_text(y, 0, cols, 1000, 0, buf, false) > lines;
		y += ui_text(y, 0, cols, lines, ui_attr(UI_CAUTION), buf, true);
	}
	return y;
}

/* The bottom three lines: next, status and key hints. */
static void
footer(const struct session_screen *ss, int rows, int cols, bool cut)
{
	char buf[300], more[80] = "", most[120] = "";
	size_t k = 0;
	int w = 0;

	plan_next_line(ss->s->plan, ss->s->cur, buf, sizeof buf);
	ui_put(rows - 3, 0, cols, 0, buf);
	if (ss->s->state == SESSION_PAUSED) {
		snprintf(buf, sizeof buf, " Paused - press %s to resume ",
		    keys_name(KC_SESSION, ACT_PAUSE));
		w = ui_put(rows - 2, 0, cols, ui_attr(UI_PAUSED), buf) + 2;
	}
	if (cut)
		snprintf(more, sizeof more, "%s: the whole caution",
		    keys_name(KC_SESSION, ACT_HELP));
	if (ss->capped == ss->s->cur) {
		snprintf(most, sizeof most, "%s: ", keys_name(KC_SESSION, ACT_MORE));
		session_ceiling_text(ss->s, most + strlen(most),
		    sizeof most - strlen(most));
	}
	buf[0] = '\0';
	const char *part[] = { ss->muted ? "muted" : NULL, ss->status, most, more };
	for (size_t i = 0; i < 4; i++)
		if (part[i] != NULL && part[i][0] != '\0')
			k += (size_t)snprintf(buf + k, k < sizeof buf ? sizeof buf - k : 0,
			    "%s%s", k ? "  " : "", part[i]);
	ui_put(rows - 2, w, cols - w, 0, buf);
	draw_keys(rows - 1, cols, KC_SESSION);
}

/* Label, counters, countdown and step bar, centred from row y to row
 * end (exclusive); big: the countdown in big digits, twice as large on
 * a large terminal.  Paused, the countdown is dimmed and PAUSED stands
 * over it in reverse video, to be seen from the floor. */
static void
middle(const struct session *s, int64_t now, int y, int end, int cols,
    bool big)
{
	int scale = end - y >= 2 * DRAW_BIG_ROWS + 6 && cols >= 100 ? 2 : 1;
	const struct step *st = session_step(s);
	enum ui_style style = st->work ? UI_WORK : UI_EASY;
	bool paused = s->state == SESSION_PAUSED;
	int attr = ui_attr(style), digits = paused ? ui_attr_dimmed(style) : attr;
	int64_t left = session_step_left(s, now);
	char cnt[160], num[32];
	int need = big ? 2 + 1 + DRAW_BIG_ROWS * scale + 1 + 1 : 4;

	if (end - y > need)
		y += (end - y - need) / 2;
	plan_format_countdown(left, num, sizeof num);
	plan_step_position(s->plan, st, false, cnt, sizeof cnt);
	if (big) {
		draw_centre(y++, cols, attr, st->label);
		draw_centre(y++, cols, 0, cnt);
		if (paused)
			draw_centre(y, cols, ui_attr(UI_PAUSED), "  P A U S E D  ");
		y++;
		draw_big(y, (cols - draw_big_width(num, scale)) / 2, digits, num,
		    scale);
		y += DRAW_BIG_ROWS * scale + 1;
	} else {
		char line[200];
		snprintf(line, sizeof line, "%s  %s", st->label, num);
		int w = ui_put(y, 0, cols, digits, line);
		if (paused)
			ui_put(y, w + 2, cols - w - 2, ui_attr(UI_PAUSED), " PAUSED ");
		y++;
		ui_put(y++, 0, cols, 0, cnt);
	}
	int bw = cols - 4 < 60 ? cols - 4 : 60;
	int64_t len = s->step_ns > 0 ? s->step_ns : 1;
	draw_bar(y, (cols - bw) / 2, bw, 1.0 - (double)left / (double)len);
}

static void
session_draw(const void *st, int64_t now)
{
	const struct session_screen *ss = st;
	int rows = ui_rows(), cols = ui_cols();
	bool cut = false;

	ss->drawn->ok = false;
	if (rows < MIN_ROWS || cols < MIN_COLS) {
		draw_too_small(MIN_COLS, MIN_ROWS);
		return;
	}
	bool full = rows >= FULL_ROWS && cols >= FULL_COLS;
	int y = header(ss->s, now, cols);
	if (full)
		y++;
	y = exercise(ss->s, y, cols, full ? 2 : 1, &cut);
	const struct step *step = session_step(ss->s);
	const struct figure_frame *fr = plan_step_frame(ss->s->plan, step);
	int mid = cols, top = y + (full ? 1 : 0);
	if (fr != NULL)
		mid = draw_figure_place(ss->s->plan->r->ex[step->ex].fig, fr, &top,
		    rows - 3, cols, full ? MIDDLE_ROWS_FULL : MIDDLE_ROWS_COMPACT,
		    full ? MIDDLE_COLS_FULL : MIN_COLS);
	middle(ss->s, now, top, rows - 3, mid, full);
	*ss->drawn = (struct drawn){ true, rows, cols, top, rows - 3, mid, full };
	footer(ss, rows, cols, cut);
}

/* A turn the clock alone woke: the time left, its bar and the countdown
 * redrawn over the last whole frame, the rest left as it is, so that
 * curses compares and sends only those rows.  False (draw it whole) when
 * the step, the state, a message or the size changed since. */
static bool
session_draw_time(void *st, int64_t now)
{
	struct session_screen *ss = st;
	const struct drawn *d = ss->drawn;

	if (ss->changed || !d->ok || d->rows != ui_rows() ||
	    d->cols != ui_cols()) {
		ss->changed = false;
		return false;
	}
	for (int y = 0; y < 2; y++)
		draw_fill(y, 0, d->cols, 0);
	header(ss->s, now, d->cols);
	for (int y = d->top; y < d->end; y++)
		draw_fill(y, 0, d->mid, 0);
	middle(ss->s, now, d->top, d->end, d->mid, d->full);
	return true;
}

static void
session_suspend(void *st, int64_t now)
{
	struct session_screen *ss = st;

	play(ss, session_pause(ss->s, now), now);
}

/* Runs a dialog over the session with the session paused, and resumes it
 * (unless it was paused already) at the moment the dialog closed. */
static enum screen_end
paused(struct session_screen *ss, int64_t now,
    enum screen_end (*dialog)(struct session_screen *, bool *), bool *yes)
{
	bool was_running = ss->s->state == SESSION_RUNNING;

	if (was_running)
		session_pause(ss->s, now);
	enum screen_end e = dialog(ss, yes);
	if (was_running && !session_over(ss->s))
		session_resume(ss->s, ss->l->now);
	return e;
}

/* `?`: the keys, then the exercise's cautions and the routine's in full
 * (the screen may have cut them short), then the stop rules. */
static enum screen_end
ask_help(struct session_screen *ss, bool *yes)
{
	const struct routine *r = ss->s->plan->r;
	const struct exercise *e = &r->ex[session_step(ss->s)->ex];
	char *extra = xasprintf("%s%s%s%s%s%s%s", e->caution ? "Caution: " : "",
	    e->caution ? e->caution : "", e->caution ? "\n\n" : "",
	    r->caution ? "Caution: " : "", r->caution ? r->caution : "",
	    r->caution ? "\n\n" : "", safety_stop_text);

	*yes = false;
	enum screen_end e2 = dialog_help(ss->l, KC_SESSION, ss->self, extra);
	free(extra);
	return e2;
}

/* `p`: the pain questions (screen_pain.c); an exercise they stop is
 * skipped with its cue. */
static enum screen_end
ask_pain(struct session_screen *ss, bool *yes)
{
	unsigned ev = 0;
	enum screen_end e = pain_screen(ss->l, ss->s, ss->pain, &ev);

	*yes = false;
	play(ss, ev, ss->l->now);
	return e;
}

static enum screen_end
ask_quit(struct session_screen *ss, bool *yes)
{
	enum screen_end e = dialog_yes_no(ss->l, KC_CONFIRM, "Quit this session?",
	    "It will count as partial.", ss->self, yes);

	if (e == SCREEN_DONE && *yes)
		session_quit(ss->s, ss->l->now);
	return e;
}

/* The session's last step, last exercise, or last seconds: n, N or -
 * would end it, and asks first, saying why. */
static enum screen_end
ask_end(struct session_screen *ss, bool *yes)
{
	const char *why = ss->asked == ACT_SKIP ? "This is the last exercise: "
	    "skipping it ends the session." : ss->asked == ACT_LESS ? "This is "
	    "the last step, with 5 seconds or less left: taking them off ends the "
	    "session." : "This is the last step of the session: going on ends it.";

	return dialog_yes_no(ss->l, KC_YESNO, "End the session?", why, ss->self,
	    yes);
}

/* Whether action a would end the session (held keys must not): n on its
 * last step, N on its last exercise, - on a last step with no more than
 * that left. */
static bool
would_end(const struct session *s, enum action a, int64_t now)
{
	const struct plan *p = s->plan;

	if (session_over(s))
		return false;
	if (a == ACT_NEXT)
		return s->cur + 1 >= p->n;
	if (a == ACT_SKIP)
		return p->steps[s->cur].ex + 1 >= p->r->nex;
	return a == ACT_LESS && s->cur + 1 >= p->n &&
	    session_step_left(s, now) <= SESSION_ADJUST_NS;
}

static unsigned
more(struct session *s, int64_t now)
{
	return session_adjust(s, now, SESSION_ADJUST_NS);
}

static unsigned
less(struct session *s, int64_t now)
{
	return session_adjust(s, now, -SESSION_ADJUST_NS);
}

/* The keys that drive the session itself. */
static const struct {
	enum action action;
	unsigned (*op)(struct session *, int64_t);
} session_ops[] = {
	{ ACT_PAUSE, session_toggle_pause },
	{ ACT_NEXT, session_next },
	{ ACT_SKIP, session_skip_exercise },
	{ ACT_BACK, session_back },
	{ ACT_MORE, more },
	{ ACT_LESS, less },
};

static enum screen_end
session_key(void *st, enum action a, int key, int64_t now)
{
	struct session_screen *ss = st;
	enum screen_end e = SCREEN_STAY;
	bool yes = false;

	(void)key;
	if (would_end(ss->s, a, now)) {
		ss->asked = a;
		if ((e = paused(ss, now, ask_end, &yes)) == SCREEN_SIGNAL)
			return e;
		if (!yes)
			return SCREEN_STAY;
		now = ss->l->now;       /* when it was answered */
	}
	if (session_running(ss->s) && a != ACT_HELP && a != ACT_MUTE)
		ss->capped = a == ACT_MORE && ss->s->step_ns >=
		    session_step_ceiling(ss->s) ? ss->s->cur : -1;
	for (size_t i = 0; i < sizeof session_ops / sizeof session_ops[0]; i++)
		if (session_ops[i].action == a)
			play(ss, session_ops[i].op(ss->s, now), now);
	if (a == ACT_MUTE) {
		ss->muted = !ss->muted;
		sound_set_muted(ss->snd, ss->muted);
	} else if (a == ACT_HELP) {
		e = paused(ss, now, ask_help, &yes);
	} else if (a == ACT_QUIT) {
		e = paused(ss, now, ask_quit, &yes);
	} else if (a == ACT_PAIN) {
		e = paused(ss, now, ask_pain, &yes);
	}
	if (e == SCREEN_SIGNAL)
		return e;
	return session_over(ss->s) ? SCREEN_DONE : SCREEN_STAY;
}

enum screen_end
session_screen(struct loop *l, struct session *s, struct sound *snd,
    const struct spoken *spoken, bool bell, const char *status,
    struct session_pain *pain)
{
	struct drawn drawn = { .ok = false };
	struct session_screen ss = {
		.l = l, .s = s, .pain = pain, .status = status,
		.snd = snd, .spoken = spoken, .bell = bell, .capped = -1,
		.changed = true, .drawn = &drawn,
	};
	struct screen sc = {
		.keys = KC_SESSION, .st = &ss, .draw = session_draw,
		.on_key = session_key, .tick = session_tick,
		.on_suspend = session_suspend, .draw_time = session_draw_time,
	};

	ss.self = &sc;
	enum screen_end e = loop_run(l, &sc);
	if (e == SCREEN_SIGNAL)
		session_quit(s, l->now);
	return e;
}
