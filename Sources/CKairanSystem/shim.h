#ifndef KAIRAN_SYSTEM_SHIM_H
#define KAIRAN_SYSTEM_SHIM_H
/* glibc >= 2.28 has renameat2, but declares it only under _GNU_SOURCE; Swift's Glibc module does not. */
#ifdef __linux__
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
#define KAIRAN_RENAME_EXCHANGE (1 << 1)
#endif
#endif
