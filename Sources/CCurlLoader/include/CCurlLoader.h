#ifndef CLOSTE_CCURLLOADER_H
#define CLOSTE_CCURLLOADER_H

// The part of libcurl's C API that closte uses, loaded on the first HTTP call (dlopen), with every
// call typed as libcurl declares it: `curl_easy_setopt` is variadic in C, so each kind of value it
// takes (long, pointer, callback, curl_off_t) has its own wrapper here, and Swift never passes one
// value "as whatever fits in a register". No libcurl header is needed to build: the few option
// numbers are below, from curl.h (they are part of libcurl's stable ABI).

#include <stddef.h>
#include <stdint.h>

/// Loads libcurl (libcurl.so.4, else libcurl-gnutls.so.4) and resolves the functions below, once.
/// Returns 1 when every one is there, 0 otherwise; closte_curl_error() then says why.
int closte_curl_load(void);
const char *closte_curl_error(void);
/// libcurl's version text ("libcurl/7.88.1 OpenSSL/3.0.11 ..."), or "" when not loaded.
const char *closte_curl_version(void);

/// `size_t callback(char *data, size_t size, size_t count, void *user)`: CURLOPT_WRITEFUNCTION and
/// CURLOPT_HEADERFUNCTION.
typedef size_t (*closte_curl_data_callback)(char *data, size_t size, size_t count, void *user);

// The easy handle: one transfer.
void *closte_curl_easy_init(void);
void closte_curl_easy_cleanup(void *easy);
int closte_curl_easy_setopt_long(void *easy, int option, long value);
int closte_curl_easy_setopt_pointer(void *easy, int option, const void *value);
int closte_curl_easy_setopt_offset(void *easy, int option, int64_t value);
int closte_curl_easy_setopt_callback(void *easy, int option, closte_curl_data_callback value);
int closte_curl_easy_getinfo_long(void *easy, int info, long *value);
const char *closte_curl_easy_strerror(int code);

// Header lists.
void *closte_curl_slist_append(void *list, const char *text);
void closte_curl_slist_free_all(void *list);

// The multi handle: many transfers on one thread, sharing connections.
void *closte_curl_multi_init(void);
int closte_curl_multi_setopt_long(void *multi, int option, long value);
int closte_curl_multi_add_handle(void *multi, void *easy);
int closte_curl_multi_remove_handle(void *multi, void *easy);
int closte_curl_multi_perform(void *multi, int *running);
int closte_curl_multi_poll(void *multi, int timeout_ms);
int closte_curl_multi_wakeup(void *multi);
/// The next finished transfer: 1 with its handle and CURLcode, 0 when none is left.
int closte_curl_multi_next_done(void *multi, void **easy, int *result);

// The share handle: connections, TLS sessions and DNS answers shared between easy handles.
void *closte_curl_share_init(void);
/// CURLSHOPT_SHARE with one curl_lock_data value (an int in C).
int closte_curl_share_setopt_data(void *share, int option, int value);

/// CURLAUTH_ANY: any method the proxy offers (as WordPress sets for an authenticating proxy).
static const long CLOSTE_CURLAUTH_ANY = (long)~(1UL << 4);

// Option, info and code numbers from curl.h.
enum {
  CLOSTE_CURLOPT_WRITEDATA = 10001,
  CLOSTE_CURLOPT_URL = 10002,
  CLOSTE_CURLOPT_PROXY = 10004,
  CLOSTE_CURLOPT_ERRORBUFFER = 10010,
  CLOSTE_CURLOPT_WRITEFUNCTION = 20011,
  CLOSTE_CURLOPT_USERAGENT = 10018,
  CLOSTE_CURLOPT_HTTPHEADER = 10023,
  CLOSTE_CURLOPT_HEADERDATA = 10029,
  CLOSTE_CURLOPT_FOLLOWLOCATION = 52,
  CLOSTE_CURLOPT_SSL_VERIFYPEER = 64,
  CLOSTE_CURLOPT_HEADERFUNCTION = 20079,
  CLOSTE_CURLOPT_HTTPGET = 80,
  CLOSTE_CURLOPT_SSL_VERIFYHOST = 81,
  CLOSTE_CURLOPT_NOSIGNAL = 99,
  CLOSTE_CURLOPT_SHARE = 10100,
  CLOSTE_CURLOPT_PROXYTYPE = 101,
  CLOSTE_CURLOPT_ACCEPT_ENCODING = 10102,
  CLOSTE_CURLOPT_PROXYAUTH = 111,
  CLOSTE_CURLOPT_MAXFILESIZE_LARGE = 30117,
  CLOSTE_CURLOPT_POSTFIELDSIZE_LARGE = 30120,
  CLOSTE_CURLOPT_TIMEOUT_MS = 155,
  CLOSTE_CURLOPT_CONNECTTIMEOUT_MS = 156,
  CLOSTE_CURLOPT_COPYPOSTFIELDS = 10165,
  CLOSTE_CURLOPT_PROXYUSERNAME = 10175,
  CLOSTE_CURLOPT_PROXYPASSWORD = 10176,
  CLOSTE_CURLOPT_PROTOCOLS = 181,
  CLOSTE_CURLOPT_PIPEWAIT = 237,

  CLOSTE_CURLINFO_RESPONSE_CODE = 0x200002,
  CLOSTE_CURLINFO_HTTP_CONNECTCODE = 0x200016,

  CLOSTE_CURLMOPT_PIPELINING = 3,
  CLOSTE_CURLMOPT_MAXCONNECTS = 6,
  CLOSTE_CURLPIPE_MULTIPLEX = 2,

  CLOSTE_CURLSHOPT_SHARE = 1,
  CLOSTE_CURL_LOCK_DATA_DNS = 3,
  CLOSTE_CURL_LOCK_DATA_SSL_SESSION = 4,

  CLOSTE_CURLPROTO_HTTP_HTTPS = 3,
  CLOSTE_CURLPROXY_HTTP = 0,
  CLOSTE_CURL_ERROR_SIZE = 256,
};

#endif
