// OpenSSL, loaded on first use. See COpenSSLLoader.h for why.
//
// OpenSSL's headers are read here (libssl-dev at build time) so that every entry of the table has
// the exact type OpenSSL declares (__typeof__), and the numbers the header gives Swift are checked
// against OpenSSL's own. Nothing links -lssl or -lcrypto.
#include "COpenSSLLoader.h"

#include <dlfcn.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <pthread.h>
#include <stdio.h>

_Static_assert(CLOSTE_OPENSSL_VERSION == OPENSSL_VERSION, "OPENSSL_VERSION");
_Static_assert(CLOSTE_TLS1_2_VERSION == TLS1_2_VERSION, "TLS1_2_VERSION");
_Static_assert(CLOSTE_TLS1_3_VERSION == TLS1_3_VERSION, "TLS1_3_VERSION");
_Static_assert(CLOSTE_SSL_ERROR_WANT_READ == SSL_ERROR_WANT_READ, "SSL_ERROR_WANT_READ");
_Static_assert(CLOSTE_SSL_ERROR_WANT_WRITE == SSL_ERROR_WANT_WRITE, "SSL_ERROR_WANT_WRITE");
_Static_assert(CLOSTE_SSL_ERROR_SYSCALL == SSL_ERROR_SYSCALL, "SSL_ERROR_SYSCALL");
_Static_assert(CLOSTE_SSL_ERROR_ZERO_RETURN == SSL_ERROR_ZERO_RETURN, "SSL_ERROR_ZERO_RETURN");
_Static_assert(CLOSTE_X509_V_ERR_UNSPECIFIED == X509_V_ERR_UNSPECIFIED, "X509_V_ERR_UNSPECIFIED");
_Static_assert(CLOSTE_X509_V_ERR_CERT_NOT_YET_VALID == X509_V_ERR_CERT_NOT_YET_VALID, "CERT_NOT_YET_VALID");
_Static_assert(CLOSTE_X509_V_ERR_CERT_HAS_EXPIRED == X509_V_ERR_CERT_HAS_EXPIRED, "CERT_HAS_EXPIRED");
_Static_assert(CLOSTE_X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, "SELF_SIGNED");
_Static_assert(CLOSTE_X509_V_ERR_INVALID_PURPOSE == X509_V_ERR_INVALID_PURPOSE, "INVALID_PURPOSE");
_Static_assert(CLOSTE_NID_commonName == NID_commonName, "NID_commonName");
_Static_assert(CLOSTE_GEN_DNS == GEN_DNS, "GEN_DNS");
_Static_assert(CLOSTE_GEN_IPADD == GEN_IPADD, "GEN_IPADD");

/// Every OpenSSL function closte calls, by its own name.
#define CLOSTE_OPENSSL_FUNCTIONS(F)                                                                          \
  F(OpenSSL_version) F(ERR_get_error) F(ERR_clear_error) F(ERR_error_string_n) F(CRYPTO_free)                  \
  F(TLS_client_method) F(SSL_CTX_new) F(SSL_CTX_free) F(SSL_CTX_ctrl) F(SSL_CTX_set_verify)                   \
  F(SSL_CTX_set_default_verify_paths) F(SSL_CTX_load_verify_locations) F(SSL_CTX_get_cert_store)              \
  F(SSL_new) F(SSL_free) F(SSL_set_fd) F(SSL_ctrl) F(SSL_connect) F(SSL_get_error) F(SSL_shutdown)            \
  F(SSL_get_version) F(SSL_get1_peer_certificate) F(SSL_get_peer_cert_chain)                                  \
  F(X509_free) F(X509_up_ref) F(X509_get_subject_name) F(X509_get_issuer_name) F(X509_get0_notBefore)        \
  F(X509_get0_notAfter) F(X509_get_ext_d2i) F(X509_NAME_entry_count) F(X509_NAME_get_entry)                   \
  F(X509_NAME_get_index_by_NID) F(X509_NAME_ENTRY_get_object) F(X509_NAME_ENTRY_get_data) F(OBJ_obj2nid)      \
  F(OBJ_nid2sn) F(ASN1_STRING_length) F(ASN1_STRING_get0_data) F(ASN1_STRING_to_UTF8) F(ASN1_TIME_to_tm)      \
  F(OPENSSL_sk_num) F(OPENSSL_sk_value) F(GENERAL_NAMES_free) F(X509_STORE_CTX_new) F(X509_STORE_CTX_free)    \
  F(X509_STORE_CTX_init) F(X509_STORE_CTX_set_purpose) F(X509_STORE_CTX_set_ex_data)                          \
  F(X509_STORE_CTX_get_ex_data) F(X509_STORE_CTX_set_verify_cb) F(X509_STORE_CTX_get_error)                  \
  F(X509_STORE_CTX_get_error_depth) F(X509_STORE_CTX_get_current_cert) F(X509_verify_cert)

static struct {
#define CLOSTE_SLOT(name) __typeof__(&name) name;
  CLOSTE_OPENSSL_FUNCTIONS(CLOSTE_SLOT)
#undef CLOSTE_SLOT
} ssl;

