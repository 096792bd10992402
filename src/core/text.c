/*
 * text.c - strict UTF-8, control characters, and escaping (text.h).
 */
#include "text.h"

#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t
text_utf8(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t len;
	uint32_t c;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

bool
text_is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

bool
text_check(const char *s, const char *allowed, const char **why)
{
	uint32_t c;

	while ((unsigned char)*s - 0x20u < 0x5fu)
		s++;                            /* printable ASCII: most text */
	if (*s == '\0')
		return true;
	size_t n = strlen(s);
	for (size_t i = 0; i < n; ) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b < 0x7f) {    /* printable ASCII: most text */
			i++;
			continue;
		}
		size_t len = text_utf8(s + i, n - i, &c);
		if (len == 0) {
			if (why)
				*why = "is not valid UTF-8";
			return false;
		}
		if (text_is_control(c) && (c == 0 || strchr(allowed, (int)c) == NULL)) {
			if (why)
				*why = "holds a control character (a tab, a line break, "
				    "an escape...)";
			return false;
		}
		i += len;
	}
	return true;
}

size_t
text_chars(const char *s)
{
	size_t n = strlen(s), chars = 0;
	uint32_t c;

	for (size_t i = 0; i < n; chars++) {
		size_t len = text_utf8(s + i, n - i, &c);
		i += len ? len : 1;
	}
	return chars;
}

/* The bidirectional formatting characters, which can make text read in an
 * order other than the bytes': embeddings, overrides, isolates, marks. */
bool
text_is_bidi(uint32_t c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200e || c == 0x200f || c == 0x061c;
}

/* Appends n bytes of p to out (cap), counting them in *used. */
static void
put(char *out, size_t cap, size_t *used, const char *p, size_t n)
{
	if (*used < cap) {
		size_t room = cap - *used;
		memcpy(out + *used, p, n < room ? n : room);
	}
	*used += n;
}

size_t
text_escape(const char *s, char *out, size_t cap)
{
	size_t n = strlen(s), used = 0;
	char esc[16];
	uint32_t c;

	for (size_t i = 0; i < n; ) {
		size_t len = text_utf8(s + i, n - i, &c);
		if (len == 0) {
			put(out, cap, &used, "?", 1);
			i++;
			continue;
		}
		if (c == 0x1b)
			put(out, cap, &used, "\\e", 2);
		else if (c == '\t')            /* a column would be thrown out */
			put(out, cap, &used, "\\t", 2);
		else if (text_is_control(c) && c != '\n')
			put(out, cap, &used, esc, (size_t)snprintf(esc, sizeof esc,
			    "\\x%02x", (unsigned)c));
		else if (text_is_bidi(c))
			put(out, cap, &used, esc, (size_t)snprintf(esc, sizeof esc,
			    "\\u%04x", (unsigned)c));
		else
			put(out, cap, &used, s + i, len);
		i += len;
	}
	if (cap > 0)
		out[used < cap ? used : cap - 1] = '\0';
	return used;
}

/* Ranges of code points, first and last, sorted. */
struct range {
	uint32_t lo, hi;
};

/*
 * The widths of glibc 2.36's wcwidth() in C.UTF-8 (Unicode 15), as ranges;
 * unassigned code points inside a range go with it.  test_text.c checks
 * that the two agree on every assigned code point.
 */

/* Zero width: combining marks, Hangul medial and final jamo, format
 * characters (zero-width spaces and joiners, bidi marks), variation
 * selectors. */
