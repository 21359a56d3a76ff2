#include "fanoutbench.h"

int main(int argc, char *argv[])
{
    return linecard::bench::runFanoutBench(argc, argv);
}
