#include "http/compression.hpp"

#include <brotli/encode.h>
#include <libdeflate.h>

#include <array>
#include <cctype>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <unordered_map>

namespace convene::http {

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool same_token(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
    return true;
}

// The q-value of one Accept-Encoding element ("gzip;q=0.5" -> 0.5; none -> 1).
double quality(std::string_view parameters) {
    while (!parameters.empty()) {
        auto end = parameters.find(';');
        auto p = trimmed(parameters.substr(0, end));
        parameters = end == parameters.npos ? std::string_view{} : parameters.substr(end + 1);
        if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
            try {
                return std::stod(std::string(p.substr(2)));
            } catch (const std::exception&) {
                return 0;
            }
        }
    }
    return 1;
}

// Responses compressed before, by ETag and coding; cleared when full (the public pages
// and static files are a few dozen entries).
std::shared_mutex cache_mutex;  // read by every thread, written rarely
std::unordered_map<std::string, std::string> cache;

}  // namespace

Coding preferred_coding(std::string_view accept_encoding) {
    double br = -1, gz = -1, any = -1;
    while (!accept_encoding.empty()) {
        auto end = accept_encoding.find(',');
        auto element = trimmed(accept_encoding.substr(0, end));
        accept_encoding =
            end == accept_encoding.npos ? std::string_view{} : accept_encoding.substr(end + 1);
        auto semicolon = element.find(';');
        auto name = trimmed(element.substr(0, semicolon));
        double q = semicolon == element.npos ? 1 : quality(element.substr(semicolon + 1));
        if (same_token(name, "br"))
            br = q;
        else if (same_token(name, "gzip") || same_token(name, "x-gzip"))
            gz = q;
        else if (name == "*")
            any = q;
    }
    if (br < 0) br = any;
    if (gz < 0) gz = any;
    if (br > 0 && br >= gz) return Coding::br;
    if (gz > 0) return Coding::gzip;
    return Coding::identity;
}

bool compressible(std::string_view content_type) {
    auto type = trimmed(content_type.substr(0, content_type.find(';')));
    if (type == "text/event-stream") return false;
    if (type.starts_with("text/")) return true;
    for (std::string_view t : {"application/json", "application/problem+json",
                               "application/javascript", "application/xml", "image/svg+xml"})
        if (type == t) return true;
    return false;
}

std::string gzip(std::string_view data, int level) {
    // One compressor per thread and level: allocating one costs as much as compressing a
    // small page.
    struct Compressor {
        libdeflate_compressor* c = nullptr;
        Compressor() = default;
        Compressor(const Compressor&) = delete;
        Compressor& operator=(const Compressor&) = delete;
        ~Compressor() { libdeflate_free_compressor(c); }
    };
    thread_local std::array<Compressor, 10> compressors;
    if (level < 1 || level > 9)
        throw std::invalid_argument("no gzip level " + std::to_string(level));
    auto& slot = compressors[static_cast<std::size_t>(level)];
    if (!slot.c && !(slot.c = libdeflate_alloc_compressor(level)))
        throw std::runtime_error("libdeflate could not start");
    std::string out(libdeflate_gzip_compress_bound(slot.c, data.size()), '\0');
    out.resize(libdeflate_gzip_compress(slot.c, data.data(), data.size(), out.data(), out.size()));
    if (out.empty()) throw std::runtime_error("libdeflate could not compress");
    return out;
}

std::string brotli(std::string_view data, int quality) {
    std::size_t size = BrotliEncoderMaxCompressedSize(data.size());
    std::string out(size, '\0');
    if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                               reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                               reinterpret_cast<std::uint8_t*>(out.data())))
        throw std::runtime_error("brotli could not compress");
    out.resize(size);
    return out;
}

void compress(const Request& request, Response& response) {
    if (response.status < 200 || response.status == 204) return;
    if (!response.header("content-encoding").empty() || !compressible(response.content_type))
        return;
    // Whether the body is compressed depends on Accept-Encoding, so caches must know.
    auto vary = std::string(response.header("vary"));
    if (vary.find("Accept-Encoding") == vary.npos)
        response.set_header("vary", vary.empty() ? "Accept-Encoding" : vary + ", Accept-Encoding");
    auto coding = preferred_coding(request.header("accept-encoding"));
    std::string etag(response.header("etag"));
    // A 304 names the ETag the compressed 200 carried.
    if (response.status == 304) {
        if (coding != Coding::identity && !etag.empty() && !etag.starts_with("W/"))
            response.set_header("etag", "W/" + etag);
        return;
    }
    if (response.body.size() < min_compressed_body) return;
    if (coding == Coding::identity) return;
    std::string key = etag.empty() ? "" : etag + (coding == Coding::br ? "br" : "gz");
    std::string body;
    bool cached = false;
    if (!key.empty()) {
        std::shared_lock lock(cache_mutex);
        if (auto it = cache.find(key); it != cache.end()) {
            body = it->second;
            cached = true;
        }
    }
    if (!cached) {
        // A body with an ETag is compressed once and kept, so it gets the smaller coding; a
        // page made for one person is compressed at every request, so it gets the faster.
        bool once = !key.empty();
        body = coding == Coding::br
                   ? brotli(response.body, once ? kept_brotli_quality : brotli_quality)
                   : gzip(response.body, once ? kept_gzip_level : gzip_level);
        if (!key.empty()) {
            std::unique_lock lock(cache_mutex);
            if (cache.size() >= 256) cache.clear();
            cache[key] = body;
        }
    }
    if (body.size() >= response.body.size()) return;
    response.body = std::move(body);
    response.set_header("content-encoding", coding == Coding::br ? "br" : "gzip");
    if (!etag.empty() && !etag.starts_with("W/")) response.set_header("etag", "W/" + etag);
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    if (etag.empty()) return false;
    if (etag.starts_with("W/")) etag.remove_prefix(2);
    while (!if_none_match.empty()) {
        auto end = if_none_match.find(',');
        auto tag = trimmed(if_none_match.substr(0, end));
        if_none_match =
            end == if_none_match.npos ? std::string_view{} : if_none_match.substr(end + 1);
        if (tag == "*") return true;
        if (tag.starts_with("W/")) tag.remove_prefix(2);
        if (tag == etag) return true;
    }
    return false;
}

}  // namespace convene::http
