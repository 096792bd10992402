/*
 * coach.c - the coach runner (coach.h).
 *
 * The life cycle, in order: signals to a signalfd (before any thread or
 * curses, so libcanberra's thread inherits the mask and ncurses' handlers
 * never run), the sound, curses, the loop; then the screens; then all of
 * it undone in reverse, and what could not be shown on the screen printed
 * on the restored terminal.
 *
 * A run of one routine: before (preface, red flags, pain) -> the session
 * -> after (pain, note) -> the record -> the summary.  The record is one
 * struct hist_session, filled as the run goes and written once, at the
 * run's single exit: for a session that started, whatever ended it (the
 * end, q, a signal, even one during the questions after), and for a
 * session that safety stopped before it started.
 */
#include "coach.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cmd.h"
#include "history.h"
#include "loop.h"
#include "paths.h"
#include "screen_dialog.h"
#include "screen_picker.h"
#include "screen_redflag.h"
#include "screen_session.h"
#include "screen_stats.h"
#include "sig.h"
#include "sound.h"
#include "store.h"
#include "ui.h"
#include "util.h"
#include "wall.h"

#define PAIN_QUESTION "Pain now, 0-10?"
#define NOTE_MAX 256            /* bytes of a note */

struct coach {
	const struct settings *set;
	struct loop loop;
	struct sound *snd;      /* the cues' sound, or NULL */
	char quiet[128];        /* for the status line: why no sound, or "" */
	bool bell;              /* no sound although wanted: ring the bell */
	struct diags later;     /* to print once the terminal is restored */
};

/* Opens the sound as the settings say; without it, notes why. */
static void
open_sound(struct coach *c)
{
	struct diags d = { 0 };

	if (!c->set->sound)
		return;
	c->snd = sound_open(c->set->sound_theme, c->set->volume, &d);
	if (d.n > 0)
		snprintf(c->quiet, sizeof c->quiet, "%s", d.v[0].msg);
	c->bell = c->snd == NULL && c->set->bell;
	diags_free(&d);
}

/* Sets up signals, sound, curses and the loop.  0, or 1 after saying
 * why not. */
static int
coach_open(struct coach *c, const struct settings *set)
{
	struct diags d = { 0 };

	memset(c, 0, sizeof *c);
	c->set = set;
	c->loop.tfd = -1;
	if (sig_init() != 0) {
		warn("cannot read signals:");
		return 1;
	}
	open_sound(c);
	if (ui_start(set->color, &d) != 0) {
		cmd_print_diags(&d);
		diags_free(&d);
		sound_close(c->snd);
		return 1;
	}
	if (loop_open(&c->loop, c->snd) != 0) {
		ui_stop();
		sound_close(c->snd);
		warn("cannot make a timer:");
		return 1;
	}
	return 0;
}

static void
coach_close(struct coach *c)
{
	loop_close(&c->loop);
	ui_stop();
	sound_close(c->snd);
	cmd_print_diags(&c->later);
	diags_free(&c->later);
}

/* The exit status of a run that ended with e. */
static int
status_of(const struct coach *c, enum screen_end e)
{
	return e == SCREEN_SIGNAL ? 128 + c->loop.signo : 0;
}

/* The pain before (pain_prompts); at 6 or more, the traffic light's red,
 * it says so and asks whether to start at all.  SCREEN_CANCEL when the
 * person chooses not to (rec says why). */
static enum screen_end
ask_pain_before(struct coach *c, struct hist_session *rec)
{
	int v;
	bool yes = false;

	if (!c->set->pain_prompts)
		return SCREEN_DONE;
	enum screen_end e = dialog_number(&c->loop,
	    PAIN_QUESTION " (before the session)", 0, 10, &v);
	if (e != SCREEN_DONE)
		return e == SCREEN_SIGNAL ? e : SCREEN_DONE;   /* skipped */
	rec->pain_before = v;
	struct safety_pain_advice a = safety_pain_advice(v);
	if (a.light != SAFETY_RED)
		return SCREEN_DONE;
	e = dialog_yes_no(&c->loop, KC_YESNO, "Start the session anyway?", a.text,
	    NULL, &yes);
	if (e != SCREEN_DONE)
		return e;
	if (!yes) {
		rec->reason = HR_PAIN;
		return SCREEN_CANCEL;
	}
	return SCREEN_DONE;
}

/* Before the session: the preface, the red flags, the pain.  SCREEN_DONE
 * to start; SCREEN_CANCEL when safety stops it (rec->reason says why). */
static enum screen_end
before(struct coach *c, const struct routine *r, const char *preface,
    struct hist_session *rec)
{
	enum safety_urgency u;
	enum screen_end e;

	if (preface != NULL &&
	    (e = dialog_message(&c->loop, r->name, preface)) == SCREEN_SIGNAL)
		return e;
	if ((e = redflag_screen(&c->loop, c->set, &u)) != SCREEN_DONE)
		return e;
	if (u != SAFETY_OK) {
		rec->reason = HR_RED_FLAG;
		return SCREEN_CANCEL;
	}
	return ask_pain_before(c, rec);
}

/* The session itself; fills rec with what happened. */
static enum screen_end
run_session(struct coach *c, const struct routine *r,
    struct hist_session *rec)
{
	struct plan p;
	struct session s;

