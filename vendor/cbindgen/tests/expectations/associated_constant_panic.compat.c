#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
