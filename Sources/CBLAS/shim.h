#ifndef VALENCE_CBLAS_SHIM_H
#define VALENCE_CBLAS_SHIM_H

// Debian's libopenblas-dev installs <cblas.h> in /usr/include/x86_64-linux-gnu (an alternatives link).
#include <cblas.h>

// OpenBLAS thread control. Recent OpenBLAS headers declare these already; a second identical
// declaration is harmless and keeps the build working with a cblas.h that lacks them.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);

#endif
