#include "core/transcripts/similarity.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/common/text.hpp"
#include "core/transcripts/speakers.hpp"

namespace convene::transcripts {

namespace {

std::u32string decode(std::string_view text) {
    std::u32string out;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(text.size());
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(text.data(), i, n, c);
        if (c >= 0) out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

std::string encode(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        char buffer[4];
        int32_t length = 0;
        UBool error = false;
        U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
        if (!error) out.append(buffer, static_cast<std::size_t>(length));
    }
    return out;
}

// Letters that carry no separable accent, as a reader who cannot type them writes them.
std::u32string_view plain_letter(char32_t c) {
    switch (c) {
        case U'ø':
            return U"o";
        case U'ł':
            return U"l";
        case U'đ':
            return U"d";
        case U'ð':
            return U"d";
        case U'þ':
            return U"th";
        case U'æ':
            return U"ae";
        case U'œ':
            return U"oe";
        case U'ı':
            return U"i";
        case U'ß':
            return U"ss";
        default:
            return {};
    }
}

// The key's words (speakers.hpp label_key: case-folded, "st." -> "st") without accents.
std::vector<std::u32string> folded_words(std::string_view written) {
    auto key = label_key(written);
    UErrorCode status = U_ZERO_ERROR;
    const auto* nfd = icu::Normalizer2::getNFDInstance(status);
    auto source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(key.data(), static_cast<int32_t>(key.size())));
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(source, status) : source;
    if (U_FAILURE(status)) decomposed = source;
    std::vector<std::u32string> words(1);
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (!u_isalnum(c)) {
            if (!words.back().empty()) words.emplace_back();
            continue;
        }
        if (auto plain = plain_letter(static_cast<char32_t>(c)); !plain.empty())
            words.back() += plain;
        else
            words.back() += static_cast<char32_t>(c);
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

bool is_one_of(const std::u32string& word, std::initializer_list<std::u32string_view> list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Titles before a name ("Mr.", "Dr.", "H.E.", "Ambassador") and role words after it
// ("..., CHAIR") say nothing of who it is.
void drop_titles(std::vector<std::u32string>& words) {
    std::size_t from = 0;
    while (words.size() - from > 1 &&
           (is_one_of(words[from],
                      {U"mr",         U"mrs",      U"ms",        U"miss",       U"mx",
                       U"dr",         U"prof",     U"professor", U"sir",        U"dame",
                       U"madam",      U"madame",   U"mme",       U"mister",     U"ambassador",
                       U"amb",        U"minister", U"hon",       U"honourable", U"honorable",
                       U"excellency", U"senator",  U"judge",     U"rev",        U"reverend"}) ||
            (words.size() - from > 2 && words[from] == U"he") ||
            (words.size() - from > 2 && is_one_of(words[from], {U"his", U"her"}) &&
             words[from + 1] == U"excellency")))
        ++from;
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(from));
    while (words.size() > 2 &&
           is_one_of(words.back(), {U"chair", U"cochair", U"moderator", U"rapporteur"}))
        words.pop_back();
}

std::size_t typos_allowed(const std::u32string& a, const std::u32string& b) {
    auto longer = std::max(a.size(), b.size());
    return longer >= 9 ? 2 : longer >= 6 ? 1 : 0;
}

// Two words match: the same (0), a few letters apart (their count), or not (nullopt).
std::optional<std::size_t> word_match(const std::u32string& a, const std::u32string& b) {
    if (a == b) return 0;
    auto allowed = typos_allowed(a, b);
    if (allowed == 0) return std::nullopt;
    auto d = edit_distance(a, b, allowed);
    if (d > allowed) return std::nullopt;
    return d;
}

bool initial_of(const std::u32string& a, const std::u32string& b) {
    return (a.size() == 1 && b.size() > 1 && b.front() == a.front()) ||
           (b.size() == 1 && a.size() > 1 && a.front() == b.front());
}

// The same letters once the spaces are gone ("jac sm kee", "jac smkee"), without copying.
bool same_letters(const std::vector<std::u32string>& a, const std::vector<std::u32string>& b) {
    std::size_t wa = 0, ia = 0, wb = 0, ib = 0;
    for (;;) {
        while (wa < a.size() && ia == a[wa].size()) ++wa, ia = 0;
        while (wb < b.size() && ib == b[wb].size()) ++wb, ib = 0;
        if (wa == a.size() || wb == b.size()) return wa == a.size() && wb == b.size();
        if (a[wa][ia++] != b[wb][ib++]) return false;
    }
}

// Words matched in order: the typos counted, or nullopt when one does not match.
struct Matched {
    std::size_t typos = 0, initials = 0, exact = 0;
};
std::optional<Matched> match_in_order(const std::vector<std::u32string>& a,
                                      const std::vector<std::u32string>& b, std::size_t b_from,
                                      bool initials_allowed) {
    Matched m;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto& x = a[i];
        const auto& y = b[b_from + i];
        if (auto d = word_match(x, y)) {
            m.typos += *d;
            m.exact += *d == 0;
        } else if (initials_allowed && initial_of(x, y)) {
            ++m.initials;
        } else {
            return std::nullopt;
        }
    }
    return m;
}

Resemblance scored(Likeness l, int score) {
    return {l, std::clamp(score, 0, 100)};
}

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
    if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0], best = row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            auto up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
    }
    return std::min(row[b.size()], limit + 1);
}

