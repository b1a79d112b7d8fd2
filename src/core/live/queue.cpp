#include "core/live/queue.hpp"

#include <algorithm>

namespace convene::live {

namespace {

std::optional<Refusal> refuse(const char* key) {
    return Refusal{key};
}

std::vector<FloorRequest>::iterator find_request(Queue& q, std::int64_t id) {
    return std::find_if(q.waiting.begin(), q.waiting.end(),
                        [&](const FloorRequest& r) { return r.id == id; });
}

// Takes requests one by one, each time the first whose key differs from the one before
// (a key of "" is unknown and fits anywhere); when none differs, the first.
std::vector<FloorRequest> alternating(std::vector<FloorRequest> rest, std::string previous,
                                      std::string (*key)(const FloorRequest&)) {
    std::vector<FloorRequest> out;
    while (!rest.empty()) {
        auto pick = std::find_if(rest.begin(), rest.end(), [&](const FloorRequest& r) {
            auto k = key(r);
            return k.empty() || previous.empty() || k != previous;
        });
        if (pick == rest.end()) pick = rest.begin();
        previous = key(*pick);
        out.push_back(*pick);
        rest.erase(pick);
    }
    return out;
}

std::string group_of(const FloorRequest& r) {
    return r.speaker.stakeholder_group;
}
std::string gender_of(const FloorRequest& r) {
    return r.speaker.gender;
}

// Who spoke last: the current speaker, else the last turn.
const Speaker* last_speaker(const Queue& q) {
    if (q.speaking) return &q.speaking->speaker;
    if (!q.turns.empty()) return &q.turns.back().speaker;
    return nullptr;
}

void finish_turn(Queue& q, Seconds now) {
    if (!q.speaking) return;
    q.speaking->end = std::max(now, q.speaking->start);
    q.turns.push_back(*q.speaking);
    q.speaking.reset();
}

}  // namespace

bool list_closed(const Queue& q, Seconds now) {
    return q.closed || (q.closes_at != 0 && now >= q.closes_at);
}

Seconds last_call_left(const Queue& q, Seconds now) {
    if (q.closed || q.closes_at == 0 || now >= q.closes_at) return 0;
    return q.closes_at - now;
}

std::vector<FloorRequest> in_order(const Queue& q) {
    std::vector<FloorRequest> points, rest;
    for (const auto& r : q.waiting) (r.point_of_order ? points : rest).push_back(r);
    const Speaker* last = last_speaker(q);
    switch (q.ordering) {
        case Ordering::received:
            break;
        case Ordering::first_time_first:
            std::stable_partition(rest.begin(), rest.end(),
                                  [](const FloorRequest& r) { return r.speaker.first_time; });
            break;
        case Ordering::alternate_groups:
            rest = alternating(std::move(rest), last ? last->stakeholder_group : "", group_of);
            break;
        case Ordering::alternate_genders:
            rest = alternating(std::move(rest), last ? last->gender : "", gender_of);
            break;
    }
    points.insert(points.end(), rest.begin(), rest.end());
    return points;
}

std::optional<Refusal> request_floor(Queue& q, const Speaker& s, Seconds now, bool point_of_order) {
    if (s.person.empty() || s.name.empty()) return refuse("live.queue.who");
    if (!point_of_order && list_closed(q, now)) return refuse("live.queue.closed");
    for (const auto& r : q.waiting)
        if (r.speaker.person == s.person) return refuse("live.queue.already_waiting");
    q.waiting.push_back({q.next_id++, s, now, point_of_order});
    ++q.version;
    return std::nullopt;
}

std::optional<Refusal> withdraw(Queue& q, const std::string& person) {
    auto at = std::find_if(q.waiting.begin(), q.waiting.end(),
                           [&](const FloorRequest& r) { return r.speaker.person == person; });
    if (at == q.waiting.end()) return refuse("live.queue.not_waiting");
    q.waiting.erase(at);
    ++q.version;
    return std::nullopt;
}

std::optional<Refusal> give_floor(Queue& q, std::int64_t id, Seconds now) {
    if (q.waiting.empty()) return refuse("live.queue.empty");
    auto order = in_order(q);
    std::int64_t chosen = id != 0 ? id : order.front().id;
    auto at = find_request(q, chosen);
    if (at == q.waiting.end()) return refuse("live.queue.no_such_request");
    finish_turn(q, now);
    q.speaking = Turn{at->speaker, now, 0};
    q.waiting.erase(at);
    ++q.version;
    return std::nullopt;
}

std::optional<Refusal> end_turn(Queue& q, Seconds now) {
    if (!q.speaking) return refuse("live.queue.nobody_speaking");
    finish_turn(q, now);
    ++q.version;
    return std::nullopt;
}

std::optional<Refusal> remove_request(Queue& q, std::int64_t id) {
    auto at = find_request(q, id);
    if (at == q.waiting.end()) return refuse("live.queue.no_such_request");
    q.waiting.erase(at);
    ++q.version;
    return std::nullopt;
}

std::optional<Refusal> move_request(Queue& q, std::int64_t id, std::size_t position) {
    auto at = find_request(q, id);
    if (at == q.waiting.end()) return refuse("live.queue.no_such_request");
    auto moved = *at;
    q.waiting.erase(at);
    position = std::min(position, q.waiting.size());
    q.waiting.insert(q.waiting.begin() + static_cast<std::ptrdiff_t>(position), moved);
    ++q.version;
    return std::nullopt;
}

std::optional<Refusal> last_call(Queue& q, Seconds now, Seconds seconds) {
    if (list_closed(q, now)) return refuse("live.queue.closed");
    if (seconds < 0 || seconds > 3600) return refuse("live.queue.last_call_seconds");
    q.closes_at = now + seconds;
    if (seconds == 0) q.closed = true;
    ++q.version;
    return std::nullopt;
}

void reopen(Queue& q) {
    q.closed = false;
    q.closes_at = 0;
    ++q.version;
}

void close_list(Queue& q) {
    q.closed = true;
    ++q.version;
}

Figures figures(const std::vector<Turn>& turns) {
    Figures f;
    for (const auto& t : turns) {
        auto seconds = std::max<Seconds>(0, t.end - t.start);
        for (auto* tally :
             {&f.by_group[t.speaker.stakeholder_group], &f.by_gender[t.speaker.gender],
              &f.by_where[where_code(t.speaker.where)], &f.all}) {
            ++tally->turns;
            tally->seconds += seconds;
        }
    }
    return f;
}

std::string where_code(Where w) {
    switch (w) {
        case Where::onsite:
            return "onsite";
        case Where::online:
            return "online";
        case Where::hub:
            return "hub";
    }
    return "onsite";
}

std::optional<Where> where_of(const std::string& code) {
    for (auto w : {Where::onsite, Where::online, Where::hub})
        if (where_code(w) == code) return w;
    return std::nullopt;
}

std::string ordering_code(Ordering o) {
    switch (o) {
        case Ordering::received:
            return "received";
        case Ordering::first_time_first:
            return "first_time_first";
        case Ordering::alternate_groups:
            return "alternate_groups";
        case Ordering::alternate_genders:
            return "alternate_genders";
    }
    return "received";
}

std::optional<Ordering> ordering_of(const std::string& code) {
    for (auto o : {Ordering::received, Ordering::first_time_first, Ordering::alternate_groups,
                   Ordering::alternate_genders})
        if (ordering_code(o) == code) return o;
    return std::nullopt;
}

}  // namespace convene::live
