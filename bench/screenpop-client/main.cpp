#include "screenpopclientbench.h"

int main(int argc, char *argv[])
{
    return linecard::bench::runScreenPopClientBench(argc, argv);
}
