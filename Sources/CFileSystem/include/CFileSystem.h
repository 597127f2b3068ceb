#ifndef SETLIST_CFILESYSTEM_H
#define SETLIST_CFILESYSTEM_H

/// Renames `from` (relative to directory `from_dir`) to `to` (relative to `to_dir`)
/// only if `to` does not exist, atomically. Returns 0, or -1 with errno set
/// (EEXIST when the destination exists).
int setlist_rename_noreplace(int from_dir, const char *from, int to_dir, const char *to);

#endif
