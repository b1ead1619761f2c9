#ifndef CLOSTE_COPENSSLLOADER_H
#define CLOSTE_COPENSSLLOADER_H

// The part of OpenSSL that `ssl check` (and `domain status`, `domain wait`, `doctor`) uses, loaded on
// first use (dlopen of libssl.so.3), as libcurl is: a binary linked with -lssl -lcrypto pays for
// loading and relocating them at every start (1.9 -> 3.5 ms for a program that only prints), and
// most commands never open a TLS connection.
//
// Each closte_X below is OpenSSL's X called through the table that closte_openssl_load() fills in,
// with OpenSSL's own argument types; OpenSSL's documentation applies. The few OpenSSL macros closte
// needs (SSL_CTX_set_min_proto_version, STACK_OF helpers) are functions here. OpenSSL's types are
// opaque to Swift (the struct tags below are OpenSSL's own), and the numbers are OpenSSL's, checked
// against its headers when this target is compiled.

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct ssl_ctx_st;
struct ssl_st;
struct x509_st;
struct X509_name_st;
struct X509_name_entry_st;
struct asn1_string_st;
struct asn1_object_st;
struct stack_st_X509;
struct stack_st_GENERAL_NAME;
struct GENERAL_NAME_st;

/// Loads libssl.so.3 (and with it libcrypto.so.3) and resolves every function below, once, on any
/// thread. Returns 1 when all are there, 0 otherwise; closte_openssl_load_error() then says why.
int closte_openssl_load(void);
const char *closte_openssl_load_error(void);

// The library.
const char *closte_OpenSSL_version(int type);
unsigned long closte_ERR_get_error(void);
void closte_ERR_clear_error(void);
void closte_ERR_error_string_n(unsigned long code, char *buffer, size_t length);

// The client context: TLS 1.2 to 1.3 (the range is two SSL_CTX_ctrl calls in OpenSSL's macros).
struct ssl_ctx_st *closte_SSL_CTX_new_client(void);
void closte_SSL_CTX_free(struct ssl_ctx_st *context);
int closte_SSL_CTX_set_protocol_range(struct ssl_ctx_st *context, int minimum, int maximum);
void closte_SSL_CTX_set_verify_none(struct ssl_ctx_st *context);
int closte_SSL_CTX_set_default_verify_paths(struct ssl_ctx_st *context);
int closte_SSL_CTX_load_verify_file(struct ssl_ctx_st *context, const char *file);

// One connection.
struct ssl_st *closte_SSL_new(struct ssl_ctx_st *context);
void closte_SSL_free(struct ssl_st *ssl);
int closte_SSL_set_fd(struct ssl_st *ssl, int descriptor);
int closte_SSL_set_tlsext_host_name(struct ssl_st *ssl, const char *name);
int closte_SSL_connect(struct ssl_st *ssl);
int closte_SSL_get_error(const struct ssl_st *ssl, int result);
int closte_SSL_shutdown(struct ssl_st *ssl);
const char *closte_SSL_get_version(const struct ssl_st *ssl);
struct x509_st *closte_SSL_get1_peer_certificate(const struct ssl_st *ssl);
struct stack_st_X509 *closte_SSL_get_peer_cert_chain(const struct ssl_st *ssl);

// Certificates.
void closte_X509_free(struct x509_st *certificate);
struct X509_name_st *closte_X509_get_subject_name(const struct x509_st *certificate);
struct X509_name_st *closte_X509_get_issuer_name(const struct x509_st *certificate);
const struct asn1_string_st *closte_X509_get0_notBefore(const struct x509_st *certificate);
const struct asn1_string_st *closte_X509_get0_notAfter(const struct x509_st *certificate);
int closte_X509_NAME_entry_count(const struct X509_name_st *name);
struct X509_name_entry_st *closte_X509_NAME_get_entry(const struct X509_name_st *name, int index);
int closte_X509_NAME_get_index_by_NID(const struct X509_name_st *name, int nid, int last);
struct asn1_object_st *closte_X509_NAME_ENTRY_get_object(const struct X509_name_entry_st *entry);
struct asn1_string_st *closte_X509_NAME_ENTRY_get_data(const struct X509_name_entry_st *entry);
int closte_OBJ_obj2nid(const struct asn1_object_st *object);
const char *closte_OBJ_nid2sn(int nid);

// ASN.1 strings and times. closte_ASN1_STRING_to_UTF8's output is freed with closte_OPENSSL_free.
int closte_ASN1_STRING_length(const struct asn1_string_st *string);
const unsigned char *closte_ASN1_STRING_get0_data(const struct asn1_string_st *string);
int closte_ASN1_STRING_to_UTF8(unsigned char **output, const struct asn1_string_st *string);
int closte_ASN1_TIME_to_tm(const struct asn1_string_st *time, struct tm *parts);
void closte_OPENSSL_free(void *pointer);

// The subject alternative names of a certificate (a GENERAL_NAMES stack, freed by the caller).
struct stack_st_GENERAL_NAME *closte_subject_alt_names(const struct x509_st *certificate);
void closte_general_names_free(struct stack_st_GENERAL_NAME *names);
int closte_general_names_count(const struct stack_st_GENERAL_NAME *names);
const struct GENERAL_NAME_st *closte_general_names_at(const struct stack_st_GENERAL_NAME *names, int index);
int closte_general_name_type(const struct GENERAL_NAME_st *name);
/// The DNS name or the IP address bytes of a GENERAL_NAME (NULL for other kinds).
const struct asn1_string_st *closte_general_name_value(const struct GENERAL_NAME_st *name);

/// Verifies `leaf` (with the `chain` the server sent) against the context's trust store at the
/// current time, for a TLS server, and collects every verification error rather than stopping at the
/// first one: up to `capacity` X509_V_ERR_* codes go to `errors`; the return value is how many there
/// were, -1 when the verification could not run at all. The first certificate above the leaf that is
/// out of its validity period (an expired intermediate) goes to `*outdated` with a reference the
/// caller frees (closte_X509_free), and its depth in the chain to `*outdated_depth`.
int closte_verify_chain(struct ssl_ctx_st *context, struct x509_st *leaf, struct stack_st_X509 *chain, int *errors,
                        int capacity, struct x509_st **outdated, int *outdated_depth);

// OpenSSL's numbers that closte reads (ABI-stable; checked against the headers in openssl_loader.c).
enum {
  CLOSTE_OPENSSL_VERSION = 0,
  CLOSTE_TLS1_2_VERSION = 0x0303,
  CLOSTE_TLS1_3_VERSION = 0x0304,
  CLOSTE_SSL_ERROR_WANT_READ = 2,
  CLOSTE_SSL_ERROR_WANT_WRITE = 3,
  CLOSTE_SSL_ERROR_SYSCALL = 5,
  CLOSTE_SSL_ERROR_ZERO_RETURN = 6,
  CLOSTE_X509_V_ERR_UNSPECIFIED = 1,
  CLOSTE_X509_V_ERR_CERT_NOT_YET_VALID = 9,
  CLOSTE_X509_V_ERR_CERT_HAS_EXPIRED = 10,
  CLOSTE_X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT = 18,
  CLOSTE_X509_V_ERR_INVALID_PURPOSE = 26,
  CLOSTE_NID_commonName = 13,
  CLOSTE_GEN_DNS = 2,
  CLOSTE_GEN_IPADD = 7,
};

#endif
