/*
 * test_text.c - text from files made safe (text.c): strict UTF-8, control
 * characters, counting, and the one escaping function; the growing
 * string (sbuf.c) that the report and the history export write into.
 * Linked against the pure core only.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>
#include <cmocka.h>
#include <stdlib.h>

#include "sbuf.h"
#include "text.h"

static size_t
decode(const char *s, uint32_t *c)
{
	return text_utf8(s, strlen(s), c);
}

/* Strict: no overlong forms, no surrogates, nothing above U+10FFFF. */
static void
test_utf8(void **state)
{
	uint32_t c;

	(void)state;
	assert_int_equal(decode("a", &c), 1);
	assert_int_equal(c, 'a');
	assert_int_equal(decode("\xc3\xa9", &c), 2);            /* é */
	assert_int_equal(c, 0xe9);
	assert_int_equal(decode("\xe6\x97\xa5", &c), 3);        /* 日 */
	assert_int_equal(decode("\xf0\x9f\x98\x80", &c), 4);    /* U+1F600 */
	assert_int_equal(decode("\xc0\xaf", &c), 0);            /* overlong / */
	assert_int_equal(decode("\xe0\x80\xaf", &c), 0);        /* overlong */
	assert_int_equal(decode("\xed\xa0\x80", &c), 0);        /* U+D800 */
	assert_int_equal(decode("\xf4\x90\x80\x80", &c), 0);    /* U+110000 */
	assert_int_equal(decode("\xf5\x80\x80\x80", &c), 0);
	assert_int_equal(decode("\xe6\x97", &c), 0);            /* cut short */
	assert_int_equal(decode("\x80", &c), 0);                /* continuation */
	assert_int_equal(decode("\xc2\x9b", &c), 2);            /* U+009B, CSI */
	assert_true(text_is_control(c));
	assert_true(text_is_control(0x1b));
	assert_true(text_is_control(0x7f));
	assert_false(text_is_control(' '));
	assert_false(text_is_control(0xa0));
}

static void
test_check(void **state)
{
	const char *why = NULL;

	(void)state;
	assert_true(text_check("Bird dog, é, 日本", "", &why));
	assert_false(text_check("Bird\tdog", "", &why));
	assert_non_null(strstr(why, "control character"));
	assert_false(text_check("a\x1b[2Jb", "", NULL));
	assert_false(text_check("a\xc2\x9b" "31mb", "", NULL));
	assert_false(text_check("a\x7f", "", NULL));
	assert_false(text_check("caf\xe9", "", &why));          /* Latin-1 */
	assert_non_null(strstr(why, "UTF-8"));
	assert_true(text_check("one\ntwo", "\n", NULL));
	assert_false(text_check("one\rtwo", "\n", NULL));
	assert_true(text_check("a\tb\nc", "\t\n", NULL));
}

static void
test_chars(void **state)
{
	(void)state;
	assert_int_equal(text_chars(""), 0);
	assert_int_equal(text_chars("abc"), 3);
	/* 27 CJK characters are 27 characters, not 81 */
	assert_int_equal(text_chars("日本語日本語日本語日本語日本語日本語日本語日本語日本語"), 27);
	assert_int_equal(text_chars("a\xff" "b"), 3);
}

static const char *
esc(const char *s)
{
	static char buf[256];

	text_escape(s, buf, sizeof buf);
	return buf;
}

/* What reaches a terminal: nothing it would obey. */
static void
test_escape(void **state)
{
	char small[6];

	(void)state;
	assert_string_equal(esc("plain, é, 日本"), "plain, é, 日本");
	assert_string_equal(esc("\x1b]0;title\x07"), "\\e]0;title\\x07");
	assert_string_equal(esc("\x1b]52;c;Zm9v\x1b\\\\"), "\\e]52;c;Zm9v\\e\\\\");
	assert_string_equal(esc("\r\x1b[2Kspoof: ok"), "\\x0d\\e[2Kspoof: ok");
	assert_string_equal(esc("x\xc2\x9b" "1mx"), "x\\x9b1mx");      /* C1 CSI */
	assert_string_equal(esc("a\x7f" "b"), "a\\x7fb");
	assert_string_equal(esc("evil\xe2\x80\xae" "txt"), "evil\\u202etxt");
	assert_string_equal(esc("bad\xff\xfe"), "bad??");
	assert_string_equal(esc("tab\tand\nline"), "tab\\tand\nline");
	assert_int_equal(text_escape("\x1b\x1b\x1b", NULL, 0), 6);
	assert_int_equal(text_escape("abcdefgh", small, sizeof small), 8);
	assert_string_equal(small, "abcde");                    /* cut, ended */
}

