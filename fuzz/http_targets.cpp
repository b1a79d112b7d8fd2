// What a browser or a script sends: form bodies (urlencoded, multipart, JSON), the query
// string, Markdown typed into a proposal or a report; and the screening instance the
// `convene screen` command reads. http::Error (a 4xx) is the documented refusal.
#include <cctype>
#include <stdexcept>

#include "core/common/json_input.hpp"
#include "core/screening/screening.hpp"
#include "core/transcripts/speakers.hpp"
#include "fuzz/target.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "http/message.hpp"
#include "web/site/markdown.hpp"

CONVENE_FUZZ_TARGET(urlencoded_form,
                    {"title=AI+and+children&speakers%5B0%5D=Ana&x=%E2%82%AC", "a&&=b=c&%zz=%"}) {
    try {
        (void)convene::http::parse_urlencoded(convene::fuzz::text(data, size));
    } catch (const convene::http::Error&) {
    }
}

// The first line is the boundary, the rest the body.
CONVENE_FUZZ_TARGET(multipart_form,
                    {"XyZ\n--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nAI "
                     "rights\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
                     "filename=\"t.txt\"\r\nContent-Type: text/plain\r\n\r\n>> CHAIR: "
                     "Hello\r\n--XyZ--\r\n"}) {
    auto input = convene::fuzz::text(data, size);
    auto newline = input.find('\n');
    if (newline == std::string_view::npos) return;
    try {
        (void)convene::http::parse_multipart(input.substr(newline + 1), input.substr(0, newline));
    } catch (const convene::http::Error&) {
    }
}

// A request as the form decoder sees it: the first line is the Content-Type header (which
// picks urlencoded, multipart with its boundary, or a JSON object), the rest the body.
CONVENE_FUZZ_TARGET(form_body,
                    {"application/json; charset=utf-8\n{\"title\": \"AI\", \"duration\": "
                     "90, \"online\": true, \"venue\": null}",
                     "multipart/form-data; boundary=\"b 1\"\n--b 1\r\nContent-"
                     "Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b 1--\r\n",
                     "application/x-www-form-urlencoded\na=1&b=%C3%A9"}) {
    auto input = convene::fuzz::text(data, size);
    auto newline = input.find('\n');
    if (newline == std::string_view::npos) return;
    convene::http::Request request;
    request.method = "POST";
    request.headers.emplace_back("content-type", std::string(input.substr(0, newline)));
    request.body = std::string(input.substr(newline + 1));
    try {
        (void)convene::http::parse_form(request);
    } catch (const convene::http::Error&) {
    }
}

CONVENE_FUZZ_TARGET(query_string, {"/transcripts/search?q=%22lake%22+-dam&edition=2&page=3",
                                   "/x?a=%&b=%e2%82&&c"}) {
    convene::http::Request request;
    request.target = std::string(convene::fuzz::text(data, size));
    auto question = request.target.find('?');
    request.path = request.target.substr(0, question);
    if (question != std::string::npos) request.query = request.target.substr(question + 1);
    for (const char* name : {"q", "edition", "page", "a", "b", "c"})
        (void)request.query_param(name);
    (void)convene::http::percent_decode(request.target, true);
    // The target as logged: no run of 32 hex digits (a capability token) is left.
    std::size_t run = 0;
    for (char c : convene::http::redacted_target(request.target)) {
        run = std::isxdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
        if (run >= 32) __builtin_trap();
    }
}

CONVENE_FUZZ_TARGET(markdown,
                    {"# Title\n\n**bold** [link](javascript:alert(1)) <script>x</script>\n"
                     "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] task\n> quote ~~gone~~"}) {
    (void)convene::web::markdown_html(convene::fuzz::text(data, size));
}

CONVENE_FUZZ_TARGET(speaker_names, {"CHAIR ST. AMOUR", ">>REMOTE INVERVENTION", "JAC sm KEE",
                                    "KIEREN McCARTHY", "MADAM ADA OBI-EZE"}) {
    auto label = convene::fuzz::text(data, size);
    (void)convene::transcripts::label_key(label);
    (void)convene::transcripts::label_role(label);
}

CONVENE_FUZZ_TARGET(screening_instance,
                    {R"({"screening": {"min_onsite_speakers": 1}, "mag_members": ["a@b.org"],
                         "past_sessions": []})"}) {
    nlohmann::json j;
    try {
        j = convene::parse_json_input(convene::fuzz::text(data, size));
    } catch (const convene::JsonInputError&) {
        return;
    }
    try {
        (void)convene::screening_context_from_json(j);
    } catch (const std::invalid_argument&) {
    }
}
