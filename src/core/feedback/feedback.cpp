#include "core/feedback/feedback.hpp"

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/people.hpp"

namespace convene::feedback {

ReadRating read_rating(const TypedRating& typed) {
    ReadRating out;
    Rating r;
    auto rating = trim(typed.rating);
    if (rating.empty())
        out.errors.push_back({"rating", say("feedback.rating.missing")});
    else if (rating.size() != 1 || rating[0] < '0' + lowest_rating ||
             rating[0] > '0' + highest_rating)
        out.errors.push_back(
            {"rating", say("feedback.rating.range",
                           {{"lowest", lowest_rating}, {"highest", highest_rating}})});
    else
        r.rating = rating[0] - '0';
    if (!is_valid_utf8(typed.comment) || has_control_characters(typed.comment))
        out.errors.push_back({"comment", say("feedback.comment.text")});
    else if (count_characters(typed.comment) > longest_comment)
        out.errors.push_back(
            {"comment", say("feedback.comment.long", {{"most", longest_comment}})});
    else
        r.comment = trim(typed.comment);
    if (!typed.stakeholder_group.empty() &&
        !is_choice(stakeholder_groups(), typed.stakeholder_group))
        out.errors.push_back({"stakeholder_group", say("feedback.stakeholder_group.unknown")});
    else
        r.stakeholder_group = typed.stakeholder_group;
    if (out.errors.empty()) out.rating = std::move(r);
    return out;
}

bool session_ended(const std::string& end_utc, const std::string& now_utc) {
    // Both "YYYY-MM-DDTHH:MM:SSZ": of one format, they compare as text.
    return !end_utc.empty() && now_utc >= end_utc;
}

std::int64_t Summary::count() const {
    std::int64_t n = 0;
    for (auto c : distribution) n += c;
    return n;
}

double Summary::mean() const {
    std::int64_t n = 0, sum = 0;
    for (int i = 0; i < highest_rating; ++i) {
        n += distribution[i];
        sum += distribution[i] * (i + 1);
    }
    return n == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(n);
}

void Summary::add(int rating, std::int64_t how_many) {
    if (rating < lowest_rating || rating > highest_rating || how_many <= 0) return;
    distribution[rating - 1] += how_many;
}

void Summary::add(const Summary& other) {
    for (int i = 0; i < highest_rating; ++i) distribution[i] += other.distribution[i];
}

std::map<SessionId, Summary> summaries(const std::vector<RatingCount>& counts) {
    std::map<SessionId, Summary> out;
    for (const auto& c : counts)
        if (c.rating >= lowest_rating && c.rating <= highest_rating && c.count > 0)
            out[c.session].add(c.rating, c.count);
    return out;
}

std::map<std::string, Summary> summed_by(const std::map<SessionId, Summary>& per_session,
                                         const std::map<SessionId, std::string>& key_of) {
    std::map<std::string, Summary> out;
    for (const auto& [session, summary] : per_session) {
        if (summary.count() == 0) continue;
        auto key = key_of.find(session);
        out[key == key_of.end() ? std::string() : key->second].add(summary);
    }
    return out;
}

}  // namespace convene::feedback
