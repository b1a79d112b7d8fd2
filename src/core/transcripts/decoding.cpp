#include "core/transcripts/decoding.hpp"

#include <algorithm>
#include <cstdint>

namespace convene::transcripts {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Windows-1252's characters for 0x80-0x9F; 0 where it has none.
constexpr std::uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::uint32_t cp1252(unsigned char b) {
    if (b >= 0xA0) return b;
    auto cp = cp1252_high[b - 0x80];
    return cp ? cp : 0xFFFD;
}

// The length of the valid UTF-8 sequence at `at` and its code point; 0 when invalid.
std::size_t utf8_sequence(std::string_view s, std::size_t at, std::uint32_t& cp) {
    auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[at + i]); };
    unsigned char c = b(0);
    if (c < 0x80) return cp = c, 1;
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || at + n > s.size()) return 0;
    cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t i = 1; i < n; ++i) {
        if ((b(i) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i) & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

const char* hex = "0123456789ABCDEF";

class Decoder {
  public:
    explicit Decoder(DecodedText& out) : out_(out) {}

    // One code point of the file at `offset`; `raw` the bytes it came from when they
    // were not UTF-8 (empty when they were).
    void put(std::uint32_t cp, std::size_t offset, std::string_view raw) {
        bool control =
            (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f' && cp != '\v') ||
            (cp >= 0x7F && cp < 0xA0);
        if (cp == '\f' || cp == '\v') cp = '\n';
        std::string read_as;
        if (!control) append_utf8(read_as, cp);
        if (!raw.empty() || control) name(offset, raw.empty() ? read_as_bytes(cp) : raw, read_as);
        out_.text += read_as;
        // Lines end at LF, CRLF or a lone CR, as the reader splits them.
        if (cp == '\n' && !after_cr_) ++line_;
        if (cp == '\r') ++line_;
        after_cr_ = cp == '\r';
    }

    // Printable ASCII, copied as it is.
    void plain(std::string_view text) {
        out_.text.append(text);
        after_cr_ = false;
    }

  private:
    static std::string read_as_bytes(std::uint32_t cp) {
        std::string s;
        append_utf8(s, cp);
        return s;
    }

    void name(std::size_t offset, std::string_view raw, const std::string& read_as) {
        // Adjacent bad bytes are one run, up to 16 bytes.
        bool joins = run_end_ == offset && run_bytes_ + raw.size() <= 16;
        run_bytes_ = (joins ? run_bytes_ : 0) + raw.size();
        run_end_ = offset + raw.size();
        if (joins) {
            if (!run_listed_) return;
            auto& run = out_.bad_bytes.back();
            for (unsigned char c : raw) run.bytes += std::string{' ', hex[c >> 4], hex[c & 15]};
            run.read_as += read_as;
            return;
        }
        ++out_.bad_bytes_total;
        run_listed_ = out_.bad_bytes.size() < max_listed_problems;
        if (!run_listed_) return;
        BadBytes b;
        b.line = line_;
        b.offset = offset;
        for (unsigned char c : raw) {
            if (!b.bytes.empty()) b.bytes += ' ';
            b.bytes += std::string{hex[c >> 4], hex[c & 15]};
        }
        b.read_as = read_as;
        out_.bad_bytes.push_back(std::move(b));
    }

    DecodedText& out_;
    int line_ = 1;
    bool after_cr_ = false;
    std::size_t run_end_ = static_cast<std::size_t>(-1), run_bytes_ = 0;
    bool run_listed_ = false;
};

void decode_utf16(std::string_view bytes, bool little_endian, DecodedText& out) {
    Decoder d(out);
    auto unit = [&](std::size_t i) -> std::uint32_t {
        auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? a | (b << 8) : (a << 8) | b;
    };
    std::size_t i = 2;
    for (; i + 1 < bytes.size(); i += 2) {
        auto u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
            auto low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                d.put(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), i, {});
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            d.put(0xFFFD, i, bytes.substr(i, 2));
        else
            d.put(u, i, {});
    }
    if (i < bytes.size()) d.put(0xFFFD, i, bytes.substr(i));
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
    DecodedText out;
    if (bytes.size() >= 2 &&
        (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
        bool little = bytes[0] == '\xFF';
        out.encoding = little ? "utf-16le" : "utf-16be";
        out.text.reserve(bytes.size() / 2);
        decode_utf16(bytes, little, out);
        return out;
    }
    std::size_t i = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    out.text.reserve(bytes.size() - i);
    Decoder d(out);
    while (i < bytes.size()) {
        // Plain ASCII text runs are copied whole.
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7F) {
            auto end = i;
            while (end < bytes.size() && static_cast<unsigned char>(bytes[end]) >= 0x20 &&
                   static_cast<unsigned char>(bytes[end]) < 0x7F)
                ++end;
            d.plain(bytes.substr(i, end - i));
            i = end;
            continue;
        }
        std::uint32_t cp = 0;
        auto n = utf8_sequence(bytes, i, cp);
        if (n == 0) {
            d.put(cp1252(c), i, bytes.substr(i, 1));
            ++i;
        } else {
            d.put(cp, i, {});
            i += n;
        }
    }
    return out;
}

std::string binary_kind(std::string_view bytes) {
    auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
    if (starts("%PDF-")) return "pdf";
    if (starts("PK\x03\x04") || starts("PK\x05\x06")) return "zip";
    if (starts("\x1F\x8B")) return "gzip";
    if (starts("\x89PNG")) return "png";
    if (starts("\xFF\xD8\xFF")) return "jpeg";
    if (starts("GIF87a") || starts("GIF89a")) return "gif";
    if (starts("\xFF\xFE") || starts("\xFE\xFF")) return "";  // UTF-16 with its byte order mark
    // Text has few bytes that are neither printable nor part of UTF-8: count them in the
    // first 64 KiB (NUL and control bytes, and bytes outside a valid sequence).
    auto head = bytes.substr(0, 64 * 1024);
    std::size_t odd = 0;
    for (std::size_t i = 0; i < head.size();) {
        auto c = static_cast<unsigned char>(head[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
            ++odd, ++i;
            continue;
        }
        std::uint32_t cp = 0;
        auto n = utf8_sequence(head, i, cp);
        if (n == 0) ++odd;
        i += n ? n : 1;
    }
    return !head.empty() && odd * 10 > head.size() * 3 ? "binary" : "";
}

}  // namespace convene::transcripts
