#include "http/compression.hpp"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <stdexcept>

using namespace convene::http;

namespace {

std::string a_page() {
    std::string page = "<!DOCTYPE html><html><body><table>";
    for (int i = 0; i < 400; ++i)
        page += "<tr><td>Proposal " + std::to_string(i) + "</td><td>José Núñez</td></tr>";
    return page + "</table></body></html>";
}

std::string gunzip(const std::string& data) {
    z_stream z{};
    EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
    std::string out(1 << 20, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
    out.resize(z.total_out);
    inflateEnd(&z);
    return out;
}

std::string unbrotli(const std::string& data) {
    std::string out(1 << 20, '\0');
    std::size_t size = out.size();
    EXPECT_EQ(
        BrotliDecoderDecompress(data.size(), reinterpret_cast<const std::uint8_t*>(data.data()),
                                &size, reinterpret_cast<std::uint8_t*>(out.data())),
        BROTLI_DECODER_RESULT_SUCCESS);
    out.resize(size);
    return out;
}

Request accepting(std::string encodings) {
    Request r;
    r.method = "GET";
    r.headers.emplace_back("accept-encoding", std::move(encodings));
    return r;
}

}  // namespace

TEST(Compression, PrefersBrotliThenGzipByQuality) {
    EXPECT_EQ(preferred_coding("gzip, deflate, br"), Coding::br);
    EXPECT_EQ(preferred_coding("gzip"), Coding::gzip);
    EXPECT_EQ(preferred_coding("GZIP;q=0.8"), Coding::gzip);
    EXPECT_EQ(preferred_coding("br;q=0, gzip"), Coding::gzip);
    EXPECT_EQ(preferred_coding("br;q=0.2, gzip;q=0.9"), Coding::gzip);
    EXPECT_EQ(preferred_coding("*"), Coding::br);
    EXPECT_EQ(preferred_coding("*;q=0"), Coding::identity);
    EXPECT_EQ(preferred_coding("identity"), Coding::identity);
    EXPECT_EQ(preferred_coding(""), Coding::identity);
    EXPECT_EQ(preferred_coding("gzip;q=abc"), Coding::identity);
}

TEST(Compression, TextIsCompressibleImagesArchivesAndStreamsAreNot) {
    EXPECT_TRUE(compressible("text/html; charset=utf-8"));
    EXPECT_TRUE(compressible("text/css; charset=utf-8"));
    EXPECT_TRUE(compressible("application/json"));
    EXPECT_TRUE(compressible("image/svg+xml"));
    EXPECT_FALSE(compressible("text/event-stream"));
    EXPECT_FALSE(compressible("image/png"));
    EXPECT_FALSE(compressible("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
}

TEST(Compression, GzipAndBrotliRoundTrip) {
    auto page = a_page();
    EXPECT_EQ(gunzip(gzip(page)), page);
    EXPECT_EQ(unbrotli(brotli(page)), page);
    EXPECT_LT(brotli(page).size(), page.size() / 10);
}

TEST(Compression, APageMadeForOnePersonIsCompressedFastAndStillRoundTrips) {
    // Each thread keeps its deflate state between bodies: the second body must not carry
    // anything of the first.
    auto page = a_page();
    std::string other = "<p>" + std::string(5000, 'x') + "</p>";
    for (int round = 0; round < 2; ++round) {
        EXPECT_EQ(gunzip(gzip(page, gzip_level)), page);
        EXPECT_EQ(gunzip(gzip(other, gzip_level)), other);
        EXPECT_EQ(gunzip(gzip(other)), other);
    }
    EXPECT_EQ(unbrotli(brotli(page, brotli_quality)), page);
    EXPECT_LT(gzip(page, gzip_level).size(), page.size() / 5);
    EXPECT_THROW(gzip(page, 0), std::invalid_argument);

    auto response = Response::html(page);  // no ETag: made for one person
    compress(accepting("gzip"), response);
    EXPECT_EQ(response.header("content-encoding"), "gzip");
    EXPECT_EQ(gunzip(response.body), page);
}

TEST(Compression, CompressesAResponseAndNamesItsCodingAndVary) {
    auto response = Response::html(a_page());
    response.set_header("vary", "Cookie");
    response.set_header("etag", "\"abc\"");
    compress(accepting("gzip, br"), response);
    EXPECT_EQ(response.header("content-encoding"), "br");
    EXPECT_EQ(response.header("vary"), "Cookie, Accept-Encoding");
    EXPECT_EQ(response.header("etag"), "W/\"abc\"");
    EXPECT_EQ(unbrotli(response.body), a_page());

    auto again = Response::html(a_page());
    again.set_header("etag", "\"abc\"");
    compress(accepting("gzip, br"), again);  // from the cache this time
    EXPECT_EQ(again.body, response.body);
}

TEST(Compression, LeavesTinyBodiesOtherTypesAndUnwillingClientsAlone) {
    auto tiny = Response::text("ok");
    compress(accepting("br"), tiny);
    EXPECT_EQ(tiny.header("content-encoding"), "");
    EXPECT_EQ(tiny.body, "ok");

    auto plain = Response::html(a_page());
    compress(accepting("identity"), plain);
    EXPECT_EQ(plain.header("content-encoding"), "");
    EXPECT_EQ(plain.header("vary"), "Accept-Encoding");
    EXPECT_EQ(plain.body, a_page());

    Response sheet;
    sheet.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    sheet.body = a_page();
    compress(accepting("gzip"), sheet);
    EXPECT_EQ(sheet.header("content-encoding"), "");
    EXPECT_EQ(sheet.header("vary"), "");
}

TEST(Compression, EtagsMatchByWeakComparison) {
    EXPECT_TRUE(etag_matches("\"abc\"", "\"abc\""));
    EXPECT_TRUE(etag_matches("W/\"abc\"", "\"abc\""));
    EXPECT_TRUE(etag_matches("\"x\", W/\"abc\"", "W/\"abc\""));
    EXPECT_TRUE(etag_matches("*", "\"abc\""));
    EXPECT_FALSE(etag_matches("\"abd\"", "\"abc\""));
    EXPECT_FALSE(etag_matches("", "\"abc\""));
    EXPECT_FALSE(etag_matches("\"abc\"", ""));
}