static int loaded;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *library;

static int resolve(void **slot, const char *name) {
  // libssl's handle also finds libcrypto's functions: dlsym searches a library's dependencies.
  *slot = dlsym(library, name);
  if (*slot) return 1;
  snprintf(failure, sizeof failure, "the libssl.so.3 found has no %s (OpenSSL 3 is needed)", name);
  return 0;
}

static void load(void) {
  library = dlopen("libssl.so.3", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *reason = dlerror();
    snprintf(failure, sizeof failure, "libssl.so.3 cannot be loaded (%s)", reason ? reason : "not found");
    return;
  }
  int ok = 1
#define CLOSTE_RESOLVE(name) &&resolve((void **)&ssl.name, #name)
    CLOSTE_OPENSSL_FUNCTIONS(CLOSTE_RESOLVE)
#undef CLOSTE_RESOLVE
    ;
  loaded = ok;
}

int closte_openssl_load(void) {
  pthread_once(&once, load);
  return loaded;
}

const char *closte_openssl_load_error(void) { return failure; }

const char *closte_OpenSSL_version(int type) { return ssl.OpenSSL_version(type); }
unsigned long closte_ERR_get_error(void) { return ssl.ERR_get_error(); }
void closte_ERR_clear_error(void) { ssl.ERR_clear_error(); }
void closte_ERR_error_string_n(unsigned long code, char *buffer, size_t length) {
  ssl.ERR_error_string_n(code, buffer, length);
}

SSL_CTX *closte_SSL_CTX_new_client(void) { return ssl.SSL_CTX_new(ssl.TLS_client_method()); }
void closte_SSL_CTX_free(SSL_CTX *context) { ssl.SSL_CTX_free(context); }
int closte_SSL_CTX_set_protocol_range(SSL_CTX *context, int minimum, int maximum) {
  return ssl.SSL_CTX_ctrl(context, SSL_CTRL_SET_MIN_PROTO_VERSION, minimum, NULL) == 1
    && ssl.SSL_CTX_ctrl(context, SSL_CTRL_SET_MAX_PROTO_VERSION, maximum, NULL) == 1;
}
void closte_SSL_CTX_set_verify_none(SSL_CTX *context) { ssl.SSL_CTX_set_verify(context, SSL_VERIFY_NONE, NULL); }
int closte_SSL_CTX_set_default_verify_paths(SSL_CTX *context) { return ssl.SSL_CTX_set_default_verify_paths(context); }
int closte_SSL_CTX_load_verify_file(SSL_CTX *context, const char *file) {
  return ssl.SSL_CTX_load_verify_locations(context, file, NULL);
}

SSL *closte_SSL_new(SSL_CTX *context) { return ssl.SSL_new(context); }
void closte_SSL_free(SSL *connection) { ssl.SSL_free(connection); }
int closte_SSL_set_fd(SSL *connection, int descriptor) { return ssl.SSL_set_fd(connection, descriptor); }
int closte_SSL_set_tlsext_host_name(SSL *connection, const char *name) {
  return (int)ssl.SSL_ctrl(connection, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, (void *)name);
}
int closte_SSL_connect(SSL *connection) { return ssl.SSL_connect(connection); }
int closte_SSL_get_error(const SSL *connection, int result) { return ssl.SSL_get_error(connection, result); }
int closte_SSL_shutdown(SSL *connection) { return ssl.SSL_shutdown(connection); }
const char *closte_SSL_get_version(const SSL *connection) { return ssl.SSL_get_version(connection); }
X509 *closte_SSL_get1_peer_certificate(const SSL *connection) { return ssl.SSL_get1_peer_certificate(connection); }
STACK_OF(X509) *closte_SSL_get_peer_cert_chain(const SSL *connection) {
  return ssl.SSL_get_peer_cert_chain(connection);
}

void closte_X509_free(X509 *certificate) { ssl.X509_free(certificate); }
X509_NAME *closte_X509_get_subject_name(const X509 *certificate) { return ssl.X509_get_subject_name(certificate); }
X509_NAME *closte_X509_get_issuer_name(const X509 *certificate) { return ssl.X509_get_issuer_name(certificate); }
const ASN1_TIME *closte_X509_get0_notBefore(const X509 *certificate) { return ssl.X509_get0_notBefore(certificate); }
const ASN1_TIME *closte_X509_get0_notAfter(const X509 *certificate) { return ssl.X509_get0_notAfter(certificate); }
int closte_X509_NAME_entry_count(const X509_NAME *name) { return ssl.X509_NAME_entry_count(name); }
X509_NAME_ENTRY *closte_X509_NAME_get_entry(const X509_NAME *name, int index) {
  return ssl.X509_NAME_get_entry(name, index);
}
int closte_X509_NAME_get_index_by_NID(const X509_NAME *name, int nid, int last) {
  return ssl.X509_NAME_get_index_by_NID(name, nid, last);
}
ASN1_OBJECT *closte_X509_NAME_ENTRY_get_object(const X509_NAME_ENTRY *entry) {
  return ssl.X509_NAME_ENTRY_get_object(entry);
}
ASN1_STRING *closte_X509_NAME_ENTRY_get_data(const X509_NAME_ENTRY *entry) {
  return ssl.X509_NAME_ENTRY_get_data(entry);
}
int closte_OBJ_obj2nid(const ASN1_OBJECT *object) { return ssl.OBJ_obj2nid(object); }
const char *closte_OBJ_nid2sn(int nid) { return ssl.OBJ_nid2sn(nid); }

