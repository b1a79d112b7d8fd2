#include <gtest/gtest.h>

#include "http/error.hpp"
#include "http/form.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

using namespace convene;
using namespace convene::http;

TEST(Router, MatchesTypedParametersAndTellsMethodNotAllowed) {
    Router<int> router;
    router.add("GET", "/editions/{edition:int}", 1);
    router.add("POST", "/editions/{edition:int}/themes", 2);
    router.add("GET", "/static/{file}", 3);
    auto m = router.match("GET", "/editions/42");
    ASSERT_NE(m.handler, nullptr);
    EXPECT_EQ(*m.handler, 1);
    EXPECT_EQ(m.params.integer("edition"), 42);
    EXPECT_EQ(*m.pattern, "/editions/{edition:int}");
    EXPECT_EQ(router.match("GET", "/editions/abc").handler, nullptr);
    EXPECT_EQ(router.match("GET", "/editions/1234567890123456789012").handler, nullptr);
    auto wrong = router.match("GET", "/editions/4/themes");
    EXPECT_EQ(wrong.handler, nullptr);
    EXPECT_TRUE(wrong.method_not_allowed);
    EXPECT_EQ(*router.match("HEAD", "/static/a.css").handler, 3);
    EXPECT_EQ(router.match("GET", "/static/a.css").params.text("file"), "a.css");
}

TEST(Forms, UrlencodedDecodesPlusAndPercent) {
    auto f = parse_urlencoded("name=IGF+2027&venue=Caf%C3%A9%20R%C3%A9publique&empty=&flag");
    EXPECT_EQ(f.get("name"), "IGF 2027");
    EXPECT_EQ(f.get("venue"), "Café République");
    EXPECT_TRUE(f.has("empty"));
    EXPECT_TRUE(f.has("flag"));
    EXPECT_EQ(f.get("missing"), "");
}

TEST(Forms, InvalidUtf8NamesTheField) {
    try {
        parse_urlencoded("title=ok&venue=%FF");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.status(), 400);
        ASSERT_EQ(e.fields().size(), 1u);
        EXPECT_EQ(e.fields()[0].field, "venue");
    }
}

TEST(Forms, Multipart) {
    std::string body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nCommunity networks\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"paper\"; filename=\"paper.txt\"\r\n"
        "Content-Type: text/plain\r\n\r\nline one\r\nline two\r\n--XyZ--\r\n";
    auto f = parse_multipart(body, "XyZ");
    EXPECT_EQ(f.get("title"), "Community networks");
    ASSERT_EQ(f.files.size(), 1u);
    EXPECT_EQ(f.files[0].filename, "paper.txt");
    EXPECT_EQ(f.files[0].content, "line one\r\nline two");
    EXPECT_THROW(
        parse_multipart("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", "XyZ"),
        Error);
    EXPECT_THROW(parse_multipart("garbage", "XyZ"), Error);
}

TEST(Forms, MultipartFileNameBeforeFieldName) {
    auto f = parse_multipart(
        "--XyZ\r\nContent-Disposition: form-data; filename=\"a.txt\"; name=\"paper\"\r\n\r\n"
        "x\r\n--XyZ--\r\n",
        "XyZ");
    ASSERT_EQ(f.files.size(), 1u);
    EXPECT_EQ(f.files[0].field, "paper");
    EXPECT_EQ(f.files[0].filename, "a.txt");
}

TEST(Forms, JsonBodiesBecomeFormsAndNestedValuesAreNamed) {
    Request r;
    r.headers = {{"content-type", "application/json"}};
    r.body = R"({"name":"IGF","year":2027,"online":true,"venue":null})";
    auto f = parse_form(r);
    EXPECT_EQ(f.get("name"), "IGF");
    EXPECT_EQ(f.get("year"), "2027");
    EXPECT_EQ(f.get("online"), "1");
    EXPECT_FALSE(f.has("venue"));
    r.body = R"({"name":["a"]})";
    try {
        parse_form(r);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.fields().at(0).field, "name");
    }
    r.body = "{";
    EXPECT_THROW(parse_form(r), Error);
    r.headers = {{"content-type", "text/csv"}};
    try {
        parse_form(r);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.status(), 415);
    }
}

TEST(Messages, CookiesAndNegotiation) {
    Request r;
    r.path = "/editions";
    r.headers = {{"cookie", "a=1; convene_session=abc; b=2"},
                 {"accept", "text/html,application/json"}};
    EXPECT_EQ(r.cookie("convene_session"), "abc");
    EXPECT_EQ(r.cookie("missing"), "");
    EXPECT_FALSE(wants_json(r));
    r.headers[1].second = "application/json";
    EXPECT_TRUE(wants_json(r));
    r.headers[1].second = "";
    r.path = "/api/v1/editions";
    EXPECT_TRUE(wants_json(r));
    CookieOptions o;
    o.secure = true;
    o.max_age_seconds = 60;
    EXPECT_EQ(set_cookie_value("s", "v", o),
              "s=v; Path=/; Max-Age=60; HttpOnly; Secure; SameSite=Lax");
    r.query = "next=%2Feditions%2Fnew&x=1";
    EXPECT_EQ(r.query_param("next"), "/editions/new");
}

#include "web/site/export.hpp"

TEST(Export, CsvQuotesAndDefusesFormulas) {
    web::Table t{{"Number", "Title"},
                 {"1", "Plain"},
                 {"2", "Comma, \"quoted\"\nline"},
                 {"3", "=SUM(A1)"},
                 {"4", "-1.5"}};
    EXPECT_EQ(web::csv_of(t),
              "Number,Title\r\n1,Plain\r\n2,\"Comma, "
              "\"\"quoted\"\"\nline\"\r\n3,'=SUM(A1)\r\n4,-1.5\r\n");
}

// A spreadsheet runs = + - @ as a formula after leading white space too, and some treat
// a leading tab or carriage return as the start of one; plain numbers stay numbers.
TEST(Export, DefusesFormulasBehindWhiteSpaceAndControlCharacters) {
    for (std::string cell : {"\t=1+2", " =1+2", "\r=1+2", "\n=1+2", "  @SUM(A1)", "+1", "-1+2",
                             "-2+3+cmd|' /C calc'!A0", "\tplain", "\rplain", "=1", "@x"})
        EXPECT_EQ(web::defused(cell), "'" + cell) << cell;
    for (std::string cell : {"", "Plain", "-1", "-1.5", "3.25", "42", "a=b", "e-mail"})
        EXPECT_EQ(web::defused(cell), cell) << cell;
}

TEST(Export, XlsxIsAZipWorkbook) {
    auto bytes = web::xlsx_of({{"Heading"}, {"Café <b>"}}, "Screening");
    ASSERT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(0, 2), "PK");
}
