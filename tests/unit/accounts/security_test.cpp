// The guards against hostile input: JSON nesting and numbers, passwords people guess,
// redirects after sign-in, forwarded addresses, logged capability links.
#include <gtest/gtest.h>

#include <string>

#include "core/accounts/password_rules.hpp"
#include "core/common/json_input.hpp"
#include "http/address.hpp"
#include "http/message.hpp"
#include "web/accounts/session_actions.hpp"

using namespace convene;

TEST(JsonInput, RefusesNestingDeeperThanTheLimitWithoutRecursion) {
    std::string deep(100000, '[');
    deep += std::string(100000, ']');
    try {
        parse_json_input(deep);
        FAIL() << "100,000 levels were accepted";
    } catch (const JsonInputError& e) {
        EXPECT_FALSE(e.malformed());
        EXPECT_NE(std::string(e.what()).find("64 levels"), std::string::npos);
    }
    std::string objects;
    for (int i = 0; i < 70; ++i) objects += "{\"a\":";
    objects += "1" + std::string(70, '}');
    EXPECT_THROW(parse_json_input(objects), JsonInputError);
    std::string fine = std::string(60, '[') + std::string(60, ']');
    EXPECT_NO_THROW(parse_json_input(fine));
}

TEST(JsonInput, NamesTheMemberWithANumberOutOfRange) {
    for (const char* text : {R"({"speakers":[{"name":"A"},{"age":1e999}]})",
                             R"({"speakers":[{"name":"A"},{"age":-1e400}]})"}) {
        try {
            parse_json_input(text);
            FAIL() << text;
        } catch (const JsonInputError& e) {
            EXPECT_EQ(e.field(), "speakers[1].age") << text;
            EXPECT_FALSE(e.malformed());
        }
    }
    EXPECT_EQ(parse_json_input(R"({"a":1.5e10})")["a"].get<double>(), 1.5e10);
}

TEST(JsonInput, MalformedTextIsMalformed) {
    try {
        parse_json_input(R"({"name": )");
        FAIL();
    } catch (const JsonInputError& e) {
        EXPECT_TRUE(e.malformed());
    }
}

TEST(Passwords, RefusesCommonDerivedAndPersonalPasswords) {
    for (const char* weak : {"aaaaaaaaaa", "1234567890", "abcdefghij", "qwertyuiop", "Password123!",
                             "password2024", "iloveyou!!", "abcabcabcabc", "0987654321",
                             "pb@example.org", "PB@Example.org", "patproposer", "Pat Proposer1"})
        EXPECT_TRUE(check_password(weak, "pb@example.org", "Pat Proposer")) << weak;
    for (const char* fine : {"a long enough password", "correct horse battery staple",
                             "kXq7-mango-violet", "my very own passphrase"})
        EXPECT_FALSE(check_password(fine, "pb@example.org", "Pat Proposer")) << fine;
    EXPECT_EQ(check_password("short", "", "")->field, "password");
}

TEST(Redirects, OnlyPathsOfThisSiteWithoutControlCharacters) {
    EXPECT_EQ(web::safe_next("/proposals/12?x=1"), "/proposals/12?x=1");
    for (const char* bad :
         {"//evil.example", "/\t/evil.example", "/\\evil.example", "/%0D%0A",
          "/\r\nSet-Cookie: a=b", "https://evil.example", "", "/\x7f", "javascript:alert(1)"})
        EXPECT_EQ(web::safe_next(bad), bad == std::string("/%0D%0A") ? "/%0D%0A" : "/") << bad;
}

TEST(Headers, ControlCharactersAreNeverSafe) {
    EXPECT_TRUE(http::is_safe_header_value("/login?next=%2F"));
    EXPECT_FALSE(http::is_safe_header_value("/\r\nSet-Cookie: x=y"));
    EXPECT_FALSE(http::is_safe_header_value(std::string("a\0b", 3)));
}

TEST(Addresses, ForwardedForCountsOnlyFromATrustedProxy) {
    auto proxy = *http::parse_cidr("10.0.0.0/8");
    http::Request r;
    r.remote_address = "10.1.2.3";
    r.headers = {{"x-forwarded-for", "6.6.6.6, 203.0.113.9"}};
    EXPECT_EQ(http::client_address(r, {proxy}), "203.0.113.9");
    EXPECT_EQ(http::client_address(r, {}), "10.1.2.3");
    r.remote_address = "198.51.100.7";  // not the proxy: its header is not believed
    EXPECT_EQ(http::client_address(r, {proxy}), "198.51.100.7");
    EXPECT_FALSE(http::parse_cidr("10.0.0.0/33"));
    EXPECT_FALSE(http::parse_cidr("nonsense"));
    EXPECT_TRUE(http::in_range("::1", *http::parse_cidr("::1/128")));
    EXPECT_TRUE(http::is_loopback("127.0.0.1"));
    EXPECT_EQ(http::address_group("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
    EXPECT_EQ(http::address_group("::ffff:192.0.2.7"), "192.0.2.7");
    EXPECT_EQ(http::address_group("192.0.2.7"), "192.0.2.7");
    EXPECT_FALSE(http::is_loopback("192.0.2.1"));
}

TEST(AccessLog, CapabilityTokensAreRedacted) {
    std::string token(64, 'a');
    EXPECT_EQ(http::redacted_target("/confirm/" + token), "/confirm/[redacted]");
    EXPECT_EQ(http::redacted_target("/co-organise/" + token + "?x=1"),
              "/co-organise/[redacted]?x=1");
    EXPECT_EQ(http::redacted_target("/api/v1/confirmations/" + token),
              "/api/v1/confirmations/[redacted]");
    EXPECT_EQ(http::redacted_target("/editions/3"), "/editions/3");
    EXPECT_EQ(http::redacted_target("/login?next=%2Fenrolment%2F" + token),
              "/login?next=%2Fenrolment%[redacted]");
    EXPECT_EQ(http::redacted_target("/%63onfirm/" + token), "/%63onfirm/[redacted]");
    EXPECT_EQ(http::redacted_target("/api/v1/verifications/" + token),
              "/api/v1/verifications/[redacted]");
}