/* Display widths: combining marks 0, East Asian wide 2, the rest 1. */
static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("\xc3\xa9t\xc3\xa9"), 3);         /* été */
	assert_int_equal(text_width("e\xcc\x81t\xc3\xa9"), 3);        /* e + U+0301 */
	assert_int_equal(text_width("\xe2\x80\x94"), 1);               /* em dash */
	assert_int_equal(text_width("日本語"), 6);
	assert_int_equal(text_width("한국어"), 6);
	assert_int_equal(text_width("ｱｲ"), 2);                      /* halfwidth kana */
	assert_int_equal(text_width("\xef\xbc\xa1"), 2);               /* fullwidth A */
	assert_int_equal(text_width("\xf0\x9f\x98\x80"), 2);           /* U+1F600 */
	assert_int_equal(text_width("a\xe2\x80\x8b" "b"), 2);          /* zero-width space */
	assert_int_equal(text_width("a\xff"), 2);                    /* not UTF-8: one ? */
	assert_int_equal(text_cp_width(0x300), 0);
	assert_int_equal(text_cp_width(0x4e00), 2);
	assert_int_equal(text_cp_width(0x20000), 2);
	assert_int_equal(text_cp_width(0x10ffff), 1);
}

/* The table agrees with the C library's wcwidth in C.UTF-8, on every
 * code point it knows (skipped where there is no such locale). */
static void
test_width_libc(void **state)
{
	long differ = 0;

	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		skip();
	for (uint32_t c = 0xa0; c < 0x40000; c++) {
		int w = (c >= 0xd800 && c <= 0xdfff) ? -1 : wcwidth((wchar_t)c);
		if (w >= 0 && w != text_cp_width(c) && differ++ < 10)
			print_message("U+%04X: wcwidth %d, text_cp_width %d\n",
			    (unsigned)c, w, text_cp_width(c));
	}
	setlocale(LC_CTYPE, "C");
	assert_int_equal(differ, 0);
}

static const char *
fit(const char *s, int cols, bool right)
{
	static char buf[256];

	text_fit(s, cols, right, buf, sizeof buf);
	return buf;
}

/* Fitted to exactly cols columns, never cut inside a character. */
static void
test_fit(void **state)
{
	char small[8];

	(void)state;
	assert_string_equal(fit("abc", 5, false), "abc  ");
	assert_string_equal(fit("abc", 5, true), "  abc");
	assert_string_equal(fit("abc", 3, false), "abc");
	assert_string_equal(fit("abcdef", 4, false), "abc\u2026");
	assert_string_equal(fit("日本語", 6, false), "日本語");
	assert_string_equal(fit("日本語", 7, false), "日本語 ");
	/* 日 fits in the 3 columns before the ellipsis, 本 does not */
	assert_string_equal(fit("日本語", 5, false), "日本\u2026");
	assert_string_equal(fit("日本語", 4, false), "日\u2026 ");
	assert_string_equal(fit("Ünïcödé 日本語", 12, false), "Ünïcödé 日\u2026 ");
	/* a combining mark stays with its letter */
	assert_string_equal(fit("ae\xcc\x81z", 3, false), "ae\xcc\x81z");
	assert_string_equal(fit("ae\xcc\x81zz", 3, false), "ae\xcc\x81\u2026");
	assert_string_equal(fit("abc", 1, false), "\u2026");
	assert_string_equal(fit("abc", 0, false), "");
	assert_string_equal(fit("abc", -2, true), "");
	assert_int_equal(text_width(fit("Ünïcödé 日本語 — long", 10, true)), 10);
	assert_int_equal(text_fit("abcdefgh", 20, false, small, sizeof small), 20);
	assert_string_equal(small, "abcdefg");
}

/* Numbers as printf writes them, with no printf: the extremes too. */
static void
test_sb_int(void **state)
{
	static const int64_t v[] = { 0, 7, 9, 10, 99, 100, 120, -1, -10,
		1000000, INT64_MAX, INT64_MIN };
	char want[64];
	struct sbuf b = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		b.len = 0;
		sb_int(&b, v[i]);
		snprintf(want, sizeof want, "%lld", (long long)v[i]);
		assert_string_equal(b.p, want);
	}
	free(b.p);
}

