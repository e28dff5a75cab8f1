// Lazy binding of libgit2: the library is loaded on the first call into it, not at start-up.
#ifndef SHIPSHAPE_CGIT2_LOADER_H
#define SHIPSHAPE_CGIT2_LOADER_H

/// Returns the address of a libgit2 function, loading the library on first use and caching the
/// address in *slot. Exits the process with status 2 and a message when the library or the
/// symbol cannot be found (nothing else could be done: every caller needs the function).
void *shipshape_git2_bind(void **slot, const char *name);

#ifdef __linux__
/// The dlopen handle of libgit2 (loading it if needed); dlsym on it also searches libgit2's
/// dependencies.
void *shipshape_git2_library(void);
#endif

#endif
