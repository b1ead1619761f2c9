// libcurl, loaded on first use.
//
// URLSession (FoundationNetworking) drives libcurl through these 23 functions. A binary linked with
// -lcurl loads libcurl and its ~27 libraries at every start, and their constructors (GnuTLS, p11-kit,
// Kerberos...) cost about 5 ms, although most closte commands (config, dns, ssl, version, help) never
// make an HTTP call. closte defines the functions itself instead: each resolves the real one from
// libcurl.so.4 on first use and calls it. In a build where libcurl is already linked (a debug build's
// shared FoundationNetworking), dlopen just returns it, and dlsym on its handle finds the real ones.
//
// The variadic setters take exactly one argument after the option: a long, a pointer or a curl_off_t,
// all passed as one 64-bit integer-class value on the LP64 ABIs closte builds for, so it is forwarded
// as one pointer-sized value.
#include "CCurlLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

static void *library;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
  library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_GLOBAL);
  if (!library) {
    const char *reason = dlerror();
    snprintf(failure, sizeof failure, "%s", reason ? reason : "libcurl.so.4 could not be loaded");
  }
}

int closte_curl_load(void) {
  pthread_once(&once, load);
  return library != NULL;
}

const char *closte_curl_error(void) { return failure; }

static void *resolve(const char *name) {
  if (!closte_curl_load()) return NULL;
  return dlsym(library, name);
}

// One forwarder per function: the real function's address is looked up once and kept.
#define CLOSTE_FORWARD(result, name, fallback, params, args)   \
  result name params {                                         \
    static result(*real) params;                               \
    if (!real) real = (result(*) params)resolve(#name);        \
    if (!real) return fallback;                                \
    return real args;                                          \
  }

#define CLOSTE_FORWARD_VOID(name, params, args)                \
  void name params {                                           \
    static void(*real) params;                                 \
    if (!real) real = (void(*) params)resolve(#name);          \
    if (real) real args;                                       \
  }

// CURLcode 2 is CURLE_FAILED_INIT; CURLMcode 1 is CURLM_BAD_HANDLE; CURLUcode 1 is CURLUE_BAD_HANDLE.
CLOSTE_FORWARD(int, curl_global_init, 2, (long flags), (flags))
CLOSTE_FORWARD(void *, curl_easy_init, NULL, (void), ())
CLOSTE_FORWARD_VOID(curl_easy_cleanup, (void *handle), (handle))
CLOSTE_FORWARD(int, curl_easy_pause, 2, (void *handle, int mask), (handle, mask))
CLOSTE_FORWARD(const char *, curl_easy_strerror, "libcurl is not available", (int code), (code))
CLOSTE_FORWARD_VOID(curl_free, (void *pointer), (pointer))
CLOSTE_FORWARD(void *, curl_multi_init, NULL, (void), ())
CLOSTE_FORWARD(int, curl_multi_cleanup, 1, (void *multi), (multi))
CLOSTE_FORWARD(int, curl_multi_add_handle, 1, (void *multi, void *easy), (multi, easy))
CLOSTE_FORWARD(int, curl_multi_remove_handle, 1, (void *multi, void *easy), (multi, easy))
CLOSTE_FORWARD(int, curl_multi_assign, 1, (void *multi, int socket, void *pointer), (multi, socket, pointer))
CLOSTE_FORWARD(void *, curl_multi_info_read, NULL, (void *multi, int *left), (multi, left))
CLOSTE_FORWARD(int, curl_multi_socket_action, 1, (void *multi, int socket, int events, int *running),
               (multi, socket, events, running))
CLOSTE_FORWARD(void *, curl_slist_append, NULL, (void *list, const char *text), (list, text))
CLOSTE_FORWARD_VOID(curl_slist_free_all, (void *list), (list))
CLOSTE_FORWARD(void *, curl_url, NULL, (void), ())
CLOSTE_FORWARD(int, curl_url_get, 1, (void *url, int part, char **text, unsigned int flags),
               (url, part, text, flags))
CLOSTE_FORWARD(int, curl_url_set, 1, (void *url, int part, const char *text, unsigned int flags),
               (url, part, text, flags))
CLOSTE_FORWARD(char *, curl_version, NULL, (void), ())
CLOSTE_FORWARD(void *, curl_version_info, NULL, (int age), (age))

#define CLOSTE_FORWARD_SETTER(name, fallback)                  \
  int name(void *handle, int option, ...) {                    \
    static int (*real)(void *, int, ...);                      \
    if (!real) real = (int (*)(void *, int, ...))resolve(#name); \
    if (!real) return fallback;                                \
    va_list arguments;                                         \
    va_start(arguments, option);                               \
    void *value = va_arg(arguments, void *);                   \
    va_end(arguments);                                         \
    return real(handle, option, value);                        \
  }

CLOSTE_FORWARD_SETTER(curl_easy_setopt, 2)
CLOSTE_FORWARD_SETTER(curl_easy_getinfo, 2)
CLOSTE_FORWARD_SETTER(curl_multi_setopt, 1)