SpokenName name_of_label(std::string_view label) {
    auto role = label_role(label);
    SpokenName n{role.role, role.name, folded_words(role.name)};
    drop_titles(n.words);
    return n;
}

SpokenName name_of_person(std::string_view name) {
    SpokenName n{"", trim(name), folded_words(name)};
    drop_titles(n.words);
    return n;
}

std::string folded_text(const SpokenName& n) {
    std::string out;
    for (const auto& w : n.words) out += (out.empty() ? "" : " ") + encode(w);
    return out;
}

Resemblance resemblance(const SpokenName& a, const SpokenName& b) {
    const bool a_shorter = a.words.size() <= b.words.size();
    const auto& shorter = a_shorter ? a : b;
    const auto& longer = a_shorter ? b : a;
    const auto& s = shorter.words;
    const auto& l = longer.words;
    if (s.empty()) return {};
    if (s == l) return {Likeness::same_name, 100};
    if (same_letters(s, l)) return {Likeness::same_name, 95};
    if (s.size() == l.size()) {
        if (auto m = match_in_order(s, l, 0, true)) {
            if (m->initials == 0)
                return scored(Likeness::typo, std::max(60, 90 - 10 * static_cast<int>(m->typos)));
            // Initials for some words, the last (the family name) written out.
            if (s.back().size() > 1 && l.back().size() > 1)
                return scored(Likeness::initials, 75 - 5 * static_cast<int>(m->typos));
        }
        return {};
    }
    // The shorter is the longer without its middle names (first and last words match).
    if (s.size() >= 2) {
        auto first = word_match(s.front(), l.front());
        bool first_initial = !first && initial_of(s.front(), l.front());
        auto last = word_match(s.back(), l.back());
        if ((first || first_initial) && last && s.back().size() > 1) {
            // The middle words of the shorter, in order, among the longer's.
            std::size_t at = 1;
            bool inside = true;
            for (std::size_t i = 1; i + 1 < s.size() && inside; ++i) {
                while (at + 1 < l.size() && !word_match(s[i], l[at]) && !initial_of(s[i], l[at]))
                    ++at;
                inside = at + 1 < l.size();
                ++at;
            }
            if (inside) {
                auto typos = static_cast<int>(first.value_or(0) + *last);
                return first_initial ? scored(Likeness::initials, 70 - 5 * typos)
                                     : scored(Likeness::middle_name, 85 - 5 * typos);
            }
        }
    }
    // A family name alone ("ST. AMOUR"), as chairs are often named: stronger after a role.
    if (auto m = match_in_order(s, l, l.size() - s.size(), false)) {
        int score = (s.size() >= 2 ? 75 : 65) + (shorter.role.empty() ? 0 : 10);
        return scored(Likeness::family_name, score - 5 * static_cast<int>(m->typos));
    }
    if (auto m = match_in_order(s, l, 0, false))
        return scored(Likeness::given_name, 55 - 5 * static_cast<int>(m->typos));
    return {};
}

