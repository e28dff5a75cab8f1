// Shim for libgit2: the header Swift imports, plus inline wrappers for what Swift cannot call
// directly (the variadic git_libgit2_opts).
#ifndef SHIPSHAPE_CGIT2_SHIM_H
#define SHIPSHAPE_CGIT2_SHIM_H

#include <git2.h>

/// Turns libgit2's object cache on or off (GIT_OPT_ENABLE_CACHING).
static inline int shipshape_git_enable_caching(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}

/// Limits the search for repositories to the given separator-delimited directories
/// (GIT_OPT_SET_SEARCH_PATH for a config level).
static inline int shipshape_git_set_search_path(git_config_level_t level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

/// Turns strict object creation checks on or off (GIT_OPT_ENABLE_STRICT_OBJECT_CREATION).
static inline int shipshape_git_enable_strict_object_creation(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled);
}

/// Turns the ownership check of repository directories on or off (GIT_OPT_SET_OWNER_VALIDATION).
static inline int shipshape_git_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}

#endif
