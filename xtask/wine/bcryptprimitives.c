/*
 * ProcessPrng for Wine 8 (Debian 12's), which lacks bcryptprimitives.dll.
 * Rust's standard library for Windows (1.78 and later) draws its random
 * numbers from ProcessPrng, so without this DLL no Rust program starts under
 * that Wine. This one asks Windows' RtlGenRandom (advapi32's
 * SystemFunction036), which Wine implements with the host's random source.
 * It goes only into the test prefix `cargo xtask` makes; it is never
 * shipped. Wine 9 and later have the DLL built in and prefer their own.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
