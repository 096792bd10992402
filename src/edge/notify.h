/*
 * notify.h - a desktop notification, through libnotify (the freedesktop
 * Desktop Notifications specification,
 * https://specifications.freedesktop.org/notification-spec/latest/).
 *
 * libnotify is optional at build time, as libespeak-ng is: without its
 * headers, notify_send() says so.  It is not linked: notify_send()
 * dlopen()s it (libnotify.so.4, and the GLib it brings), so that no other
 * command loads GLib; not installed, it says so.  The session bus is
 * looked for before libnotify is loaded, so that no bus means a quick
 * answer, never a wait.
 */
#ifndef BACKCOACH_NOTIFY_H
#define BACKCOACH_NOTIFY_H

#include "diag.h"

/*
 * Shows a notification: summary and body (plain text).  With start_argv
 * (NULL-terminated, or NULL) and a server that supports actions, it has
 * an action "Start" that runs start_argv, and this waits for it (or the
 * notification's closing) for at most wait_s seconds.  0 when the server
 * took it; -1 with the reason in d (no session bus, no libnotify, built
 * without it, or the server said no).
 */
int notify_send(const char *summary, const char *body,
    char *const *start_argv, int wait_s, struct diags *d);

#endif
