// Keeps libgit2 from reading the system's certificate bundle.
//
// Debian builds libgit2 1.5 with mbedTLS, and git_libgit2_init() parses the whole CA bundle
// (/etc/ssl/certs/ca-certificates.crt, ~140 certificates) up front: about 52 million
// instructions, 4-5 ms, in every process that opens a repository. Shipshape never talks to a
// network through libgit2 — it reads objects, refs and config — so those certificates are never
// used. The executables are linked with --export-dynamic, so these definitions take the place of
// mbedTLS's for libgit2 (symbol interposition) and load nothing. Should a future feature use an
// HTTPS transport, certificate verification would fail closed (an empty chain trusts no one);
// set SHIPSHAPE_LOAD_CA_BUNDLE=1 to load the bundle as usual (the real functions are found
// through libgit2's own handle, whose dependencies include mbedTLS).
#ifdef __linux__
#include <dlfcn.h>
#include <stdlib.h>
#include "loader.h"

typedef struct mbedtls_x509_crt mbedtls_x509_crt;
typedef int (*parse_t)(mbedtls_x509_crt *chain, const char *path);

static int load_bundle(void) {
    const char *flag = getenv("SHIPSHAPE_LOAD_CA_BUNDLE");
    return flag != NULL && flag[0] == '1';
}

int mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path) {
    if (load_bundle()) {
        parse_t real = (parse_t)dlsym(shipshape_git2_library(), "mbedtls_x509_crt_parse_file");
        if (real) return real(chain, path);
    }
    return 0;
}

int mbedtls_x509_crt_parse_path(mbedtls_x509_crt *chain, const char *path) {
    if (load_bundle()) {
        parse_t real = (parse_t)dlsym(shipshape_git2_library(), "mbedtls_x509_crt_parse_path");
        if (real) return real(chain, path);
    }
    return 0;
}
#endif
