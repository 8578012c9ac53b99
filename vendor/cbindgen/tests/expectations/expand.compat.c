#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct {

} Foo;

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

void root(Foo a);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus
