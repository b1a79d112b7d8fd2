#include "core/proposals/proposal_filter.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "core/common/text.hpp"
#include "core/decisions/decision.hpp"

namespace convene {

const std::vector<std::string>& proposal_statuses() {
    static const std::vector<std::string> v{"draft", "submitted", "imported", "held", "withdrawn"};
    return v;
}

const std::vector<std::string>& screening_outcomes() {
    static const std::vector<std::string> v{"passed", "declined", "overridden", "not_screened"};
    return v;
}

const std::vector<std::string>& decision_filter_values() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> out;
        for (const auto& k : decision_kinds()) out.push_back(k.code);
        out.push_back("undecided");
        return out;
    }();
    return v;
}

const std::vector<std::string>& proposal_sort_keys() {
    static const std::vector<std::string> v{"number", "title", "session_type", "theme",
                                            "status", "score", "disagreement", "evaluations"};
    return v;
}

bool ProposalFilter::narrows() const {
    return !words.empty() || !session_type.empty() || !theme.empty() || !status.empty() ||
           !screening.empty() || !decision.empty() || score_min || score_max || divided;
}

namespace {

bool among(const std::vector<std::string>& values, const std::string& v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

bool among(const std::vector<std::pair<std::string, std::string>>& values, const std::string& v) {
    return std::any_of(values.begin(), values.end(), [&](const auto& p) { return p.first == v; });
}

// A score from 0 to 5 written as people write it ("3", "3.5", "3,5"); nullopt otherwise.
std::optional<double> score_in(std::string text) {
    std::replace(text.begin(), text.end(), ',', '.');
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v) || v < 0 ||
        v > 5)
        return std::nullopt;
    return v;
}

std::optional<std::int64_t> page_in(const std::string& text) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v < 1) return std::nullopt;
    return v;
}

}  // namespace

ProposalFilter parse_proposal_filter(const std::vector<std::pair<std::string, std::string>>& query,
                                     const FilterChoices& choices) {
    ProposalFilter f;
    std::set<std::string> seen;
    auto ignore = [&](const std::string& name) {
        if (!among(f.ignored, name)) f.ignored.push_back(name);
    };
    for (const auto& entry : query) {
        const std::string& name = entry.first;  // a plain reference: lambdas below capture it
        const auto& raw = entry.second;
        if (!seen.insert(name).second) continue;
        auto value = trim(raw);
        if (value.empty()) continue;  // "any", as the form sends it
        auto pick = [&](std::string& into, bool known) {
            if (known)
                into = value;
            else
                ignore(name);
        };
        if (name == "q") {
            // At most a few words: a search box, not a document.
            for (auto& w : split_items(ascii_lower(value), " \t"))
                if (f.words.size() < 8) f.words.push_back(w);
        } else if (name == "type") {
            pick(f.session_type, among(choices.session_types, value));
        } else if (name == "theme") {
            pick(f.theme, among(choices.themes, value));
        } else if (name == "status") {
            pick(f.status, among(proposal_statuses(), value));
        } else if (name == "screening") {
            pick(f.screening, among(screening_outcomes(), value));
        } else if (name == "decision") {
            pick(f.decision, among(decision_filter_values(), value));
        } else if (name == "sort") {
            pick(f.sort, among(proposal_sort_keys(), value));
        } else if (name == "order") {
            if (value == "asc" || value == "desc")
                f.descending = value == "desc";
            else
                ignore(name);
        } else if (name == "divided") {
            if (value == "1" || value == "yes" || value == "on")
                f.divided = true;
            else if (value != "0" && value != "no")
                ignore(name);
        } else if (name == "score_min" || name == "score_max") {
            auto score = score_in(value);
            if (!score)
                ignore(name);
            else
                (name == "score_min" ? f.score_min : f.score_max) = score;
        } else if (name == "page") {
            if (auto page = page_in(value))
                f.page = *page;
            else
                ignore(name);
        }
    }
    // A range that holds nothing is a slip of the hand: both ends are left out and named.
    if (f.score_min && f.score_max && *f.score_min > *f.score_max) {
        f.score_min.reset();
        f.score_max.reset();
        ignore("score_min");
        ignore("score_max");
    }
    return f;
}

