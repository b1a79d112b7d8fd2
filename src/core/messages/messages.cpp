#include "core/messages/messages.hpp"

#include <algorithm>
#include <set>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/live/remote.hpp"
#include "core/people/people.hpp"

namespace convene::messages {

namespace {

void check(FieldErrors& out, const std::string& field, const std::string& label,
           std::string_view value, bool required, std::size_t max, bool multiline) {
    if (auto e = check_text({field, label, required, max, multiline}, value)) out.push_back(*e);
}

std::string indexed(const char* list, std::size_t i, const char* member = nullptr) {
    auto out = std::string(list) + "[" + std::to_string(i) + "]";
    return member ? out + "." + member : out;
}

bool blank(std::string_view line) {
    return trim(line).empty();
}

bool fence(std::string_view line) {
    auto t = trim(line);
    return t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0;
}

}  // namespace

bool is_stance(std::string_view stance) {
    return stance == "converging" || stance == "diverging";
}

FieldErrors check_draft(const Draft& d) {
    FieldErrors out;
    check(out, "title", say("messages.field.title"), d.title, true, max_title, false);
    check(out, "body", say("messages.field.body"), d.body, true, max_body, true);
    if (!is_stance(d.stance)) out.push_back({"stance", say("messages.stance.unknown")});
    if (d.citations.empty())
        out.push_back({"citations", say("messages.citations.required")});
    else if (d.citations.size() > max_citations)
        out.push_back({"citations", say("messages.citations.too_many", {{"max", max_citations}})});
    std::set<SessionId> seen;
    for (std::size_t i = 0; i < d.citations.size(); ++i) {
        const auto& c = d.citations[i];
        if (!seen.insert(c.session).second)
            out.push_back({"citations", say("messages.citations.twice")});
        check(out, indexed("citations", i, "quote"), say("messages.field.quote"), c.quote, false,
              max_quote, true);
    }
    if (d.stance == "converging" && !d.positions.empty())
        out.push_back({"positions", say("messages.positions.converging")});
    if (d.stance == "diverging") {
        if (d.positions.size() < 2)
            out.push_back({"positions", say("messages.positions.at_least_two")});
        if (d.positions.size() > max_positions)
            out.push_back(
                {"positions", say("messages.positions.too_many", {{"max", max_positions}})});
        for (std::size_t i = 0; i < d.positions.size() && i < max_positions; ++i) {
            const auto& p = d.positions[i];
            check(out, indexed("positions", i, "text"), say("messages.field.position"), p.text,
                  true, max_position, true);
            if (p.groups.empty())
                out.push_back({indexed("positions", i, "groups"), say("messages.groups.required")});
            for (const auto& g : p.groups)
                if (!is_choice(stakeholder_groups(), g)) {
                    out.push_back(
                        {indexed("positions", i, "groups"), say("messages.groups.unknown")});
                    break;
                }
        }
    }
    return out;
}

std::vector<std::string> paragraphs(std::string_view body) {
    std::vector<std::string> out;
    std::string current;
    bool in_fence = false;
    auto flush = [&] {
        while (!current.empty() && (current.back() == '\n' || current.back() == '\r'))
            current.pop_back();
        if (!blank(current)) out.push_back(current);
        current.clear();
    };
    std::size_t start = 0;
    while (start <= body.size()) {
        auto end = body.find('\n', start);
        auto line = body.substr(start, end == std::string_view::npos ? body.npos : end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (fence(line)) in_fence = !in_fence;
        if (!in_fence && blank(line)) {
            flush();
        } else {
            current += line;
            current += '\n';
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    flush();
    return out;
}

std::vector<TypedCitation> typed_citations(std::string_view text) {
    std::vector<TypedCitation> out;
    for (const auto& line : split_items(text, "")) {
        auto bar = line.find('|');
        TypedCitation c;
        c.code = trim(line.substr(0, bar));
        if (bar != std::string::npos) c.quote = trim(line.substr(bar + 1));
        if (!c.code.empty() || !c.quote.empty()) out.push_back(std::move(c));
    }
    return out;
}

std::string citations_text(const std::vector<TypedCitation>& cs) {
    std::string out;
    for (const auto& c : cs) {
        out += c.code;
        if (!c.quote.empty()) out += " | " + c.quote;
        out += "\n";
    }
    return out;
}

PeriodState period_state(const Period& p, const std::string& now) {
    if (p.opens_at.empty() || p.closes_at.empty()) return PeriodState::not_set;
    if (now < p.opens_at) return PeriodState::not_yet_open;
    if (now < p.closes_at) return PeriodState::open;
    return PeriodState::closed;
}

FieldErrors check_period(const Period& typed, Period& stored) {
    FieldErrors out;
    auto opens = live::typed_utc(typed.opens_at);
    auto closes = live::typed_utc(typed.closes_at);
    if (!opens) out.push_back({"opens_at", say("messages.period.time")});
    if (!closes) out.push_back({"closes_at", say("messages.period.time")});
    if (opens && closes && *closes <= *opens)
        out.push_back({"closes_at", say("messages.period.closes_after")});
    if (out.empty()) stored = {*opens, *closes};
    return out;
}

FieldErrors check_comment(const Comment& c, std::size_t paragraph_count) {
    FieldErrors out;
    if (c.paragraph < 1 || static_cast<std::size_t>(c.paragraph) > paragraph_count)
        out.push_back({"paragraph", say("messages.comment.no_paragraph")});
    check(out, "name", say("messages.field.name"), c.name, true, max_signature, false);
    if (!is_choice(stakeholder_groups(), c.stakeholder_group))
        out.push_back({"stakeholder_group", say("messages.comment.group")});
    if (!is_region(c.region)) out.push_back({"region", say("messages.comment.region")});
    check(out, "body", say("messages.field.comment"), c.body, true, max_comment, true);
    return out;
}

const std::vector<std::string_view>& regions() {
    static const std::vector<std::string_view> codes = {"african", "asia_pacific",
                                                        "eastern_european", "grulac", "weog"};
    return codes;
}

bool is_region(std::string_view code) {
    const auto& r = regions();
    return std::find(r.begin(), r.end(), code) != r.end();
}

bool is_handling(std::string_view code) {
    return code == "accepted" || code == "partly" || code == "not_accepted";
}

FieldErrors check_handling(std::string_view handling, std::string_view note) {
    FieldErrors out;
    if (!is_handling(handling)) out.push_back({"handling", say("messages.handling.unknown")});
    check(out, "note", say("messages.field.note"), note, false, max_note, true);
    return out;
}

FieldErrors check_hide_reason(std::string_view reason) {
    FieldErrors out;
    check(out, "reason", say("messages.field.reason"), reason, true, max_note, true);
    return out;
}

}  // namespace convene::messages
