#pragma once

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace linecard::fuzz {

// A PBX request as the fuzzers see it: the first line is the Content-Type header, the rest
// the body (so one input explores forms, JSON and multipart alike).
struct HttpInput
{
    QByteArray contentType;
    QByteArray body;

    static HttpInput from(const uint8_t *data, size_t size)
    {
        const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
        const qsizetype newline = bytes.indexOf('\n');
        if (newline < 0)
            return {{}, bytes};
        return {bytes.left(newline).trimmed(), bytes.mid(newline + 1)};
    }
};

// A broken promise of the code under test: report it the way a sanitizer would, so that
// libFuzzer saves the input.
[[noreturn]] inline void violated(const char *what)
{
    std::fprintf(stderr, "fuzz: %s\n", what);
    std::abort();
}

} // namespace linecard::fuzz