static const struct range zero[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 },
	{ 0x05c7, 0x05c7 }, { 0x0610, 0x061a }, { 0x061c, 0x061c },
	{ 0x064b, 0x065f }, { 0x0670, 0x0670 }, { 0x06d6, 0x06dc },
	{ 0x06df, 0x06e4 }, { 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed },
	{ 0x0711, 0x0711 }, { 0x0730, 0x074a }, { 0x07a6, 0x07b0 },
	{ 0x07eb, 0x07f3 }, { 0x07fd, 0x07fd }, { 0x0816, 0x0819 },
	{ 0x081b, 0x0823 }, { 0x0825, 0x0827 }, { 0x0829, 0x082d },
	{ 0x0859, 0x085b }, { 0x0898, 0x089f }, { 0x08ca, 0x08e1 },
	{ 0x08e3, 0x0902 }, { 0x093a, 0x093a }, { 0x093c, 0x093c },
	{ 0x0941, 0x0948 }, { 0x094d, 0x094d }, { 0x0951, 0x0957 },
	{ 0x0962, 0x0963 }, { 0x0981, 0x0981 }, { 0x09bc, 0x09bc },
	{ 0x09c1, 0x09c4 }, { 0x09cd, 0x09cd }, { 0x09e2, 0x09e3 },
	{ 0x09fe, 0x0a02 }, { 0x0a3c, 0x0a3c }, { 0x0a41, 0x0a51 },
	{ 0x0a70, 0x0a71 }, { 0x0a75, 0x0a75 }, { 0x0a81, 0x0a82 },
	{ 0x0abc, 0x0abc }, { 0x0ac1, 0x0ac8 }, { 0x0acd, 0x0acd },
	{ 0x0ae2, 0x0ae3 }, { 0x0afa, 0x0b01 }, { 0x0b3c, 0x0b3c },
	{ 0x0b3f, 0x0b3f }, { 0x0b41, 0x0b44 }, { 0x0b4d, 0x0b56 },
	{ 0x0b62, 0x0b63 }, { 0x0b82, 0x0b82 }, { 0x0bc0, 0x0bc0 },
	{ 0x0bcd, 0x0bcd }, { 0x0c00, 0x0c00 }, { 0x0c04, 0x0c04 },
	{ 0x0c3c, 0x0c3c }, { 0x0c3e, 0x0c40 }, { 0x0c46, 0x0c56 },
	{ 0x0c62, 0x0c63 }, { 0x0c81, 0x0c81 }, { 0x0cbc, 0x0cbc },
	{ 0x0cbf, 0x0cbf }, { 0x0cc6, 0x0cc6 }, { 0x0ccc, 0x0ccd },
	{ 0x0ce2, 0x0ce3 }, { 0x0d00, 0x0d01 }, { 0x0d3b, 0x0d3c },
	{ 0x0d41, 0x0d44 }, { 0x0d4d, 0x0d4d }, { 0x0d62, 0x0d63 },
	{ 0x0d81, 0x0d81 }, { 0x0dca, 0x0dca }, { 0x0dd2, 0x0dd6 },
	{ 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e },
	{ 0x0eb1, 0x0eb1 }, { 0x0eb4, 0x0ebc }, { 0x0ec8, 0x0ecd },
	{ 0x0f18, 0x0f19 }, { 0x0f35, 0x0f35 }, { 0x0f37, 0x0f37 },
	{ 0x0f39, 0x0f39 }, { 0x0f71, 0x0f7e }, { 0x0f80, 0x0f84 },
	{ 0x0f86, 0x0f87 }, { 0x0f8d, 0x0fbc }, { 0x0fc6, 0x0fc6 },
	{ 0x102d, 0x1030 }, { 0x1032, 0x1037 }, { 0x1039, 0x103a },
	{ 0x103d, 0x103e }, { 0x1058, 0x1059 }, { 0x105e, 0x1060 },
	{ 0x1071, 0x1074 }, { 0x1082, 0x1082 }, { 0x1085, 0x1086 },
	{ 0x108d, 0x108d }, { 0x109d, 0x109d }, { 0x1160, 0x11ff },
	{ 0x135d, 0x135f }, { 0x1712, 0x1714 }, { 0x1732, 0x1733 },
	{ 0x1752, 0x1753 }, { 0x1772, 0x1773 }, { 0x17b4, 0x17b5 },
	{ 0x17b7, 0x17bd }, { 0x17c6, 0x17c6 }, { 0x17c9, 0x17d3 },
	{ 0x17dd, 0x17dd }, { 0x180b, 0x180f }, { 0x1885, 0x1886 },
	{ 0x18a9, 0x18a9 }, { 0x1920, 0x1922 }, { 0x1927, 0x1928 },
	{ 0x1932, 0x1932 }, { 0x1939, 0x193b }, { 0x1a17, 0x1a18 },
	{ 0x1a1b, 0x1a1b }, { 0x1a56, 0x1a56 }, { 0x1a58, 0x1a60 },
	{ 0x1a62, 0x1a62 }, { 0x1a65, 0x1a6c }, { 0x1a73, 0x1a7f },
	{ 0x1ab0, 0x1b03 }, { 0x1b34, 0x1b34 }, { 0x1b36, 0x1b3a },
	{ 0x1b3c, 0x1b3c }, { 0x1b42, 0x1b42 }, { 0x1b6b, 0x1b73 },
	{ 0x1b80, 0x1b81 }, { 0x1ba2, 0x1ba5 }, { 0x1ba8, 0x1ba9 },
	{ 0x1bab, 0x1bad }, { 0x1be6, 0x1be6 }, { 0x1be8, 0x1be9 },
	{ 0x1bed, 0x1bed }, { 0x1bef, 0x1bf1 }, { 0x1c2c, 0x1c33 },
	{ 0x1c36, 0x1c37 }, { 0x1cd0, 0x1cd2 }, { 0x1cd4, 0x1ce0 },
	{ 0x1ce2, 0x1ce8 }, { 0x1ced, 0x1ced }, { 0x1cf4, 0x1cf4 },
	{ 0x1cf8, 0x1cf9 }, { 0x1dc0, 0x1dff }, { 0x200b, 0x200f },
	{ 0x202a, 0x202e }, { 0x2060, 0x206f }, { 0x20d0, 0x20f0 },
	{ 0x2cef, 0x2cf1 }, { 0x2d7f, 0x2d7f }, { 0x2de0, 0x2dff },
	{ 0x302a, 0x302d }, { 0x3099, 0x309a }, { 0xa66f, 0xa672 },
	{ 0xa674, 0xa67d }, { 0xa69e, 0xa69f }, { 0xa6f0, 0xa6f1 },
	{ 0xa802, 0xa802 }, { 0xa806, 0xa806 }, { 0xa80b, 0xa80b },
	{ 0xa825, 0xa826 }, { 0xa82c, 0xa82c }, { 0xa8c4, 0xa8c5 },
	{ 0xa8e0, 0xa8f1 }, { 0xa8ff, 0xa8ff }, { 0xa926, 0xa92d },
	{ 0xa947, 0xa951 }, { 0xa980, 0xa982 }, { 0xa9b3, 0xa9b3 },
	{ 0xa9b6, 0xa9b9 }, { 0xa9bc, 0xa9bd }, { 0xa9e5, 0xa9e5 },
	{ 0xaa29, 0xaa2e }, { 0xaa31, 0xaa32 }, { 0xaa35, 0xaa36 },
	{ 0xaa43, 0xaa43 }, { 0xaa4c, 0xaa4c }, { 0xaa7c, 0xaa7c },
	{ 0xaab0, 0xaab0 }, { 0xaab2, 0xaab4 }, { 0xaab7, 0xaab8 },
	{ 0xaabe, 0xaabf }, { 0xaac1, 0xaac1 }, { 0xaaec, 0xaaed },
	{ 0xaaf6, 0xaaf6 }, { 0xabe5, 0xabe5 }, { 0xabe8, 0xabe8 },
	{ 0xabed, 0xabed }, { 0xd7b0, 0xd7fb }, { 0xfb1e, 0xfb1e },
	{ 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff },
	{ 0xfff9, 0xfffb }, { 0x101fd, 0x101fd }, { 0x102e0, 0x102e0 },
	{ 0x10376, 0x1037a }, { 0x10a01, 0x10a0f }, { 0x10a38, 0x10a3f },
	{ 0x10ae5, 0x10ae6 }, { 0x10d24, 0x10d27 }, { 0x10eab, 0x10eac },
	{ 0x10f46, 0x10f50 }, { 0x10f82, 0x10f85 }, { 0x11001, 0x11001 },
	{ 0x11038, 0x11046 }, { 0x11070, 0x11070 }, { 0x11073, 0x11074 },
	{ 0x1107f, 0x11081 }, { 0x110b3, 0x110b6 }, { 0x110b9, 0x110ba },
	{ 0x110c2, 0x110c2 }, { 0x11100, 0x11102 }, { 0x11127, 0x1112b },
	{ 0x1112d, 0x11134 }, { 0x11173, 0x11173 }, { 0x11180, 0x11181 },
	{ 0x111b6, 0x111be }, { 0x111c9, 0x111cc }, { 0x111cf, 0x111cf },
	{ 0x1122f, 0x11231 }, { 0x11234, 0x11234 }, { 0x11236, 0x11237 },
	{ 0x1123e, 0x1123e }, { 0x112df, 0x112df }, { 0x112e3, 0x112ea },
	{ 0x11300, 0x11301 }, { 0x1133b, 0x1133c }, { 0x11340, 0x11340 },
	{ 0x11366, 0x11374 }, { 0x11438, 0x1143f }, { 0x11442, 0x11444 },
	{ 0x11446, 0x11446 }, { 0x1145e, 0x1145e }, { 0x114b3, 0x114b8 },
	{ 0x114ba, 0x114ba }, { 0x114bf, 0x114c0 }, { 0x114c2, 0x114c3 },
	{ 0x115b2, 0x115b5 }, { 0x115bc, 0x115bd }, { 0x115bf, 0x115c0 },
	{ 0x115dc, 0x115dd }, { 0x11633, 0x1163a }, { 0x1163d, 0x1163d },
	{ 0x1163f, 0x11640 }, { 0x116ab, 0x116ab }, { 0x116ad, 0x116ad },
	{ 0x116b0, 0x116b5 }, { 0x116b7, 0x116b7 }, { 0x1171d, 0x1171f },
	{ 0x11722, 0x11725 }, { 0x11727, 0x1172b }, { 0x1182f, 0x11837 },
	{ 0x11839, 0x1183a }, { 0x1193b, 0x1193c }, { 0x1193e, 0x1193e },
	{ 0x11943, 0x11943 }, { 0x119d4, 0x119db }, { 0x119e0, 0x119e0 },
	{ 0x11a01, 0x11a0a }, { 0x11a33, 0x11a38 }, { 0x11a3b, 0x11a3e },
	{ 0x11a47, 0x11a47 }, { 0x11a51, 0x11a56 }, { 0x11a59, 0x11a5b },
	{ 0x11a8a, 0x11a96 }, { 0x11a98, 0x11a99 }, { 0x11c30, 0x11c3d },
	{ 0x11c3f, 0x11c3f }, { 0x11c92, 0x11ca7 }, { 0x11caa, 0x11cb0 },
	{ 0x11cb2, 0x11cb3 }, { 0x11cb5, 0x11cb6 }, { 0x11d31, 0x11d45 },
	{ 0x11d47, 0x11d47 }, { 0x11d90, 0x11d91 }, { 0x11d95, 0x11d95 },
	{ 0x11d97, 0x11d97 }, { 0x11ef3, 0x11ef4 }, { 0x13430, 0x13438 },
	{ 0x16af0, 0x16af4 }, { 0x16b30, 0x16b36 }, { 0x16f4f, 0x16f4f },
	{ 0x16f8f, 0x16f92 }, { 0x16fe4, 0x16fe4 }, { 0x1bc9d, 0x1bc9e },
	{ 0x1bca0, 0x1cf46 }, { 0x1d167, 0x1d169 }, { 0x1d173, 0x1d182 },
	{ 0x1d185, 0x1d18b }, { 0x1d1aa, 0x1d1ad }, { 0x1d242, 0x1d244 },
	{ 0x1da00, 0x1da36 }, { 0x1da3b, 0x1da6c }, { 0x1da75, 0x1da75 },
	{ 0x1da84, 0x1da84 }, { 0x1da9b, 0x1daaf }, { 0x1e000, 0x1e02a },
	{ 0x1e130, 0x1e136 }, { 0x1e2ae, 0x1e2ae }, { 0x1e2ec, 0x1e2ef },
	{ 0x1e8d0, 0x1e8d6 }, { 0x1e944, 0x1e94a },
};