int closte_ASN1_STRING_length(const ASN1_STRING *string) { return ssl.ASN1_STRING_length(string); }
const unsigned char *closte_ASN1_STRING_get0_data(const ASN1_STRING *string) {
  return ssl.ASN1_STRING_get0_data(string);
}
int closte_ASN1_STRING_to_UTF8(unsigned char **output, const ASN1_STRING *string) {
  return ssl.ASN1_STRING_to_UTF8(output, string);
}
int closte_ASN1_TIME_to_tm(const ASN1_TIME *time, struct tm *parts) { return ssl.ASN1_TIME_to_tm(time, parts); }
void closte_OPENSSL_free(void *pointer) { ssl.CRYPTO_free(pointer, __FILE__, __LINE__); }

GENERAL_NAMES *closte_subject_alt_names(const X509 *certificate) {
  return (GENERAL_NAMES *)ssl.X509_get_ext_d2i(certificate, NID_subject_alt_name, NULL, NULL);
}
void closte_general_names_free(GENERAL_NAMES *names) { ssl.GENERAL_NAMES_free(names); }
int closte_general_names_count(const GENERAL_NAMES *names) { return ssl.OPENSSL_sk_num((const OPENSSL_STACK *)names); }
const GENERAL_NAME *closte_general_names_at(const GENERAL_NAMES *names, int index) {
  return (const GENERAL_NAME *)ssl.OPENSSL_sk_value((const OPENSSL_STACK *)names, index);
}
int closte_general_name_type(const GENERAL_NAME *name) { return name->type; }
const ASN1_STRING *closte_general_name_value(const GENERAL_NAME *name) {
  if (name->type == GEN_DNS) return name->d.dNSName;
  if (name->type == GEN_IPADD) return name->d.iPAddress;
  return NULL;
}

/// What the verify callback collects while X509_verify_cert walks the chain.
typedef struct {
  int count;
  int capacity;
  int errors[32];
  X509 *outdated;
  int outdated_depth;
} closte_verify_findings;

/// Notes every error and answers "go on", so one verification finds them all.
static int collect_verify_error(int ok, X509_STORE_CTX *context) {
  if (ok) return 1;
  closte_verify_findings *findings = (closte_verify_findings *)ssl.X509_STORE_CTX_get_ex_data(context, 0);
  if (findings == NULL) return 1;
  int error = ssl.X509_STORE_CTX_get_error(context);
  if (findings->count < findings->capacity) {
    findings->errors[findings->count] = error;
    findings->count += 1;
  }
  int depth = ssl.X509_STORE_CTX_get_error_depth(context);
  X509 *current = ssl.X509_STORE_CTX_get_current_cert(context);
  if ((error == X509_V_ERR_CERT_HAS_EXPIRED || error == X509_V_ERR_CERT_NOT_YET_VALID) && depth > 0
      && findings->outdated == NULL && current != NULL && ssl.X509_up_ref(current) == 1) {
    findings->outdated = current;
    findings->outdated_depth = depth;
  }
  return 1;
}

int closte_verify_chain(SSL_CTX *context, X509 *leaf, STACK_OF(X509) *chain, int *errors, int capacity,
                        X509 **outdated, int *outdated_depth) {
  *outdated = NULL;
  *outdated_depth = 0;
  X509_STORE *store = ssl.SSL_CTX_get_cert_store(context);
  if (store == NULL) return -1;
  X509_STORE_CTX *verification = ssl.X509_STORE_CTX_new();
  if (verification == NULL) return -1;
  // Verified for what it is used for: a TLS server (a client-only certificate is not valid).
  if (ssl.X509_STORE_CTX_init(verification, store, leaf, chain) != 1
      || ssl.X509_STORE_CTX_set_purpose(verification, X509_PURPOSE_SSL_SERVER) != 1) {
    ssl.X509_STORE_CTX_free(verification);
    return -1;
  }
  closte_verify_findings findings = {0};
  findings.capacity = capacity < 32 ? capacity : 32;
  ssl.X509_STORE_CTX_set_ex_data(verification, 0, &findings);
  ssl.X509_STORE_CTX_set_verify_cb(verification, collect_verify_error);
  int result = ssl.X509_verify_cert(verification);
  ssl.X509_STORE_CTX_free(verification);
  if (result < 0) {
    if (findings.outdated != NULL) ssl.X509_free(findings.outdated);
    return -1;
  }
  for (int i = 0; i < findings.count; i++) errors[i] = findings.errors[i];
  *outdated = findings.outdated;
  *outdated_depth = findings.outdated_depth;
  return findings.count;
}
