// What people type into the messages of the year: a message's Markdown body (cut into the
// paragraphs comments address), its citations one a line, a comment on a paragraph.
#include "core/messages/messages.hpp"
#include "fuzz/target.hpp"

// The bytes are the body, then after a 0xFF the citation lines, then after another the
// comment's text; every check runs on what the parsers read.
CONVENE_FUZZ_TARGET(message_draft, {"One **paragraph**.\n\n```\ncode\n\n```\n\n- a\n- b\xff"
                                    "WS12 | Connectivity first.\nOF3\n\xff<script>x</script>"}) {
    auto text = convene::fuzz::text(data, size);
    auto first = text.find('\xff');
    auto body = text.substr(0, first);
    auto rest = first == std::string_view::npos ? std::string_view() : text.substr(first + 1);
    auto second = rest.find('\xff');
    auto lines = rest.substr(0, second);
    auto comment = second == std::string_view::npos ? std::string_view() : rest.substr(second + 1);
    auto paragraphs = convene::messages::paragraphs(body);
    for (const auto& p : paragraphs)
        if (p.empty()) throw std::logic_error("an empty paragraph");
    convene::messages::Draft d;
    d.title = std::string(body.substr(0, 80));
    d.body = std::string(body);
    d.stance = comment.size() % 2 ? "diverging" : "converging";
    std::int64_t id = 0;
    for (const auto& c : convene::messages::typed_citations(lines)) {
        d.citations.push_back({convene::SessionId{++id}, c.quote});
        d.positions.push_back({c.code, {c.quote}});
    }
    (void)convene::messages::check_draft(d);
    (void)convene::messages::check_comment(
        {static_cast<int>(comment.size() % 5), std::string(comment.substr(0, 10)), "youth",
         "african", std::string(comment)},
        paragraphs.size());
}