namespace {

std::string encoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : text) {
        if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~')
            out += static_cast<char>(ch);
        else if (ch == ' ')
            out += '+';
        else {
            out += '%';
            out += hex[ch >> 4];
            out += hex[ch & 15];
        }
    }
    return out;
}

std::string score_text(double v) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return ec == std::errc{} ? std::string(buffer, end) : std::string{};
}

}  // namespace

std::string filter_query(const ProposalFilter& f, std::int64_t page) {
    std::vector<std::pair<std::string, std::string>> parts;
    std::string words;
    for (const auto& w : f.words) words += (words.empty() ? "" : " ") + w;
    parts.push_back({"q", words});
    parts.push_back({"type", f.session_type});
    parts.push_back({"theme", f.theme});
    parts.push_back({"status", f.status});
    parts.push_back({"screening", f.screening});
    parts.push_back({"score_min", f.score_min ? score_text(*f.score_min) : ""});
    parts.push_back({"score_max", f.score_max ? score_text(*f.score_max) : ""});
    parts.push_back({"decision", f.decision});
    parts.push_back({"divided", f.divided ? "1" : ""});
    parts.push_back({"sort", f.sort});
    parts.push_back({"order", f.descending ? "desc" : ""});
    parts.push_back({"page", page > 0 ? std::to_string(page) : ""});
    std::string out;
    for (const auto& [name, value] : parts)
        if (!value.empty()) out += (out.empty() ? "" : "&") + name + "=" + encoded(value);
    return out;
}

bool is_divided(const ListedProposal& p) {
    return p.standard_deviation && is_divided(*p.standard_deviation);
}

bool passes_scores_and_decision(const ProposalFilter& f, const ListedProposal& p) {
    if ((f.score_min || f.score_max) && !p.mean) return false;
    if (f.score_min && *p.mean < *f.score_min) return false;
    if (f.score_max && *p.mean > *f.score_max) return false;
    if (f.divided && !is_divided(p)) return false;
    if (f.decision == "undecided") return p.decision.empty();
    if (!f.decision.empty()) return p.decision == f.decision;
    return true;
}

namespace {

// Unscored proposals go last whichever the direction: they have nothing to compare.
int compare_scores(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b) return a ? -2 : b ? 2 : 0;
    return *a < *b ? -1 : *a > *b ? 1 : 0;
}

int compare_text(const std::string& a, const std::string& b) {
    auto x = ascii_lower(a), y = ascii_lower(b);
    return x < y ? -1 : x > y ? 1 : 0;
}

}  // namespace

void sort_proposals(std::vector<ListedProposal>& list, const ProposalFilter& f) {
    if (f.sort.empty()) {  // the list's own order, backwards when asked
        if (f.descending) std::reverse(list.begin(), list.end());
        return;
    }
    auto compare = [&](const ListedProposal& a, const ListedProposal& b) {
        int c = 0;
        if (f.sort == "title") c = compare_text(a.title, b.title);
        if (f.sort == "session_type") c = compare_text(a.session_type, b.session_type);
        if (f.sort == "theme") c = compare_text(a.theme, b.theme);
        if (f.sort == "status") c = compare_text(a.status, b.status);
        if (f.sort == "evaluations")
            c = (a.evaluations > b.evaluations) - (a.evaluations < b.evaluations);
        if (f.sort == "score") c = compare_scores(a.mean, b.mean);
        if (f.sort == "disagreement")
            c = compare_scores(a.standard_deviation, b.standard_deviation);
        if (c == 2 || c == -2) return c < 0;  // unscored last
        if (f.descending) c = -c;
        if (c != 0) return c < 0;
        return f.descending && f.sort == "number" ? a.number > b.number : a.number < b.number;
    };
    std::stable_sort(list.begin(), list.end(), compare);
}

PageOfList page_of_list(std::int64_t total, std::int64_t page, std::int64_t per_page) {
    PageOfList p;
    p.total = total;
    p.pages = std::max<std::int64_t>(1, (total + per_page - 1) / per_page);
    p.page = std::max<std::int64_t>(1, page);
    if (p.page > p.pages) {
        p.past_end = true;
        p.first = p.last = total;
        return p;
    }
    p.first = (p.page - 1) * per_page;
    p.last = std::min(total, p.first + per_page);
    return p;
}

}  // namespace convene
