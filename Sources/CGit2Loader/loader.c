// Loads libgit2 on first use. On Linux the executables do not link libgit2: Debian's build pulls
// in about fifteen shared libraries whose loading costs 2-3 ms in every process, and most
// `shipshape` commands (and a lint outside a repository) never touch a repository. The generated
// forwarders in trampolines.c call shipshape_git2_bind() to find each function once.
// Elsewhere (macOS), and in release builds that link libgit2 statically (SHIPSHAPE_GIT2_STATIC,
// scripts/package.sh), libgit2 is linked as usual and only the option wrappers below are used.
#define _GNU_SOURCE  // dladdr
#include <dlfcn.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include "loader.h"
#include "../CGit2/shim.h"

#ifdef SHIPSHAPE_GIT2_DLOPEN
/// The soname the headers we were built against belong to, e.g. libgit2.so.1.5.
#define SHIPSHAPE_GIT2_SONAME "libgit2.so." LIBGIT2_SOVERSION

void *shipshape_git2_library(void) {
    static void *handle;
    void *h = __atomic_load_n(&handle, __ATOMIC_ACQUIRE);
    if (h) return h;
    h = dlopen(SHIPSHAPE_GIT2_SONAME, RTLD_LAZY | RTLD_LOCAL);
    if (!h) {
        fprintf(stderr,
                "shipshape: error: cannot load %s (%s); install libgit2 %s "
                "(Debian/Ubuntu: apt-get install libgit2-dev) or rebuild Shipshape against the "
                "installed version\n",
                SHIPSHAPE_GIT2_SONAME, dlerror(), LIBGIT2_VERSION);
        exit(2);
    }
    __atomic_store_n(&handle, h, __ATOMIC_RELEASE);
    return h;
}

void *shipshape_git2_bind(void **slot, const char *name) {
    void *f = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (f) return f;
    f = dlsym(shipshape_git2_library(), name);
    if (!f) {
        fprintf(stderr, "shipshape: error: %s has no function %s; rebuild Shipshape against the installed libgit2\n",
                SHIPSHAPE_GIT2_SONAME, name);
        exit(2);
    }
    __atomic_store_n(slot, f, __ATOMIC_RELEASE);
    return f;
}

typedef int (*opts_t)(int option, ...);
static opts_t options(void) {
    static void *slot;
    return (opts_t)shipshape_git2_bind(&slot, "git_libgit2_opts");
}
#else
typedef int (*opts_t)(int option, ...);
static opts_t options(void) { return git_libgit2_opts; }
#endif

int shipshape_git_enable_caching(int enabled) {
    return options()(GIT_OPT_ENABLE_CACHING, enabled);
}

int shipshape_git_set_search_path(git_config_level_t level, const char *path) {
    return options()(GIT_OPT_SET_SEARCH_PATH, level, path);
}

int shipshape_git_enable_strict_object_creation(int enabled) {
    return options()(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled);
}

int shipshape_git_set_owner_validation(int enabled) {
    return options()(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}

int shipshape_git_set_extensions(const char **extensions, size_t count) {
    return options()(GIT_OPT_SET_EXTENSIONS, extensions, count);
}

const char *shipshape_git2_path(void) {
#ifdef SHIPSHAPE_GIT2_DLOPEN
    void *f = dlsym(shipshape_git2_library(), "git_libgit2_version");
#else
    void *f = (void *)git_libgit2_version;
#endif
    Dl_info info;
    if (f && dladdr(f, &info) && info.dli_fname) return info.dli_fname;
    return NULL;
}