/* Two columns: East Asian wide and fullwidth characters, and emoji. */
static const struct range wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x3029 },
	{ 0x302e, 0x303e }, { 0x3041, 0x3096 }, { 0x309b, 0xa4c6 },
	{ 0xa960, 0xa97c }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfad9 },
	{ 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6b }, { 0xff01, 0xff60 },
	{ 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe3 }, { 0x16ff0, 0x1b2fb },
	{ 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e },
	{ 0x1f191, 0x1f19a }, { 0x1f200, 0x1f320 }, { 0x1f32d, 0x1f335 },
	{ 0x1f337, 0x1f37c }, { 0x1f37e, 0x1f393 }, { 0x1f3a0, 0x1f3ca },
	{ 0x1f3cf, 0x1f3d3 }, { 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 },
	{ 0x1f3f8, 0x1f43e }, { 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc },
	{ 0x1f4ff, 0x1f53d }, { 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 },
	{ 0x1f57a, 0x1f57a }, { 0x1f595, 0x1f596 }, { 0x1f5a4, 0x1f5a4 },
	{ 0x1f5fb, 0x1f64f }, { 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc },
	{ 0x1f6d0, 0x1f6d2 }, { 0x1f6d5, 0x1f6df }, { 0x1f6eb, 0x1f6ec },
	{ 0x1f6f4, 0x1f6fc }, { 0x1f7e0, 0x1f7f0 }, { 0x1f90c, 0x1f93a },
	{ 0x1f93c, 0x1f945 }, { 0x1f947, 0x1f9ff }, { 0x1fa70, 0x1faf6 },
	{ 0x20000, 0x3134a },
};

