/*
 * figure_art.c - a figure drawn: the characters it may use, their ASCII
 * stand-ins and mirror images; rows in ASCII or mirrored; its frames laid
 * out as text; the frame for a step; the ids a figure may have
 * (figure.h).
 *
 * Part of the pure core.  A figure may use only characters one column
 * wide in every UTF-8 locale that have an ASCII stand-in, so that its
 * width is its count of characters and the ASCII picture is made from the
 * Unicode one, never drawn twice: box drawing becomes - | + / \, blocks
 * become #, circles O, arrows < > ^ v.
 */
#include "figure.h"
#include "text.h"
#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 24            /* words of a label or of a step */

/* Ranges of box drawing (U+2500-U+257F) by what they stand for. */
static const uint16_t box_horizontal[] = {
	0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254c, 0x254d,
	0x2574, 0x2576, 0x2578, 0x257a, 0x257c, 0x257e,
};
static const uint16_t box_vertical[] = {
	0x2502, 0x2503, 0x2506, 0x2507, 0x250a, 0x250b, 0x254e, 0x254f,
	0x2551, 0x2575, 0x2577, 0x2579, 0x257b, 0x257d, 0x257f,
};

/* Single characters and their stand-ins, outside those ranges' rules. */
static const struct {
	uint16_t c;
	char a;
} single[] = {
	{ 0x00b0, 'o' }, { 0x00b7, '.' }, { 0x00d7, 'x' }, { 0x2022, 'o' },
	{ 0x2190, '<' }, { 0x2191, '^' }, { 0x2192, '>' }, { 0x2193, 'v' },
	{ 0x2194, '-' }, { 0x2195, '|' }, { 0x2196, '\\' }, { 0x2197, '/' },
	{ 0x2198, '\\' }, { 0x2199, '/' }, { 0x21b6, '(' }, { 0x21b7, ')' },
	{ 0x21ba, '(' }, { 0x21bb, ')' }, { 0x21d0, '<' }, { 0x21d2, '>' },
	{ 0x2550, '=' }, { 0x256d, '.' }, { 0x256e, '.' }, { 0x256f, '\'' },
	{ 0x2570, '\'' }, { 0x2571, '/' }, { 0x2572, '\\' }, { 0x2573, 'X' },
	{ 0x2581, '_' }, { 0x2582, '_' }, { 0x2591, '.' }, { 0x2592, ':' },
	{ 0x2594, '=' }, { 0x25b2, '^' }, { 0x25b3, '^' }, { 0x25b4, '^' },
	{ 0x25b5, '^' }, { 0x25e2, '/' }, { 0x25e3, '\\' }, { 0x25e4, '/' },
	{ 0x25e5, '\\' }, { 0x25e6, 'o' },
};

/* Pairs that face each other, each listed once. */
static const uint16_t mirrors[][2] = {
	{ '/', '\\' }, { '(', ')' }, { '[', ']' }, { '{', '}' }, { '<', '>' },
	{ 0x2190, 0x2192 }, { 0x2196, 0x2197 }, { 0x2199, 0x2198 },
	{ 0x21a4, 0x21a6 }, { 0x21a9, 0x21aa }, { 0x21b6, 0x21b7 },
	{ 0x21ba, 0x21bb }, { 0x21d0, 0x21d2 },
	{ 0x250c, 0x2510 }, { 0x250d, 0x2511 }, { 0x250e, 0x2512 },
	{ 0x250f, 0x2513 }, { 0x2514, 0x2518 }, { 0x2515, 0x2519 },
	{ 0x2516, 0x251a }, { 0x2517, 0x251b }, { 0x251c, 0x2524 },
	{ 0x251d, 0x2525 }, { 0x251e, 0x2526 }, { 0x251f, 0x2527 },
	{ 0x2520, 0x2528 }, { 0x2521, 0x2529 }, { 0x2522, 0x252a },
	{ 0x2523, 0x252b }, { 0x252d, 0x252e }, { 0x2531, 0x2532 },
	{ 0x2535, 0x2536 }, { 0x2539, 0x253a }, { 0x253d, 0x253e },
	{ 0x2543, 0x2544 }, { 0x2545, 0x2546 }, { 0x2549, 0x254a },
	{ 0x2552, 0x2555 }, { 0x2553, 0x2556 }, { 0x2554, 0x2557 },
	{ 0x2558, 0x255b }, { 0x2559, 0x255c }, { 0x255a, 0x255d },
	{ 0x255e, 0x2561 }, { 0x255f, 0x2562 }, { 0x2560, 0x2563 },
	{ 0x256d, 0x256e }, { 0x2570, 0x256f }, { 0x2571, 0x2572 },
	{ 0x2574, 0x2576 }, { 0x2578, 0x257a }, { 0x257c, 0x257e },
	{ 0x258c, 0x2590 }, { 0x258f, 0x2595 }, { 0x2596, 0x2597 },
	{ 0x2598, 0x259d }, { 0x2599, 0x259f }, { 0x259a, 0x259e },
	{ 0x259b, 0x259c }, { 0x25b6, 0x25c0 }, { 0x25b7, 0x25c1 },
	{ 0x25b8, 0x25c2 }, { 0x25b9, 0x25c3 }, { 0x25ba, 0x25c4 },
	{ 0x25bb, 0x25c5 }, { 0x25d0, 0x25d1 }, { 0x25d6, 0x25d7 },
	{ 0x25e2, 0x25e3 }, { 0x25e4, 0x25e5 }, { 0x25e7, 0x25e8 },
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static bool
listed(const uint16_t *v, size_t n, uint32_t c)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == c)
			return true;
	return false;
}

