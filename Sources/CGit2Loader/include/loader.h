// Lazy binding of libgit2: the library is loaded on the first call into it, not at start-up.
#ifndef SHIPSHAPE_CGIT2_LOADER_H
#define SHIPSHAPE_CGIT2_LOADER_H

/// Whether libgit2 is loaded on first use (Linux builds that do not link it in). A release build
/// (scripts/package.sh) defines SHIPSHAPE_GIT2_STATIC and links libgit2 statically instead.
#if defined(__linux__) && !defined(SHIPSHAPE_GIT2_STATIC)
#define SHIPSHAPE_GIT2_DLOPEN 1
#endif

/// Returns the address of a libgit2 function, loading the library on first use and caching the
/// address in *slot. Exits the process with status 2 and a message when the library or the
/// symbol cannot be found (nothing else could be done: every caller needs the function).
void *shipshape_git2_bind(void **slot, const char *name);

#ifdef SHIPSHAPE_GIT2_DLOPEN
/// The dlopen handle of libgit2 (loading it if needed); dlsym on it also searches libgit2's
/// dependencies.
void *shipshape_git2_library(void);
#endif

#endif