	if (plan_build(&p, r) != 0 || session_init(&s, &p) != 0)
		oom();
	wall_iso(wall_now(), rec->start);
	enum screen_end e = session_screen(&c->loop, &s, c->snd, c->bell,
	    c->quiet[0] ? c->quiet : NULL);
	session_record(&s, c->loop.now, rec);
	rec->reason = e == SCREEN_SIGNAL ? HR_SIGNAL :
	    s.state == SESSION_DONE ? HR_COMPLETED : HR_QUIT;
	session_free(&s);
	plan_free(&p);
	return e;
}

/* After the session: the pain after (pain_prompts) and a note. */
static enum screen_end
after(struct coach *c, struct hist_session *rec, char *note, size_t len)
{
	enum screen_end e;
	int v;

	if (c->set->pain_prompts) {
		e = dialog_number(&c->loop, PAIN_QUESTION " (after the session)", 0,
		    10, &v);
		if (e == SCREEN_SIGNAL)
			return e;
		if (e == SCREEN_DONE)
			rec->pain_after = v;
	}
	e = dialog_line(&c->loop, "A note on this session? (optional)", note, len);
	if (e == SCREEN_SIGNAL)
		return e;
	if (e == SCREEN_DONE)
		rec->note = note;
	return SCREEN_DONE;
}

/* Writes rec to the history.  A problem is shown (interactive), or kept
 * to print once the terminal is restored. */
static enum screen_end
record(struct coach *c, struct hist_session *rec, bool interactive)
{
	struct diags d = { 0 };
	enum screen_end e = SCREEN_DONE;

	rec->status = history_status_of(rec->reason);
	if (rec->start[0] == '\0')
		wall_iso(wall_now(), rec->start);
	int rc = store_record(c->set->history, rec, &d);
	if (d.n > 0 && interactive) {
		char *text = diags_text(&d, "\n");
		if (text == NULL)
			oom();
		e = dialog_message(&c->loop, rc == 0 ? "History" :
		    "This session was not recorded", text);
		free(text);
	} else {
		for (size_t i = 0; i < d.n; i++)
			diags_add(&c->later, d.v[i].sev, d.v[i].file, d.v[i].line,
			    "%s", d.v[i].msg);
	}
	diags_free(&d);
	return e;
}

/* One routine, from the preface to the summary.  Returns how it ended. */
static enum screen_end
run(struct coach *c, const struct routine *r, const char *preface, bool back)
{
	struct hist_exercise *ex = xcalloc((size_t)r->nex, sizeof *ex);
	struct hist_session rec;
	char note[NOTE_MAX] = "";

	history_session_init(&rec, r->id, r->name, ex, r->nex);
	for (int i = 0; i < r->nex; i++)
		ex[i].name = r->ex[i].name;
	sound_warm(c->snd);     /* wake the sound device before the first cue */
	enum screen_end e = before(c, r, preface, &rec);
	bool recorded = e != SCREEN_SIGNAL;     /* nothing began: no record */
	if (e == SCREEN_DONE && (e = run_session(c, r, &rec)) == SCREEN_DONE)
		e = after(c, &rec, note, sizeof note);
	if (recorded) {
		enum screen_end shown = record(c, &rec, e != SCREEN_SIGNAL);
		if (e != SCREEN_SIGNAL)
			e = shown == SCREEN_SIGNAL ? shown : e;
	}
	if (e == SCREEN_DONE)
		e = end_screen(&c->loop, &rec, back, c->set->water_reminder);
	free(ex);
	return e;
}

int
coach_routine(const struct settings *set, const struct routine *r,
    const char *preface)
{
	struct coach c;

	if (coach_open(&c, set) != 0)
		return 1;
	enum screen_end e = run(&c, r, preface, false);
	coach_close(&c);
	return status_of(&c, e);
}

/* Loads the picker's choice and coaches it; a routine that has become
 * invalid since the list was made is explained, not run. */
static enum screen_end
run_chosen(struct coach *c, const struct routine_row *row)
{
	struct routine r;
	struct diags d = { 0 };
	enum screen_end e;
	int errors = catalog_load(row->path, c->set, &r, &d);

	if (errors != 0) {
		char *text = errors < 0 ? xstrdup("It is gone.") : diags_text(&d, "  ");
		if (text == NULL)
			oom();
		e = dialog_message(&c->loop, "This routine has errors", text);
		free(text);
	} else {
		e = run(c, &r, NULL, true);
	}
	if (errors >= 0)
		routine_free(&r);
	diags_free(&d);
	return e;
}

int
coach_picker(const struct settings *set)
{
	struct picker p;
	struct coach c;
	enum screen_end e;

	if (picker_load(&p, set) == 0) {
		warn("no routines found in %s or your routines directory",
		    paths_bundled_routines());
		picker_free(&p);
		return 1;
	}
	if (coach_open(&c, set) != 0) {
		picker_free(&p);
		return 1;
	}
	while ((e = picker_screen(&c.loop, &p)) == SCREEN_DONE &&
	    (e = run_chosen(&c, &p.v[p.sel])) != SCREEN_SIGNAL)
		picker_reload(&p);
	coach_close(&c);
	picker_free(&p);
	return status_of(&c, e);
}
