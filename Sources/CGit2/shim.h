// Shim for libgit2: the header Swift imports, plus non-variadic wrappers (defined in
// CGit2Loader) for what Swift cannot call directly (the variadic git_libgit2_opts).
#ifndef SHIPSHAPE_CGIT2_SHIM_H
#define SHIPSHAPE_CGIT2_SHIM_H

#include <git2.h>

/// Turns libgit2's object cache on or off (GIT_OPT_ENABLE_CACHING).
int shipshape_git_enable_caching(int enabled);

/// Sets the search path of a config level (GIT_OPT_SET_SEARCH_PATH); NULL resets it.
int shipshape_git_set_search_path(git_config_level_t level, const char *path);

/// Turns strict object creation checks on or off (GIT_OPT_ENABLE_STRICT_OBJECT_CREATION).
int shipshape_git_enable_strict_object_creation(int enabled);

/// Turns the ownership check of repository directories on or off (GIT_OPT_SET_OWNER_VALIDATION).
int shipshape_git_set_owner_validation(int enabled);

/// Adds repository format extensions libgit2 may open (GIT_OPT_SET_EXTENSIONS).
int shipshape_git_set_extensions(const char **extensions, size_t count);

/// The file libgit2 was loaded from (loading it if needed), or NULL when the system cannot say.
/// Owned by the dynamic loader: do not free it.
const char *shipshape_git2_path(void);

#endif