std::string name_case(std::string_view written) {
    auto words = split_items(trim(written), " ");
    std::string out;
    for (std::size_t w = 0; w < words.size(); ++w) {
        auto letters = decode(words[w]);
        bool has_small = std::any_of(letters.begin(), letters.end(),
                                     [](char32_t c) { return u_isULowercase(UChar32(c)); });
        // "McCARTHY": capitals after a prefix with small letters are a name in capitals.
        std::size_t tail = letters.size();
        while (tail > 0 && !u_isULowercase(UChar32(letters[tail - 1]))) --tail;
        if (has_small && tail > 0 && letters.size() - tail >= 2) {
            for (auto i = tail + 1; i < letters.size(); ++i)
                letters[i] = static_cast<char32_t>(u_tolower(UChar32(letters[i])));
        } else if (!has_small) {
            bool start = true;
            for (auto& c : letters) {
                c = static_cast<char32_t>(start ? u_totitle(UChar32(c)) : u_tolower(UChar32(c)));
                start = c == U'-' || c == U'\'' || c == U'’' || c == U'‑';
            }
            auto lower = letters;
            for (auto& c : lower) c = static_cast<char32_t>(u_tolower(UChar32(c)));
            if (w > 0 && w + 1 < words.size() &&
                is_one_of(lower,
                          {U"de", U"del", U"della", U"der", U"den", U"di", U"da", U"do", U"dos",
                           U"das", U"du", U"la", U"le", U"van", U"von", U"y", U"bin", U"ibn"}))
                letters = lower;
        }
        out += (out.empty() ? "" : " ") + encode(letters);
    }
    return out;
}

