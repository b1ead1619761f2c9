// libcurl, loaded on the first HTTP call.
//
// A binary linked with -lcurl loads libcurl and its ~27 libraries at every start, and their
// constructors (GnuTLS, p11-kit, Kerberos...) cost about 5 ms, although most closte commands (config,
// dns, ssl, version, help) never make an HTTP call. So closte links no libcurl: the first HTTP call
// dlopens it and resolves the functions closte uses into one table, and every call below goes through
// that table with the argument types libcurl declares.
#include "CCurlLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

typedef struct {
  int msg;
  void *easy;
  union {
    void *whatever;
    int result;
  } data;
} closte_curl_message;

/// The libcurl functions closte calls. The variadic ones (setopt, getinfo) are called through
/// pointer types that say the one argument's true type at each call site below.
static struct {
  int (*global_init)(long flags);
  char *(*version)(void);
  void *(*easy_init)(void);
  void (*easy_cleanup)(void *easy);
  int (*easy_setopt)(void *easy, int option, ...);
  int (*easy_getinfo)(void *easy, int info, ...);
  const char *(*easy_strerror)(int code);
  void *(*slist_append)(void *list, const char *text);
  void (*slist_free_all)(void *list);
  void *(*multi_init)(void);
  int (*multi_setopt)(void *multi, int option, ...);
  int (*multi_add_handle)(void *multi, void *easy);
  int (*multi_remove_handle)(void *multi, void *easy);
  int (*multi_perform)(void *multi, int *running);
  int (*multi_poll)(void *multi, void *extra, unsigned count, int timeout_ms, int *ready);
  int (*multi_wakeup)(void *multi);
  closte_curl_message *(*multi_info_read)(void *multi, int *left);
  void *(*share_init)(void);
  int (*share_setopt)(void *share, int option, ...);
} curl;

static int loaded;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void *library;

static int resolve(void **slot, const char *name) {
  *slot = dlsym(library, name);
  if (*slot) return 1;
  snprintf(failure, sizeof failure, "the libcurl found has no %s (libcurl 7.68 or later is needed)", name);
  return 0;
}

#define RESOLVE(field, name) resolve((void **)&curl.field, name)

static void load(void) {
  library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!library) library = dlopen("libcurl-gnutls.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    snprintf(failure, sizeof failure, "libcurl.so.4 cannot be loaded (neither can libcurl-gnutls.so.4)");
    return;
  }
  int ok = RESOLVE(global_init, "curl_global_init") && RESOLVE(version, "curl_version")
    && RESOLVE(easy_init, "curl_easy_init") && RESOLVE(easy_cleanup, "curl_easy_cleanup")
    && RESOLVE(easy_setopt, "curl_easy_setopt") && RESOLVE(easy_getinfo, "curl_easy_getinfo")
    && RESOLVE(easy_strerror, "curl_easy_strerror") && RESOLVE(slist_append, "curl_slist_append")
    && RESOLVE(slist_free_all, "curl_slist_free_all") && RESOLVE(multi_init, "curl_multi_init")
    && RESOLVE(multi_setopt, "curl_multi_setopt")
    && RESOLVE(multi_add_handle, "curl_multi_add_handle")
    && RESOLVE(multi_remove_handle, "curl_multi_remove_handle")
    && RESOLVE(multi_perform, "curl_multi_perform") && RESOLVE(multi_poll, "curl_multi_poll")
    && RESOLVE(multi_wakeup, "curl_multi_wakeup") && RESOLVE(multi_info_read, "curl_multi_info_read")
    && RESOLVE(share_init, "curl_share_init") && RESOLVE(share_setopt, "curl_share_setopt");
  if (!ok) return;
  // CURL_GLOBAL_DEFAULT; done here, once, before any other thread can use libcurl.
  if (curl.global_init(3) != 0) {
    snprintf(failure, sizeof failure, "libcurl could not be initialised (curl_global_init failed)");
    return;
  }
  loaded = 1;
}

int closte_curl_load(void) {
  pthread_once(&once, load);
  return loaded;
}

const char *closte_curl_error(void) { return failure; }

const char *closte_curl_version(void) {
  if (!closte_curl_load()) return "";
  const char *text = curl.version();
  return text ? text : "";
}

// Each wrapper below is only called after closte_curl_load() returned 1 (the Swift side holds a
// value that proves it), so the table is filled in.

void *closte_curl_easy_init(void) { return curl.easy_init(); }
void closte_curl_easy_cleanup(void *easy) { curl.easy_cleanup(easy); }

int closte_curl_easy_setopt_long(void *easy, int option, long value) {
  return curl.easy_setopt(easy, option, value);
}

int closte_curl_easy_setopt_pointer(void *easy, int option, const void *value) {
  return curl.easy_setopt(easy, option, value);
}

int closte_curl_easy_setopt_offset(void *easy, int option, int64_t value) {
  return curl.easy_setopt(easy, option, (int64_t)value);
}

int closte_curl_easy_setopt_callback(void *easy, int option, closte_curl_data_callback value) {
  return curl.easy_setopt(easy, option, value);
}

int closte_curl_easy_getinfo_long(void *easy, int info, long *value) {
  return curl.easy_getinfo(easy, info, value);
}

const char *closte_curl_easy_strerror(int code) {
  const char *text = curl.easy_strerror(code);
  return text ? text : "";
}

void *closte_curl_slist_append(void *list, const char *text) { return curl.slist_append(list, text); }
void closte_curl_slist_free_all(void *list) { curl.slist_free_all(list); }

void *closte_curl_multi_init(void) { return curl.multi_init(); }

int closte_curl_multi_setopt_long(void *multi, int option, long value) {
  return curl.multi_setopt(multi, option, value);
}

int closte_curl_multi_add_handle(void *multi, void *easy) { return curl.multi_add_handle(multi, easy); }
int closte_curl_multi_remove_handle(void *multi, void *easy) { return curl.multi_remove_handle(multi, easy); }
int closte_curl_multi_perform(void *multi, int *running) { return curl.multi_perform(multi, running); }

int closte_curl_multi_poll(void *multi, int timeout_ms) {
  int ready = 0;
  return curl.multi_poll(multi, NULL, 0, timeout_ms, &ready);
}

int closte_curl_multi_wakeup(void *multi) { return curl.multi_wakeup(multi); }

int closte_curl_multi_next_done(void *multi, void **easy, int *result) {
  int left = 0;
  closte_curl_message *message;
  while ((message = curl.multi_info_read(multi, &left)) != NULL) {
    if (message->msg != 1) continue;  // CURLMSG_DONE is the only message libcurl sends today
    *easy = message->easy;
    *result = message->data.result;
    return 1;
  }
  return 0;
}

void *closte_curl_share_init(void) { return curl.share_init(); }

int closte_curl_share_setopt_data(void *share, int option, int value) {
  return curl.share_setopt(share, option, value);
}

