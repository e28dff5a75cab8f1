// Keeps libgit2 from reading the system's certificate bundle.
//
// Debian builds libgit2 1.5 with mbedTLS, and git_libgit2_init() parses the whole CA bundle
// (/etc/ssl/certs/ca-certificates.crt, ~140 certificates) up front: about 52 million
// instructions, 4-5 ms, in every process that opens a repository. Shipshape never talks to a
// network through libgit2 — it reads objects, refs and config — so those certificates are never
// used. Should a future feature use an HTTPS transport, certificate verification would fail
// closed (an empty chain trusts no one); set SHIPSHAPE_LOAD_CA_BUNDLE=1 to load the bundle as usual.
//
// - libgit2 loaded on first use (SHIPSHAPE_GIT2_DLOPEN): the executables are linked with
//   --export-dynamic, so these definitions take the place of mbedTLS's for libgit2 (symbol
//   interposition); the real functions are found through libgit2's own handle, whose
//   dependencies include mbedTLS.
// - libgit2 linked statically (SHIPSHAPE_GIT2_STATIC, scripts/package.sh): the link wraps the two
//   functions (ld --wrap=mbedtls_x509_crt_parse_file --wrap=mbedtls_x509_crt_parse_path), so
//   libgit2's calls land in the __wrap_ definitions, which reach the real ones as __real_.
#include <stdlib.h>
#include "loader.h"

typedef struct mbedtls_x509_crt mbedtls_x509_crt;
typedef int (*parse_t)(mbedtls_x509_crt *chain, const char *path);

static int load_bundle(void) {
    const char *flag = getenv("SHIPSHAPE_LOAD_CA_BUNDLE");
    return flag != NULL && flag[0] == '1';
}

#if defined(SHIPSHAPE_GIT2_DLOPEN)
#include <dlfcn.h>

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
#elif defined(SHIPSHAPE_GIT2_STATIC)
int __real_mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path);
int __real_mbedtls_x509_crt_parse_path(mbedtls_x509_crt *chain, const char *path);

int __wrap_mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path) {
    return load_bundle() ? __real_mbedtls_x509_crt_parse_file(chain, path) : 0;
}

int __wrap_mbedtls_x509_crt_parse_path(mbedtls_x509_crt *chain, const char *path) {
    return load_bundle() ? __real_mbedtls_x509_crt_parse_path(chain, path) : 0;
}
#endif
