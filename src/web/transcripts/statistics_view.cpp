#include "web/transcripts/statistics_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "web/site/charts.hpp"

namespace convene::web {

namespace {

using transcripts::Count;

// "42.5%" of tenths of a percent.
std::string percent_text(int tenths) {
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

double percent(int tenths) {
    return tenths / 10.0;
}

std::string minutes_text(std::size_t seconds) {
    return decimal_text(seconds / 60.0);
}

struct Dimension {
    const char* code;    // "role", "stakeholder_group", "gender", "region"
    const char* prefix;  // of the values' labels in the catalog
    const std::map<std::string, Count>* counts;
};

std::vector<Dimension> dimensions(const transcripts::Statistics& s) {
    return {{"role", "transcripts.role.", &s.by_role},
            {"stakeholder_group", "stakeholder_group.", &s.by_group},
            {"gender", "gender.", &s.by_gender},
            {"region", "regional_group.", &s.by_region}};
}

std::string value_label(const Dimension& d, const std::string& value) {
    if (value == transcripts::not_linked) return say("transcripts.statistics.not_linked");
    if (value == transcripts::not_named) return say("transcripts.statistics.not_named");
    if (value.empty())
        return say(std::string(d.code) == "role" ? "transcripts.statistics.no_role"
                                                 : "transcripts.statistics.not_given");
    return code_label(d.prefix, value);
}

// The values most spoken first; speakers not linked and turns not named last.
std::vector<std::pair<std::string, Count>> ordered(const std::map<std::string, Count>& counts) {
    std::vector<std::pair<std::string, Count>> out(counts.begin(), counts.end());
    auto rank = [](const std::string& v) {
        return v == transcripts::not_named ? 2 : v == transcripts::not_linked ? 1 : 0;
    };
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        if (rank(a.first) != rank(b.first)) return rank(a.first) < rank(b.first);
        return a.second.words > b.second.words;
    });
    return out;
}

nlohmann::json dimension_rows(const Dimension& d, std::size_t all_words) {
    auto values = ordered(*d.counts);
    std::vector<std::size_t> words;
    for (const auto& [v, c] : values) words.push_back(c.words);
    auto shares = all_words ? transcripts::shares_in_tenths(words) : std::vector<int>(words.size());
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto& [value, c] = values[i];
        rows.push_back({{"value", value},
                        {"label", value_label(d, value)},
                        {"turns", c.turns},
                        {"words", c.words},
                        {"seconds", c.seconds},
                        {"minutes", minutes_text(c.seconds)},
                        {"share_tenths", shares[i]},
                        {"share", percent_text(shares[i])}});
    }
    return rows;
}

std::string speaker_label(const transcripts::SpeakerRow& r) {
    return r.person ? r.person_name : r.label;
}

}  // namespace

nlohmann::json statistics_json(const transcripts::Statistics& s) {
    auto h = transcripts::headline(s);
    nlohmann::json out = {
        {"transcripts", s.transcripts},
        {"left_out", s.left_out},
        {"timed", s.timed},
        {"turns", s.all.turns},
        {"words", s.all.words},
        {"seconds", s.all.seconds},
        {"shares",
         {{"chair", percent(h.chair)},
          {"remote_interventions", percent(h.remote)},
          {"not_named", percent(h.not_named)},
          {"linked", percent(h.linked)},
          {"women_of_linked", h.women ? nlohmann::json(percent(*h.women)) : nullptr}}},
        {"speakers", nlohmann::json::array()}};
    for (const auto& r : s.speakers)
        out["speakers"].push_back(
            {{"label", r.label},
             {"labels", r.labels},
             {"role", r.role.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.role)},
             {"person", r.person ? nlohmann::json{{"id", *r.person}, {"name", r.person_name}}
                                 : nlohmann::json(nullptr)},
             {"transcripts", r.transcripts},
             {"turns", r.count.turns},
             {"words", r.count.words},
             {"seconds", r.count.seconds},
             {"share", percent(transcripts::share_in_tenths(r.count.words, s.all.words))}});
    for (const auto& d : dimensions(s)) {
        auto rows = dimension_rows(d, s.all.words);
        for (auto& r : rows) {
            r["share"] = percent(r["share_tenths"].get<int>());
            r.erase("share_tenths");
            r.erase("minutes");
        }
        out[std::string("by_") + d.code] = rows;
    }
    return out;
}

nlohmann::json statistics_view(const transcripts::Statistics& s, const std::string& id) {
    auto h = transcripts::headline(s);
    const auto nothing = say("transcripts.statistics.nothing");
    nlohmann::json headline_rows = nlohmann::json::array();
    auto headline_row = [&](const char* key, int tenths) {
        headline_rows.push_back({{"label", say(std::string("transcripts.statistics.") + key)},
                                 {"share_tenths", tenths},
                                 {"share", percent_text(tenths)}});
    };
    headline_row("chair_share", h.chair);
    headline_row("remote_share", h.remote);
    headline_row("not_named_share", h.not_named);
    headline_row("linked_share", h.linked);
    if (h.women) headline_row("women_share", *h.women);

    nlohmann::json speakers = nlohmann::json::array();
    for (const auto& r : s.speakers) {
        auto tenths = transcripts::share_in_tenths(r.count.words, s.all.words);
        nlohmann::json others = nlohmann::json::array();
        for (const auto& l : r.labels)
            if (l != speaker_label(r)) others.push_back(l);
        speakers.push_back({{"label", speaker_label(r)},
                            {"labels", others},
                            {"has_labels", !others.empty()},
                            {"labels_text",
                             [&] {
                                 std::string t;
                                 for (const auto& l : others)
                                     t += (t.empty() ? "" : ", ") + l.get<std::string>();
                                 return t;
                             }()},
                            {"role", r.role.empty() ? "" : say("transcripts.role." + r.role)},
                            {"linked", r.person.has_value()},
                            {"transcripts", r.transcripts},
                            {"turns", r.count.turns},
                            {"words", r.count.words},
                            {"minutes", minutes_text(r.count.seconds)},
                            {"share_tenths", tenths},
                            {"share", percent_text(tenths)}});
    }
    constexpr std::size_t charted = 10;
    nlohmann::json top = nlohmann::json::array();
    for (std::size_t i = 0; i < speakers.size() && i < charted; ++i) top.push_back(speakers[i]);

    nlohmann::json dims = nlohmann::json::array();
    for (const auto& d : dimensions(s)) {
        auto rows = dimension_rows(d, s.all.words);
        auto title = say(std::string("transcripts.statistics.by_") + d.code);
        dims.push_back({{"id", id + "-" + d.code},
                        {"title", title},
                        {"chart", share_chart(id + "-" + d.code, title, rows, nothing)},
                        {"rows", rows}});
    }
    return {{"empty", s.all.turns == 0},
            {"has_minutes", s.timed},
            {"summary",
             {{"transcripts", s.transcripts},
              {"turns", s.all.turns},
              {"words", s.all.words},
              {"minutes", minutes_text(s.all.seconds)},
              {"speakers", s.speakers.size()},
              {"left_out", s.left_out.empty() ? "" : std::to_string(s.left_out.size())}}},
            {"headline", share_chart(id + "-headline", say("transcripts.statistics.headline"),
                                     headline_rows, nothing)},
            {"headline_rows", headline_rows},
            {"speakers_chart",
             share_chart(id + "-speakers",
                         say("transcripts.statistics.top_speakers", {{"count", top.size()}}), top,
                         nothing)},
            {"speakers", speakers},
            {"dimensions", dims}};
}

}  // namespace convene::web