bool
figure_char_ok(uint32_t c)
{
	return (c >= 0x20 && c <= 0x7e) || c == 0x00b0 || c == 0x00b7 ||
	    c == 0x00d7 || (c >= 0x2010 && c <= 0x2015) || c == 0x2022 ||
	    (c >= 0x2190 && c <= 0x21ff) || (c >= 0x2500 && c <= 0x259f) ||
	    (c >= 0x25a0 && c <= 0x25ff && c != 0x25fd && c != 0x25fe);
}

/* The stand-in of a geometric shape (U+25A0-U+25FF) not in single[]. */
static char
shape_ascii(uint32_t c)
{
	if ((c >= 0x25cb && c <= 0x25d5) || c == 0x25ef)
		return 'O';             /* circles */
	if (c >= 0x25b6 && c <= 0x25bb)
		return '>';
	if (c >= 0x25bc && c <= 0x25bf)
		return 'v';
	if (c >= 0x25c0 && c <= 0x25c5)
		return '<';
	if (c <= 0x25af)
		return '#';             /* squares and rectangles */
	return '*';
}

char
figure_ascii_char(uint32_t c)
{
	if (c >= 0x20 && c <= 0x7e)
		return (char)c;
	for (size_t i = 0; i < COUNT(single); i++)
		if (single[i].c == c)
			return single[i].a;
	if (c >= 0x2010 && c <= 0x2015)
		return '-';
	if (listed(box_horizontal, COUNT(box_horizontal), c))
		return '-';
	if (listed(box_vertical, COUNT(box_vertical), c))
		return '|';
	if (c >= 0x2500 && c <= 0x257f)
		return '+';             /* corners, tees, crosses */
	if (c >= 0x2580 && c <= 0x259f)
		return '#';             /* blocks */
	if (c >= 0x25a0 && c <= 0x25ff)
		return shape_ascii(c);
	if (c >= 0x2190 && c <= 0x21ff)
		return '*';             /* other arrows */
	return '?';
}

uint32_t
figure_mirror_char(uint32_t c)
{
	for (size_t i = 0; i < COUNT(mirrors); i++) {
		if (mirrors[i][0] == c)
			return mirrors[i][1];
		if (mirrors[i][1] == c)
			return mirrors[i][0];
	}
	return c;
}

size_t
figure_ascii(const char *s, char *out, size_t cap)
{
	size_t n = strlen(s), used = 0;
	uint32_t c;

	for (size_t i = 0; i < n; used++) {
		size_t len = text_utf8(s + i, n - i, &c);
		if (used + 1 < cap)
			out[used] = len ? figure_ascii_char(c) : '?';
		i += len ? len : 1;
	}
	if (cap > 0)
		out[used < cap ? used : cap - 1] = '\0';
	return used;
}

/* c as UTF-8 into p (4 bytes at least); returns its length. */
static size_t
utf8_put(uint32_t c, char *p)
{
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xc0 | c >> 6);
		p[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	p[0] = (char)(0xe0 | c >> 12);          /* figures stay in the BMP */
	p[1] = (char)(0x80 | (c >> 6 & 0x3f));
	p[2] = (char)(0x80 | (c & 0x3f));
	return 3;
}

/* The characters of the Linux console's fonts: code page 437's line
 * drawing and blocks, in the kernel's own font and console-setup's. */
