#include "clientbench.h"

int main(int argc, char *argv[])
{
    return linecard::bench::runClientBench(argc, argv);
}
