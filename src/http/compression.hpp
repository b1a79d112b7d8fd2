#pragma once
// Compression of text responses: Brotli where the client accepts it, else gzip, so pages
// of tables (decisions, the sheet) travel at a tenth of their size.
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace convene::http {

enum class Coding { identity, gzip, br };

// The coding to answer with, from Accept-Encoding and its q-values: br before gzip,
// identity when the client names neither (or refuses both with q=0).
Coding preferred_coding(std::string_view accept_encoding);

// Text that shrinks: HTML, CSS, JavaScript, JSON, SVG, CSV, plain text. Not images,
// archives (XLSX is a zip) or event streams.
bool compressible(std::string_view content_type);

// Levels for bodies compressed at every request (pages made for one person), and for bodies
// compressed once and kept (public pages and static files, which carry an ETag).
inline constexpr int gzip_level = 1, kept_gzip_level = 6;
inline constexpr int brotli_quality = 1, kept_brotli_quality = 5;

std::string gzip(std::string_view data, int level = kept_gzip_level);
std::string brotli(std::string_view data, int quality = kept_brotli_quality);

// Bodies shorter than this are sent as they are: the coding's header would eat the gain.
inline constexpr std::size_t min_compressed_body = 1024;

// Compresses the response body in place when its type, size and the request allow it,
// with Content-Encoding and Vary: Accept-Encoding; a strong ETag becomes weak (the
// bytes differ from the identity answer's). Bodies with an ETag are kept compressed
// in a small cache, so the public pages and static files are compressed once.
void compress(const Request& request, Response& response);

// If-None-Match against an ETag by the weak comparison (RFC 9110 8.8.3.2): W/ ignored,
// a list of tags or "*" accepted.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace convene::http
