/*
 * notify.c - a desktop notification through libnotify (notify.h).
 */
#include "notify.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#ifdef HAVE_LIBNOTIFY
#include <libnotify/notify.h>
#endif

/* Whether a unix socket at path accepts a connection, at once. */
static bool
socket_answers(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd;
	bool ok;

	if (strlen(path) >= sizeof a.sun_path)
		return true;            /* cannot tell: let D-Bus try */
	strcpy(a.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return true;
	ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return ok;
}

/* Whether there is a session bus to talk to: 0, or -1 with why not in d:
 * $DBUS_SESSION_BUS_ADDRESS (a unix:path= socket must answer), else the
 * $XDG_RUNTIME_DIR/bus socket that D-Bus looks for next. */
static int
have_bus(struct diags *d)
{
	const char *addr = getenv("DBUS_SESSION_BUS_ADDRESS");
	const char *run = getenv("XDG_RUNTIME_DIR");
	char path[4096];

	if (addr != NULL && *addr != '\0') {
		const char *p = strstr(addr, "unix:path=");
		if (p == NULL)
			return 0;    /* abstract sockets, tcp: D-Bus decides */
		p += strlen("unix:path=");
		size_t n = strcspn(p, ",;");
		if (n >= sizeof path)
			return 0;
		memcpy(path, p, n);
		path[n] = '\0';
		if (socket_answers(path))
			return 0;
		diags_add(d, DIAG_ERROR, NULL, 0, "no session bus answers at %s "
		    "(DBUS_SESSION_BUS_ADDRESS): no desktop to notify", path);
		return -1;
	}
	if (run != NULL && *run == '/' &&
	    (size_t)snprintf(path, sizeof path, "%s/bus", run) < sizeof path &&
	    socket_answers(path))
		return 0;
	diags_add(d, DIAG_ERROR, NULL, 0, "no session bus (DBUS_SESSION_BUS_ADDRESS "
	    "is not set and $XDG_RUNTIME_DIR/bus does not answer): no desktop to "
	    "notify");
	return -1;
}

#ifdef HAVE_LIBNOTIFY
/* libnotify's functions and the GLib ones it brings, from dlopen(): only
 * `backcoach notify` loads them. */
static struct {
	__typeof__(notify_init) *init;
	__typeof__(notify_uninit) *uninit;
	__typeof__(notify_notification_new) *new_;
	__typeof__(notify_notification_show) *show;
	__typeof__(notify_notification_close) *close_;
	__typeof__(notify_notification_add_action) *add_action;
	__typeof__(notify_get_server_caps) *server_caps;
	__typeof__(g_object_unref) *object_unref;
	__typeof__(g_signal_connect_data) *signal_connect_data;
	__typeof__(g_main_loop_new) *loop_new;
	__typeof__(g_main_loop_run) *loop_run;
	__typeof__(g_main_loop_quit) *loop_quit;
	__typeof__(g_main_loop_unref) *loop_unref;
	__typeof__(g_timeout_add_seconds) *timeout_add_seconds;
	__typeof__(g_spawn_async) *spawn_async;
	__typeof__(g_error_free) *error_free;
	__typeof__(g_list_free_full) *list_free_full;
	__typeof__(g_free) *free_;
	__typeof__(g_markup_escape_text) *markup_escape;
} nf;

/* 0, or -1 with the reason in d, when libnotify is not installed. */
static int
load_library(struct diags *d)
{
	static const char *const name[] = { "notify_init", "notify_uninit",
	    "notify_notification_new", "notify_notification_show",
	    "notify_notification_close", "notify_notification_add_action",
	    "notify_get_server_caps", "g_object_unref", "g_signal_connect_data",
	    "g_main_loop_new", "g_main_loop_run", "g_main_loop_quit",
	    "g_main_loop_unref", "g_timeout_add_seconds", "g_spawn_async",
	    "g_error_free", "g_list_free_full", "g_free", "g_markup_escape_text" };
	void **fn = (void **)&nf;
	void *h = dlopen("libnotify.so.4", RTLD_NOW | RTLD_LOCAL);

	_Static_assert(sizeof nf == sizeof name / sizeof name[0] * sizeof(void *),
	    "one name for each function");
	for (size_t i = 0; h != NULL && i < sizeof name / sizeof name[0]; i++)
		if ((fn[i] = dlsym(h, name[i])) == NULL)
			h = NULL;
	if (h == NULL)
		diags_add(d, DIAG_ERROR, NULL, 0, "libnotify (libnotify4) is not "
		    "installed: no desktop notifications");
	return h != NULL ? 0 : -1;
}

struct wait {
	GMainLoop *loop;
	char *const *argv;
	bool started;
};

static void
on_start(NotifyNotification *n, char *action, gpointer data)
{
	struct wait *w = data;
	GError *err = NULL;

	(void)action;
	w->started = nf.spawn_async(NULL, (char **)w->argv, NULL,
	    G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err);
	if (err != NULL)
		nf.error_free(err);
	nf.close_(n, NULL);
	nf.loop_quit(w->loop);
}

static void
on_closed(NotifyNotification *n, gpointer data)
{
	(void)n;
	nf.loop_quit(((struct wait *)data)->loop);
}

static gboolean
on_timeout(gpointer data)
{
	nf.loop_quit(((struct wait *)data)->loop);
	return G_SOURCE_REMOVE;
}

/* Whether the server lists capability cap. */
static bool
server_can(const char *cap)
{
	GList *caps = nf.server_caps();
	bool yes = false;

	for (GList *l = caps; l != NULL; l = l->next)
		yes |= strcmp(l->data, cap) == 0;
	nf.list_free_full(caps, nf.free_);
	return yes;
}

/* Shows it, and waits for its action when it has one.  The body is
 * plain text: escaped where the server reads it as markup
 * (body-markup), so that a name with '&' or '<' shows as written. */
static int
show(const char *summary, const char *body, char *const *start_argv,
    int wait_s, struct diags *d)
{
	GError *err = NULL;
	struct wait w = { NULL, start_argv, false };
	char *esc = server_can("body-markup") ? nf.markup_escape(body, -1) : NULL;
	NotifyNotification *n = nf.new_(summary, esc ? esc : body, NULL);
	bool act = start_argv != NULL && server_can("actions");
	int rc = 0;

	if (act) {
		w.loop = nf.loop_new(NULL, FALSE);
		nf.add_action(n, "start", "Start", NOTIFY_ACTION_CALLBACK(on_start),
		    &w, NULL);
		nf.signal_connect_data(n, "closed", G_CALLBACK(on_closed), &w, NULL,
		    (GConnectFlags)0);
	}
	if (!nf.show(n, &err)) {
		diags_add(d, DIAG_ERROR, NULL, 0, "the notification server said no: "
		    "%s", err && err->message ? err->message : "no reason given");
		rc = -1;
	} else if (act) {
		nf.timeout_add_seconds((guint)wait_s, on_timeout, &w);
		nf.loop_run(w.loop);
	}
	if (err != NULL)
		nf.error_free(err);
	if (w.loop != NULL)
		nf.loop_unref(w.loop);
	nf.object_unref(n);
	nf.free_(esc);
	return rc;
}
#endif

int
notify_send(const char *summary, const char *body, char *const *start_argv,
    int wait_s, struct diags *d)
{
#ifdef HAVE_LIBNOTIFY
	if (have_bus(d) != 0 || load_library(d) != 0)
		return -1;
	if (!nf.init("backcoach")) {
		diags_add(d, DIAG_ERROR, NULL, 0, "libnotify could not start");
		return -1;
	}
	int rc = show(summary, body, start_argv, wait_s, d);
	nf.uninit();
	return rc;
#else
	(void)summary;
	(void)body;
	(void)start_argv;
	(void)wait_s;
	(void)have_bus;
	diags_add(d, DIAG_ERROR, NULL, 0, "this backcoach was built without "
	    "libnotify (libnotify-dev): no desktop notifications");
	return -1;
#endif
}