/* JSON strings: runs of plain ASCII put whole, everything else escaped
 * (quotes, backslashes, controls, C1, bytes that are not UTF-8); the
 * text is always valid JSON. */
static void
test_sb_json(void **state)
{
	struct sbuf b = { 0 };

	(void)state;
	sb_json(&b, "plain text, 1/2");
	sb_json(&b, "");
	sb_json(&b, "a\"b\\c\nd\te\rf\x01g\x7fh");
	sb_json(&b, "caf\xc3\xa9 \xc2\x85 \xe9 end");
	assert_string_equal(b.p, "\"plain text, 1/2\"\"\""
	    "\"a\\\"b\\\\c\\nd\\te\\rf\\u0001g\\u007fh\""
	    "\"caf\xc3\xa9 \\u0085 \\ufffd end\"");
	free(b.p);
}

/* sb_extend: room written by the caller, NUL after it; sb_str and
 * sb_put append, growing as they must. */
static void
test_sb_extend(void **state)
{
	struct sbuf b = { 0 };

	(void)state;
	sb_str(&b, "ab");
	char *p = sb_extend(&b, 3);
	assert_non_null(p);
	memcpy(p, "cde", 3);
	for (int i = 0; i < 1000; i++)
		sb_put(&b, "xyz", 1);
	assert_int_equal(b.len, 1005);
	assert_int_equal(strncmp(b.p, "abcdexx", 7), 0);
	assert_int_equal(b.p[b.len], '\0');
	free(b.p);
}

/* text_split_tabs against the obvious reading, for TABs at every place
 * of a line up to 40 bytes (both sides of each 8-byte word), and lines
 * with more fields than allowed. */
static void
test_split_tabs(void **state)
{
	(void)state;
	for (unsigned seed = 0; seed < 4000; seed++) {
		char line[48], copy[48], *f[8];
		size_t len = seed % 41;
		int want = 1, max = 1 + (int)(seed % 7);
		for (size_t i = 0; i < len; i++)
			line[i] = (seed * 2654435761u >> (i % 29)) % 5 == 0 ? '\t' :
			    (char)('a' + i % 26);
		for (size_t i = 0; i < len; i++)
			want += line[i] == '\t';
		memcpy(copy, line, len);
		int n = text_split_tabs(line, len, f, max);
		assert_int_equal(n, want > max ? max + 1 : want);
		for (int i = 0; want <= max && i < n; i++) {
			const char *p = copy;           /* field i of the copy */
			for (int k = 0; k < i; k++)
				p = (const char *)memchr(p, '\t', len - (size_t)(p - copy)) + 1;
			const char *t = memchr(p, '\t', len - (size_t)(p - copy));
			size_t fl = t ? (size_t)(t - p) : len - (size_t)(p - copy);
			assert_int_equal(strlen(f[i]), fl);
			assert_memory_equal(f[i], p, fl);
		}
	}
}

/* text_split_plain: a line is plain only when every byte is printable
 * ASCII or TAB, with no backslash; one odd byte at any place of a line
 * up to 40 bytes (the 16-byte blocks, the last one read over the one
 * before, the bytes after) makes it not plain; a NUL is refused. */
static void
test_split_plain(void **state)
{
	static const char odd[] = { '\\', '\x7f', '\x01', '\n', '\r', '\x80',
		'\xc3', '\xff' };

	(void)state;
	for (size_t len = 0; len <= 40; len++) {
		char line[48], *f[48];
		bool plain = false;
		for (size_t i = 0; i < len; i++)
			line[i] = i % 5 == 4 ? '\t' : (char)(' ' + (i * 7) % 95);
		for (size_t i = 0; i < len; i++)
			if (line[i] == '\\')
				line[i] = 'x';
		char clean[48];
		memcpy(clean, line, len);
		assert_true(text_split_plain(line, len, f, 40, &plain) >= 1);
		assert_true(plain);
		for (size_t at = 0; at < len; at++) {
			for (size_t k = 0; k < sizeof odd; k++) {
				memcpy(line, clean, len);
				line[at] = odd[k];
				plain = true;
				assert_true(text_split_plain(line, len, f, 40, &plain) >= 1);
				assert_false(plain);
			}
			memcpy(line, clean, len);
			line[at] = '\0';
			assert_int_equal(text_split_plain(line, len, f, 40, &plain), -1);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_chars),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_libc),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_sb_int),
		cmocka_unit_test(test_sb_json),
		cmocka_unit_test(test_sb_extend),
		cmocka_unit_test(test_split_tabs),
		cmocka_unit_test(test_split_plain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
