#include "core/transcripts/statistics.hpp"

#include <algorithm>
#include <numeric>
#include <set>

namespace convene::transcripts {

Count& Count::operator+=(const Count& other) {
    turns += other.turns;
    words += other.words;
    seconds += other.seconds;
    return *this;
}

std::vector<int> shares_in_tenths(const std::vector<std::size_t>& parts) {
    std::vector<int> out(parts.size(), 0);
    auto whole = std::accumulate(parts.begin(), parts.end(), std::size_t{0});
    if (whole == 0) return out;
    std::vector<std::size_t> remainder(parts.size());
    int given = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        // 1000 * part fits: a part is at most a few million words.
        out[i] = static_cast<int>(1000 * parts[i] / whole);
        remainder[i] = 1000 * parts[i] % whole;
        given += out[i];
    }
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t k = 0; given < 1000 && k < order.size(); ++k, ++given) ++out[order[k]];
    return out;
}

int share_in_tenths(std::size_t part, std::size_t whole) {
    if (whole == 0) return 0;
    return static_cast<int>((2000 * part + whole) / (2 * whole));
}

Statistics speaker_statistics(const std::vector<TranscriptTally>& transcripts,
                              const std::vector<SpeakerTally>& speakers) {
    Statistics s;
    // One transcript per live room's captions: the language with the most turns.
    std::map<std::int64_t, const TranscriptTally*> kept_of_room;
    for (const auto& t : transcripts) {
        if (!t.from_captions || !t.live_room) continue;
        auto& kept = kept_of_room[*t.live_room];
        if (!kept || t.turns > kept->turns ||
            (t.turns == kept->turns && t.transcript < kept->transcript))
            kept = &t;
    }
    std::set<std::int64_t> counted;
    for (const auto& t : transcripts) {
        if (t.from_captions && t.live_room && kept_of_room[*t.live_room] != &t) {
            s.left_out.push_back(t.transcript);
            continue;
        }
        counted.insert(t.transcript);
        ++s.transcripts;
        s.timed = s.timed || t.timed;
        s.all += Count{t.turns, t.words, t.seconds};
    }

    struct Row {
        SpeakerRow row;
        std::map<std::string, std::size_t> words_of_label;
        std::set<std::int64_t> transcripts;
        std::set<std::string> roles;
    };
    std::map<std::string, Row> rows;
    for (const auto& sp : speakers) {
        if (!counted.count(sp.transcript)) continue;
        Count c{sp.turns, sp.words, sp.seconds};
        s.named += c;
        s.by_role[sp.role] += c;
        if (sp.person) {
            s.linked += c;
            s.by_group[sp.stakeholder_group] += c;
            s.by_gender[sp.gender] += c;
            s.by_region[sp.region] += c;
        } else {
            for (auto* d : {&s.by_group, &s.by_gender, &s.by_region}) (*d)[not_linked] += c;
        }
        auto key = sp.person ? "person " + std::to_string(*sp.person) : "label " + sp.label_key;
        auto& r = rows[key];
        r.row.person = sp.person;
        r.row.person_name = sp.person_name;
        r.row.count += c;
        r.words_of_label[sp.label] += sp.words;
        r.transcripts.insert(sp.transcript);
        r.roles.insert(sp.role);
    }
    Count unnamed{s.all.turns - std::min(s.all.turns, s.named.turns),
                  s.all.words - std::min(s.all.words, s.named.words),
                  s.all.seconds - std::min(s.all.seconds, s.named.seconds)};
    if (unnamed.turns > 0 || unnamed.words > 0)
        for (auto* d : {&s.by_role, &s.by_group, &s.by_gender, &s.by_region})
            (*d)[not_named] += unnamed;

    for (auto& [key, r] : rows) {
        std::vector<std::pair<std::string, std::size_t>> labels(r.words_of_label.begin(),
                                                                r.words_of_label.end());
        std::stable_sort(labels.begin(), labels.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        for (const auto& [label, words] : labels) r.row.labels.push_back(label);
        r.row.label = r.row.labels.front();
        r.row.role = r.roles.size() == 1 ? *r.roles.begin() : "";
        r.row.transcripts = r.transcripts.size();
        s.speakers.push_back(std::move(r.row));
    }
    std::stable_sort(s.speakers.begin(), s.speakers.end(),
                     [](const SpeakerRow& a, const SpeakerRow& b) {
                         if (a.count.words != b.count.words) return a.count.words > b.count.words;
                         return a.count.turns > b.count.turns;
                     });
    return s;
}

Headline headline(const Statistics& s) {
    auto words_of = [&](const std::map<std::string, Count>& counts, const std::string& key) {
        auto found = counts.find(key);
        return found == counts.end() ? std::size_t{0} : found->second.words;
    };
    Headline h;
    h.chair = share_in_tenths(words_of(s.by_role, "chair") + words_of(s.by_role, "co_chair"),
                              s.all.words);
    h.remote = share_in_tenths(words_of(s.by_role, "remote_intervention"), s.all.words);
    h.not_named = share_in_tenths(words_of(s.by_role, not_named), s.all.words);
    h.linked = share_in_tenths(s.linked.words, s.all.words);
    if (s.linked.words > 0)
        h.women = share_in_tenths(words_of(s.by_gender, "woman"), s.linked.words);
    return h;
}

}  // namespace convene::transcripts
