#ifndef CLOSTE_CCURLLOADER_H
#define CLOSTE_CCURLLOADER_H

/// Loads the system's libcurl (libcurl.so.4) if it is not loaded yet. Returns 1 when it is there,
/// 0 when it cannot be loaded; closte_curl_error() then says why.
int closte_curl_load(void);
const char *closte_curl_error(void);

#endif
