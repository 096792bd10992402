/*
 * text_split.c - a history line into its fields, where the reader spends
 * most of its time (text.h).
 *
 * Part of the pure core.  Sixteen bytes at a time with SSE2 (every x86-64
 * has it), else eight in a word, else one: a history line has a TAB every
 * few bytes, and a memchr per field cost a reader a fifth of its time.
 * The NUL check and whether the line is plain (no escape, nothing to
 * check) ride along, so that nothing reads the line a second time.
 */
#include "text.h"

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* A line being split. */
struct split {
	char **f;
	int n, max;             /* fields found, and the most there may be */
	unsigned odd;           /* a byte that is not plain was seen */
	bool nul;               /* a NUL byte was seen */
};

/* A field ends at t, a TAB, and the next starts after it; false when
 * there would be more than max. */
static inline bool
field_at(struct split *s, char *t)
{
	if (s->n == s->max)
		return false;
	*t = '\0';
	s->f[s->n++] = t + 1;
	return true;
}

/* Whether byte c is plain: printable ASCII but backslash, or TAB. */
static inline bool
plain_byte(char c)
{
	return ((unsigned char)c - 0x20u < 0x5fu && c != '\\') || c == '\t';
}

#if defined(__SSE2__)
/* The TABs of the 16 bytes at p as bits; in *nul their NUL bytes, and in
 * *odd those that are not plain (below: a control character but TAB, DEL,
 * a byte of UTF-8 beyond ASCII, a backslash). */
static inline unsigned
tab_bits(const char *p, unsigned *nul, unsigned *odd)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i tab = _mm_cmpeq_epi8(x, _mm_set1_epi8('\t'));
	__m128i low = _mm_cmplt_epi8(x, _mm_set1_epi8(0x20));  /* and >= 0x80 */
	__m128i other = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(0x7f)),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));

	*nul = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128()));
	*odd = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(tab, low),
	    other));
	return (unsigned)_mm_movemask_epi8(tab);
}

/* Splits line[0..len) sixteen bytes at a time; the bytes of a last block
 * shorter than that are read as the 16 that end the line, the bits of
 * those already split shifted out.  Returns where it stopped (the end),
 * or NULL at a NUL or too many fields (s says which). */
static char *
split_blocks(struct split *s, char *line, size_t len)
{
	char *end = line + len, *p = line;

	for (; p < end && len >= 16; p += 16) {
		unsigned m, z, o;
		if (end - p >= 16) {
			m = tab_bits(p, &z, &o);
		} else {
			int done = 16 - (int)(end - p);
			m = tab_bits(end - 16, &z, &o) >> done;
			z >>= done;
			o >>= done;
		}
		s->odd |= o;
		if ((s->nul = z != 0))
			return NULL;
		for (; m != 0; m &= m - 1)
			if (!field_at(s, p + __builtin_ctz(m)))
				return NULL;
	}
	return p < end ? p : end;
}
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ONES 0x0101010101010101ULL
#define LO7 (ONES * 0x7f)

/* 0x80 in each zero byte of x, exactly (no carry between bytes). */
static inline uint64_t
zero_bytes(uint64_t x)
{
	return ~(((x & LO7) + LO7) | x | LO7);
}

/* 0x80 in each byte of x that is not plain; tabs: 0x80 in its TABs. */
static inline uint64_t
odd_bytes(uint64_t x, uint64_t tabs)
{
	uint64_t y = x | tabs >> 2;     /* a TAB is now ')', a plain byte */

	return (~(((y & LO7) + ONES * 0x60) | y) & ONES * 0x80) |  /* < 0x20 */
	    (y & ONES * 0x80) | zero_bytes(y ^ ONES * 0x7f) |
	    zero_bytes(y ^ ONES * '\\');
}

/* Eight bytes at a time, in a word. */
static char *
split_blocks(struct split *s, char *line, size_t len)
{
	char *end = line + len, *p = line;

	for (; end - p >= 8; p += 8) {
		uint64_t x;
		memcpy(&x, p, 8);
		if ((s->nul = zero_bytes(x) != 0))
			return NULL;
		uint64_t tabs = zero_bytes(x ^ ONES * '\t');
		s->odd |= odd_bytes(x, tabs) != 0;
		for (uint64_t m = tabs; m != 0; m &= m - 1)
			if (!field_at(s, p + (__builtin_ctzll(m) >> 3)))
				return NULL;
	}
	return p;
}
#else
static char *
split_blocks(struct split *s, char *line, size_t len)
{
	(void)s, (void)len;
	return line;
}
#endif

int
text_split_tabs(char *line, size_t len, char **f, int max)
{
	return text_split_plain(line, len, f, max, NULL);
}

int
text_split_plain(char *line, size_t len, char **f, int max, bool *plain)
{
	struct split s = { .f = f, .n = 1, .max = max };
	char *end = line + len, *p;

	f[0] = line;
	if ((p = split_blocks(&s, line, len)) == NULL)
		return s.nul ? -1 : max + 1;
	for (; p < end; p++) {          /* the bytes left, one at a time */
		s.nul |= *p == '\0';
		s.odd |= !plain_byte(*p);
		if (*p == '\t' && !field_at(&s, p))
			return max + 1;
	}
	if (s.nul)
		return -1;
	*end = '\0';
	if (plain != NULL)
		*plain = s.odd == 0;
	return s.n;
}
