#pragma once
// The bytes of a transcript file as text: UTF-8 (a byte order mark dropped), or UTF-16
// when a byte order mark says so. Bytes that are not UTF-8 are kept as Windows-1252
// would read them (old transcripts were saved so) and named; control characters are
// dropped and named, form feeds become line ends. Pure: no I/O.
#include <string>
#include <string_view>
#include <vector>

#include "core/transcripts/transcript.hpp"

namespace convene::transcripts {

struct DecodedText {
    std::string text;  // valid UTF-8, without control characters but tab, CR and LF
    std::vector<BadBytes> bad_bytes;
    std::size_t bad_bytes_total = 0;
    std::string encoding = "utf-8";
};
DecodedText decode_text(std::string_view bytes);

// What the file is when it is not text: "pdf", "zip" (also Word and OpenDocument files),
// "gzip", "png", "jpeg", "gif" or "binary" (mostly bytes no text has); "" for text.
std::string binary_kind(std::string_view bytes);

}  // namespace convene::transcripts
