#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

extern const uint32_t FIRST;

extern const uint32_t RENAMED;

void first(void);

void renamed(void);