static bool
in(const struct range *r, size_t n, uint32_t c)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c < r[mid].lo)
			hi = mid;
		else if (c > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int
text_cp_width(uint32_t c)
{
	if (c < 0x300)
		return 1;
	if (in(zero, sizeof zero / sizeof zero[0], c))
		return 0;
	return in(wide, sizeof wide / sizeof wide[0], c) ? 2 : 1;
}

/* The next character of s (n bytes left): its length, and its width. */
static size_t
next_char(const char *s, size_t n, int *w)
{
	uint32_t c;
	size_t len = text_utf8(s, n, &c);

	*w = len ? text_cp_width(c) : 1;
	return len ? len : 1;
}

int
text_width(const char *s)
{
	size_t n = strlen(s);
	int cols = 0, w;

	for (size_t i = 0; i < n; cols += w)
		i += next_char(s + i, n - i, &w);
	return cols;
}

/* Appends k spaces. */
static void
spaces(char *out, size_t cap, size_t *used, int k)
{
	for (; k > 0; k--)
		put(out, cap, used, " ", 1);
}

size_t
text_fit(const char *s, int cols, bool right, char *out, size_t cap)
{
	size_t n = strlen(s), keep = 0, used = 0;
	int width = text_width(s), kept = 0, w;

	if (cols < 0)
		cols = 0;
	if (width <= cols) {
		if (right)
			spaces(out, cap, &used, cols - width);
		put(out, cap, &used, s, n);
		if (!right)
			spaces(out, cap, &used, cols - width);
	} else if (cols > 0) {
		/* the characters that fit in cols - 1, then the ellipsis */
		for (size_t len; keep < n; keep += len, kept += w) {
			len = next_char(s + keep, n - keep, &w);
			if (kept + w > cols - 1)
				break;
		}
		put(out, cap, &used, s, keep);
		put(out, cap, &used, "\u2026", 3);
		spaces(out, cap, &used, cols - 1 - kept);
	}
	if (cap > 0)
		out[used < cap ? used : cap - 1] = '\0';
	return used;
}

void
text_copy(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src, cap - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
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
#endif

/* Sixteen bytes at a time with SSE2 (every x86-64 has it), else eight in
 * a word: a history line has a TAB every few bytes, and a memchr per
 * field cost a reader a fifth of its time.  The NUL check rides along:
 * a line that holds one is refused without a second pass.  The last
 * bytes of a line of 16 or more are read as the 16 that end it, the bits
 * of those already split shifted out. */
int
text_split_tabs(char *line, size_t len, char **f, int max)
{
	return text_split_plain(line, len, f, max, NULL);
}

/* Whether byte c is plain: printable ASCII but backslash, or TAB. */
static inline bool
plain_byte(char c)
{
	return ((unsigned char)c - 0x20u < 0x5fu && c != '\\') || c == '\t';
}

int
text_split_plain(char *line, size_t len, char **f, int max, bool *plain)
{
	char *end = line + len, *p = line;
	int n = 1;
	bool nul = false;
	unsigned odd = 0;

	f[0] = line;
#if defined(__SSE2__)
	for (; p < end && len >= 16; p += 16) {
		unsigned m, z, o;
		if (end - p >= 16) {
			m = tab_bits(p, &z, &o);
		} else {                /* the bytes before p are split already */
			int done = 16 - (int)(end - p);
			m = tab_bits(end - 16, &z, &o) >> done;
			z >>= done;
			o >>= done;
		}
		odd |= o;
		if (z != 0)
			return -1;
		for (; m != 0; m &= m - 1) {
			if (n == max)
				return max + 1;
			char *t = p + __builtin_ctz(m);
			*t = '\0';
			f[n++] = t + 1;
		}
	}
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t lo7 = 0x7f7f7f7f7f7f7f7fULL, tabs = 0x0909090909090909ULL;
	for (; end - p >= 8; p += 8) {
		uint64_t x, z;
		memcpy(&x, p, 8);
		z = ~(((x & lo7) + lo7) | x | lo7);     /* its zero bytes */
		if (z != 0)
			return -1;
		odd = 1;                        /* (not worked out here) */
		x ^= tabs;                      /* a TAB is now a zero byte */
		for (uint64_t m = ~(((x & lo7) + lo7) | x | lo7); m != 0;
		    m &= m - 1)
		{
			if (n == max)
				return max + 1;
			char *t = p + (__builtin_ctzll(m) >> 3);
			*t = '\0';
			f[n++] = t + 1;
		}
	}
#endif
	for (; p < end; p++) {
		nul |= *p == '\0';
		odd |= !plain_byte(*p);
		if (*p != '\t')
			continue;
		if (n == max)
			return max + 1;
		*p = '\0';
		f[n++] = p + 1;
	}
	if (nul)
		return -1;
	*end = '\0';
	if (plain != NULL)
		*plain = odd == 0;
	return n;
}
