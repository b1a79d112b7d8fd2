// Names and organisations compared as people write them, with ICU.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/common/text.hpp"

namespace convene {

std::string comparison_key(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    // NFKC with case folding: "José" composed or decomposed, "JOSÉ", "ｊｏｓé" are one key.
    const auto* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    auto source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString folded = U_SUCCESS(status) ? fold->normalize(source, status) : source;
    if (U_FAILURE(status)) folded = source.foldCase();
    // Runs of any Unicode space become one ASCII space; none at either end.
    icu::UnicodeString collapsed;
    bool space = false;
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c)) {
            space = true;
            continue;
        }
        if (space && !collapsed.isEmpty()) collapsed.append(static_cast<UChar>(' '));
        space = false;
        collapsed.append(c);
    }
    std::string out;
    collapsed.toUTF8String(out);
    return out;
}

}  // namespace convene