std::vector<Suggestion> suggest_links(const std::vector<LabelToLink>& labels,
                                      const std::vector<KnownPerson>& people, std::size_t most) {
    std::vector<SpokenName> label_names, person_names;
    for (const auto& l : labels) label_names.push_back(name_of_label(l.label));
    for (const auto& p : people) person_names.push_back(name_of_person(p.name));
    std::unordered_map<std::int64_t, std::size_t> person_at;
    for (std::size_t j = 0; j < people.size(); ++j) person_at.emplace(people[j].id, j);

    // Each name under the first three letters of its first word and of its last: every
    // likeness but a typo in both needs one of them to match.
    struct Entry {
        bool person;
        std::size_t at;
    };
    std::unordered_map<std::u32string, std::vector<Entry>> block;
    auto keys = [](const SpokenName& n) {
        std::vector<std::u32string> out;
        if (n.words.empty()) return out;
        out.push_back(U"<" + n.words.front().substr(0, 3));
        out.push_back(U">" + n.words.back().substr(0, 3));
        return out;
    };
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (const auto& k : keys(label_names[i])) block[k].push_back({false, i});
    for (std::size_t j = 0; j < people.size(); ++j)
        for (const auto& k : keys(person_names[j])) block[k].push_back({true, j});

    std::map<std::size_t, std::vector<Reason>> for_person;  // person index -> reasons
    std::vector<bool> unplaced(labels.size(), false);       // unlinked, resembling no person
    struct Edge {
        int score;
        std::size_t a, b;
        Likeness likeness;
    };
    std::vector<Edge> edges;
    std::set<std::pair<std::size_t, std::size_t>> resembling;
    std::vector<std::size_t> seen_label(labels.size(), SIZE_MAX),
        seen_person(people.size(), SIZE_MAX);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].person || label_names[i].words.empty()) continue;
        std::map<std::size_t, Reason> best;  // person index -> the strongest reason
        auto offer = [&](std::size_t j, Reason r) {
            auto [at, added] = best.try_emplace(j, r);
            if (!added && r.score > at->second.score) at->second = r;
        };
        for (const auto& k : keys(label_names[i])) {
            for (const auto& e : block[k]) {
                auto& seen = e.person ? seen_person[e.at] : seen_label[e.at];
                if (seen == i || (!e.person && e.at == i)) continue;
                seen = i;
                const auto& other = e.person ? person_names[e.at] : label_names[e.at];
                auto r = resemblance(label_names[i], other);
                if (r.score < least_suggested_score) continue;
                if (e.person) {
                    offer(e.at, {i, r.likeness, r.score, people[e.at].name, true});
                } else if (labels[e.at].person) {
                    auto j = person_at.find(*labels[e.at].person);
                    if (j != person_at.end())
                        offer(j->second, {i, r.likeness, r.score, labels[e.at].label, false});
                } else {
                    auto pair = std::minmax(i, e.at);
                    if (resembling.insert(pair).second)
                        edges.push_back({r.score, pair.first, pair.second, r.likeness});
                }
            }
        }
        if (best.empty()) {
            unplaced[i] = true;
            continue;
        }
        int top = 0;
        for (const auto& [j, r] : best) top = std::max(top, r.score);
        for (const auto& [j, r] : best)
            if (r.score == top) for_person[j].push_back(r);
    }

    auto by_turns = [&](std::size_t a, std::size_t b) {
        return labels[a].turns != labels[b].turns ? labels[a].turns > labels[b].turns : a < b;
    };
    std::vector<Suggestion> out;
    for (auto& [j, reasons] : for_person) {
        std::sort(reasons.begin(), reasons.end(),
                  [&](const Reason& a, const Reason& b) { return by_turns(a.label, b.label); });
        Suggestion s;
        s.person = j;
        s.score = 100;
        for (const auto& r : reasons) {
            s.labels.push_back(r.label);
            s.score = std::min(s.score, r.score);
        }
        s.reasons = std::move(reasons);
        out.push_back(std::move(s));
    }

    // Labels resembling no person, grouped strongest pair first; a label joins a group only
    // when it resembles every label in it.
    std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
        return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    std::vector<std::size_t> group_of(labels.size());
    std::iota(group_of.begin(), group_of.end(), std::size_t{0});
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (unplaced[i]) groups[i] = {i};
    for (const auto& e : edges) {
        if (!unplaced[e.a] || !unplaced[e.b]) continue;
        auto ga = group_of[e.a], gb = group_of[e.b];
        if (ga == gb) continue;
        bool all = true;
        for (auto x : groups[ga])
            for (auto y : groups[gb]) all = all && resembling.count(std::minmax(x, y));
        if (!all) continue;
        for (auto y : groups[gb]) {
            group_of[y] = ga;
            groups[ga].push_back(y);
        }
        groups.erase(gb);
    }
    for (auto& [g, members] : groups) {
        if (members.size() < 2) continue;
        std::sort(members.begin(), members.end(), by_turns);
        // The new person is named after the fullest name among them.
        auto fullest = *std::max_element(members.begin(), members.end(), [&](auto a, auto b) {
            auto wa = label_names[a].words.size(), wb = label_names[b].words.size();
            return wa != wb ? wa < wb : by_turns(b, a);
        });
        Suggestion s;
        s.labels = members;
        s.new_name = name_case(label_names[fullest].written);
        s.score = 100;
        for (auto m : members) {
            if (m == fullest) continue;
            auto r = resemblance(label_names[m], label_names[fullest]);
            s.reasons.push_back({m, r.likeness, r.score, labels[fullest].label, false});
            s.score = std::min(s.score, r.score);
        }
        out.push_back(std::move(s));
    }

    auto turns_of = [&](const Suggestion& s) {
        std::size_t n = 0;
        for (auto l : s.labels) n += labels[l].turns;
        return n;
    };
    std::stable_sort(out.begin(), out.end(), [&](const Suggestion& a, const Suggestion& b) {
        if (a.score != b.score) return a.score > b.score;
        return turns_of(a) > turns_of(b);
    });
    if (out.size() > most) out.resize(most);
    return out;
}

}  // namespace convene::transcripts
