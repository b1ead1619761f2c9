#ifndef CLOSTE_COPENSSL_SHIM_H
#define CLOSTE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/opensslv.h>

/* OpenSSL spells these as macros (SSL_ctrl / SSL_CTX_ctrl calls, STACK_OF helpers), which Swift
   cannot import; each is one inline function here. */

static inline int closte_ssl_ctx_set_protocol_range(SSL_CTX *ctx, int minimum, int maximum) {
  return SSL_CTX_set_min_proto_version(ctx, minimum) == 1 && SSL_CTX_set_max_proto_version(ctx, maximum) == 1;
}

static inline int closte_ssl_set_server_name(SSL *ssl, const char *name) {
  return (int)SSL_set_tlsext_host_name(ssl, name);
}

/* The subject alternative names of a certificate. */
static inline GENERAL_NAMES *closte_subject_alt_names(X509 *cert) {
  return (GENERAL_NAMES *)X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
}
static inline int closte_general_names_count(const GENERAL_NAMES *names) { return sk_GENERAL_NAME_num(names); }
static inline const GENERAL_NAME *closte_general_names_at(const GENERAL_NAMES *names, int index) {
  return sk_GENERAL_NAME_value(names, index);
}
static inline void closte_general_names_free(GENERAL_NAMES *names) { GENERAL_NAMES_free(names); }
static inline int closte_general_name_type(const GENERAL_NAME *name) { return name->type; }
/* The DNS name or the IP address bytes of a GENERAL_NAME (NULL for other kinds). */
static inline const ASN1_STRING *closte_general_name_value(const GENERAL_NAME *name) {
  if (name->type == GEN_DNS) return name->d.dNSName;
  if (name->type == GEN_IPADD) return name->d.iPAddress;
  return NULL;
}

/* Verifies `leaf` (with the `chain` the server sent) against `store` at the current time, and
   collects every verification error rather than stopping at the first one: up to `capacity`
   X509_V_ERR_* codes go to `errors`; the return value is how many there were. -1 when the
   verification could not run at all. The first certificate above the leaf that is out of its
   validity period (an expired intermediate) goes to `*outdated` with a reference the caller frees,
   and its depth in the chain to `*outdated_depth`. */
typedef struct {
  int count;
  int capacity;
  int errors[32];
  X509 *outdated;
  int outdated_depth;
} closte_verify_findings;

static inline int closte_collect_verify_error(int ok, X509_STORE_CTX *ctx) {
  if (!ok) {
    closte_verify_findings *findings = (closte_verify_findings *)X509_STORE_CTX_get_ex_data(ctx, 0);
    if (findings != NULL) {
      int error = X509_STORE_CTX_get_error(ctx);
      if (findings->count < findings->capacity) {
        findings->errors[findings->count] = error;
        findings->count += 1;
      }
      int depth = X509_STORE_CTX_get_error_depth(ctx);
      X509 *current = X509_STORE_CTX_get_current_cert(ctx);
      if ((error == X509_V_ERR_CERT_HAS_EXPIRED || error == X509_V_ERR_CERT_NOT_YET_VALID) && depth > 0 &&
          findings->outdated == NULL && current != NULL && X509_up_ref(current) == 1) {
        findings->outdated = current;
        findings->outdated_depth = depth;
      }
    }
  }
  return 1;
}

static inline int closte_verify_chain(X509_STORE *store, X509 *leaf, STACK_OF(X509) *chain, int *errors,
                                      int capacity, X509 **outdated, int *outdated_depth) {
  *outdated = NULL;
  *outdated_depth = 0;
  X509_STORE_CTX *ctx = X509_STORE_CTX_new();
  if (ctx == NULL) return -1;
  if (X509_STORE_CTX_init(ctx, store, leaf, chain) != 1) {
    X509_STORE_CTX_free(ctx);
    return -1;
  }
  /* Verified for what it is used for: a TLS server (a client-only certificate is not valid). */
  if (X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER) != 1) {
    X509_STORE_CTX_free(ctx);
    return -1;
  }
  closte_verify_findings findings;
  findings.count = 0;
  findings.capacity = capacity < 32 ? capacity : 32;
  findings.outdated = NULL;
  findings.outdated_depth = 0;
  X509_STORE_CTX_set_ex_data(ctx, 0, &findings);
  X509_STORE_CTX_set_verify_cb(ctx, closte_collect_verify_error);
  int result = X509_verify_cert(ctx);
  X509_STORE_CTX_free(ctx);
  if (result < 0) {
    if (findings.outdated != NULL) X509_free(findings.outdated);
    return -1;
  }
  for (int i = 0; i < findings.count; i++) errors[i] = findings.errors[i];
  *outdated = findings.outdated;
  *outdated_depth = findings.outdated_depth;
  return findings.count;
}

#endif