static bool
console_has(uint32_t c)
{
	static const uint16_t light[] = { 0x2500, 0x2502, 0x250c, 0x2510,
		0x2514, 0x2518, 0x251c, 0x2524, 0x252c, 0x2534, 0x253c };
	static const uint16_t blocks[] = { 0x2580, 0x2584, 0x2588, 0x258c,
		0x2590, 0x2591, 0x2592, 0x2593, 0x25a0 };

	return (c >= 0x20 && c <= 0x7e) || c == 0x00b0 || c == 0x00b7 ||
	    listed(light, COUNT(light), c) || (c >= 0x2550 && c <= 0x256c) ||
	    listed(blocks, COUNT(blocks), c);
}

uint32_t
figure_console_char(uint32_t c)
{
	/* heavy, dashed and rounded lines drawn light; a corner, tee or
	 * cross by the light one of its family (U+250C-U+254B) */
	static const struct { uint16_t from, to, as; } families[] = {
		{ 0x250c, 0x250f, 0x250c }, { 0x2510, 0x2513, 0x2510 },
		{ 0x2514, 0x2517, 0x2514 }, { 0x2518, 0x251b, 0x2518 },
		{ 0x251c, 0x2523, 0x251c }, { 0x2524, 0x252b, 0x2524 },
		{ 0x252c, 0x2533, 0x252c }, { 0x2534, 0x253b, 0x2534 },
		{ 0x253c, 0x254b, 0x253c }, { 0x256d, 0x256d, 0x250c },
		{ 0x256e, 0x256e, 0x2510 }, { 0x256f, 0x256f, 0x2518 },
		{ 0x2570, 0x2570, 0x2514 }, { 0x2594, 0x2594, 0x2580 },
	};

	if (console_has(c))
		return c;
	if (listed(box_horizontal, COUNT(box_horizontal), c))
		return 0x2500;
	if (listed(box_vertical, COUNT(box_vertical), c))
		return 0x2502;
	for (size_t i = 0; i < COUNT(families); i++)
		if (c >= families[i].from && c <= families[i].to)
			return families[i].as;
	return (uint32_t)(unsigned char)figure_ascii_char(c);
}

size_t
figure_console(const char *s, char *out, size_t cap)
{
	size_t n = strlen(s), used = 0;
	uint32_t c;
	char buf[4];

	for (size_t i = 0; i < n;) {
		size_t len = text_utf8(s + i, n - i, &c);
		size_t k = utf8_put(len ? figure_console_char(c) : '?', buf);
		if (used + k < cap)
			memcpy(out + used, buf, k);
		used += k;
		i += len ? len : 1;
	}
	if (cap > 0)
		out[used < cap ? used : cap - 1] = '\0';
	return used;
}

char *
figure_mirror_row(const char *s, int width)
{
	uint32_t cps[FIGURE_MAX_COLS * 2];
	size_t n = strlen(s), k = 0;

	for (size_t i = 0; i < n && k < COUNT(cps); k++) {
		size_t len = text_utf8(s + i, n - i, &cps[k]);
		if (len == 0)
			cps[k] = '?';
		i += len ? len : 1;
	}
	while ((int)k < width && k < COUNT(cps))
		cps[k++] = ' ';
	char *out = malloc(k * 3 + 1), *p = out;
	if (out == NULL)
		return NULL;
	for (size_t i = k; i > 0; i--)
		p += utf8_put(figure_mirror_char(cps[i - 1]), p);
	*p = '\0';
	n = strlen(out);
	while (n > 0 && out[n - 1] == ' ')
		out[--n] = '\0';
	return out;
}

/* A growing string; oom once anything could not be added. */
struct buf {
	char *p;
	size_t n, cap;
	bool oom;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->n + n + 1) * 2;
		char *p = realloc(b->p, cap);
		if (p == NULL) {
			b->oom = true;
			return;
		}
		b->p = p, b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/* s (ASCII when ascii) padded with spaces to w columns. */
static void
put_cell(struct buf *b, const char *s, bool ascii, int w)
{
	char a[FIGURE_MAX_LABEL * 4 + FIGURE_MAX_COLS * 4 + 1];
	int used;

	if (ascii) {
		figure_ascii(s, a, sizeof a);
		s = a;
	}
	put(b, s, strlen(s));
	for (used = (int)text_chars(s); used < w; used++)
		put(b, " ", 1);
}

/* Drops the spaces at the end of the line being written. */
static void
end_line(struct buf *b)
{
	while (b->n > 0 && b->p[b->n - 1] == ' ')
		b->p[--b->n] = '\0';
	put(b, "\n", 1);
}

/* The frames of f listed in v[0..n) side by side, bottoms level, labels
 * under. */
