#include <cstdarg>
#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <new>

namespace root {

using namespace std;

extern "C" {

void root();

}  // extern "C"

}  // namespace root
