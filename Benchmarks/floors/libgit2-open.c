/* Floor for the benchmark: a process that links the same libgit2, initialises it and opens the
 * repository in the current directory, which any hook that reads the repository must pay. */
#include <git2.h>

int main(void) {
    git_repository *repo = NULL;
    git_libgit2_init();
    int rc = git_repository_open_ext(&repo, ".", 0, NULL);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return rc == 0 ? 0 : 1;
}