static void
band(struct buf *b, const struct figure *f, const int *v, int n, bool ascii)
{
	int h = 0, w[FIGURE_MAX_FRAMES];
	bool labels = false;

	for (int i = 0; i < n; i++) {
		const struct figure_frame *fr = &f->frames[v[i]];
		int lw = fr->label ? (int)text_chars(fr->label) : 0;
		w[i] = fr->width > lw ? fr->width : lw;
		h = fr->nrows > h ? fr->nrows : h;
		labels |= fr->label != NULL;
	}
	for (int r = 0; r < h; r++) {
		for (int i = 0; i < n; i++) {
			const struct figure_frame *fr = &f->frames[v[i]];
			int k = r - (h - fr->nrows);
			put_cell(b, k >= 0 ? fr->rows[k] : "", ascii, w[i] + 3);
		}
		end_line(b);
	}
	for (int i = 0; i < n && labels; i++)
		put_cell(b, f->frames[v[i]].label ? f->frames[v[i]].label : "",
		    ascii, w[i] + 3);
	if (labels)
		end_line(b);
}

char *
figure_render(const struct figure *f, bool ascii, int cols, bool mirrored)
{
	struct buf b = { 0 };
	int v[FIGURE_MAX_FRAMES], n = 0, used = 0, bands = 0;

	put(&b, "", 0);
	for (int i = 0; i <= f->nframes; i++) {
		const struct figure_frame *fr = &f->frames[i < f->nframes ? i : 0];
		int lw = fr->label ? (int)text_chars(fr->label) : 0;
		int w = (fr->width > lw ? fr->width : lw) + (n > 0 ? 3 : 0);
		if (i < f->nframes && fr->mirrored && !mirrored)
			continue;
		if (n > 0 && (i == f->nframes || used + w > cols)) {
			if (bands++ > 0)
				put(&b, "\n", 1);
			band(&b, f, v, n, ascii);
			n = used = 0;
			w -= 3;
		}
		if (i < f->nframes) {
			v[n++] = i;
			used += w;
		}
	}
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

bool
figure_id_ok(const char *id, const char **why)
{
	const char *bad = NULL;

	if (*id == '\0' || *id == '.')
		bad = "must not be empty or start with '.'";
	else if (strlen(id) > FIGURE_MAX_ID)
		bad = "is too long for a figure's name";
	else if (strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-_.") != strlen(id))
		bad = "may hold only letters, digits, '-', '_' and '.': it names "
		    "a file in a figures directory";
	if (bad && why)
		*why = bad;
	return bad == NULL;
}

/* The words a step adds: its role's, its phase's, its side's, its rep's. */
static int
step_words(const char *role, const char *phase, int side, int rep,
    char *buf, size_t cap, const char **w)
{
	int n = 0;

	if (role != NULL) {
		w[n++] = role;
		/* getting ready, resting: the starting position */
		if (strcmp(role, "ready") == 0 || strcmp(role, "rest") == 0 ||
		    strcmp(role, "switch") == 0)
			w[n++] = "relax";
		if (strcmp(role, "switch") == 0)
			w[n++] = "rest";
	}
	if (side > 0)
		w[n++] = side == 1 ? "left" : "right";
	if (rep > 0)
		w[n++] = rep % 2 ? "odd" : "even";
	return n + words_split(phase, buf, cap, w + n, MAX_WORDS - n);
}

const struct figure_frame *
figure_pick(const struct figure *f, const char *role, const char *phase,
    int side, int rep)
{
	char sbuf[256], lbuf[FIGURE_MAX_LABEL * 4 + 1];
	const char *sw[MAX_WORDS], *lw[MAX_WORDS];
	int ns = step_words(role, phase, side, rep, sbuf, sizeof sbuf, sw);
	int best = -1, best_in = -1, best_out = 0;
	bool best_all = false;

	for (int i = 0; i < f->nframes; i++) {
		int nl = words_split(f->frames[i].label, lbuf, sizeof lbuf, lw, MAX_WORDS);
		int in = 0;
		for (int j = 0; j < nl; j++)
			for (int k = 0; k < ns; k++)
				if (strcasecmp(lw[j], sw[k]) == 0) {
					in++;
					break;
				}
		int out = nl - in;
		bool all = out == 0;
		if (best < 0 || (all && !best_all) || (all == best_all &&
		    (in > best_in || (in == best_in && out < best_out)))) {
			best = i, best_in = in, best_out = out, best_all = all;
		}
	}
	return best < 0 ? NULL : &f->frames[best];
}
