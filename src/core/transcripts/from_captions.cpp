#include "core/transcripts/from_captions.hpp"

#include <map>
#include <set>

#include "core/common/clock.hpp"
#include "core/common/text.hpp"
#include "core/transcripts/directions.hpp"
#include "core/transcripts/reading.hpp"
#include "core/transcripts/speakers.hpp"

namespace convene::transcripts {

Transcript transcript_of_captions(const std::vector<CaptionTurnIn>& turns, const Header& header) {
    Transcript t;
    t.header = header;
    for (const auto& in : turns) {
        Turn turn;
        auto label = normal_spaces(in.speaker);
        if (!label.empty()) turn.speaker = label;
        turn.started_at = in.started_at;
        turn.ended_at = in.ended_at;
        auto index = t.turns.size();
        std::size_t paragraph = 0;
        for (const auto& line : split_items(in.text, "", false)) {
            auto text = normal_spaces(line);
            if (text.empty()) continue;
            if (auto d = line_direction(text)) {
                t.directions.push_back({index, *d, false, paragraph, 0});
                continue;
            }
            for (auto& d : directions_within(text))
                t.directions.push_back({index, std::move(d), true, paragraph, 0});
            turn.text += (turn.text.empty() ? "" : "\n") + text;
            ++paragraph;
        }
        t.turns.push_back(std::move(turn));
    }
    return t;
}

std::vector<QueueLink> link_to_queue(const Transcript& t, const std::vector<FloorTurn>& floor) {
    // Each person of the queue, by the key of their name.
    std::map<std::string, const FloorTurn*> by_name;
    for (const auto& f : floor)
        if (auto key = label_key(f.name); !key.empty()) by_name.emplace(key, &f);
    std::vector<QueueLink> out;
    std::set<std::string> linked_labels, linked_people;
    std::map<std::string, std::vector<const Turn*>> turns_of;  // label key -> its turns
    std::vector<std::string> order;
    for (const auto& turn : t.turns) {
        if (!turn.speaker) continue;
        auto key = label_key(*turn.speaker);
        if (key.empty()) continue;
        if (!turns_of.count(key)) order.push_back(key);
        turns_of[key].push_back(&turn);
    }
    for (const auto& key : order) {
        auto role = label_role(*turns_of[key].front()->speaker);
        auto found = by_name.find(key);
        if (found == by_name.end() && !role.name.empty())
            found = by_name.find(label_key(role.name));
        if (found == by_name.end()) continue;
        out.push_back({key, found->second->person, found->second->account, true});
        linked_labels.insert(key);
        linked_people.insert(found->second->person);
    }
    for (const auto& key : order) {
        if (linked_labels.count(key)) continue;
        const auto& turns = turns_of[key];
        if (!label_role(*turns.front()->speaker).role.empty() &&
            label_role(*turns.front()->speaker).role != "floor" &&
            label_role(*turns.front()->speaker).role != "remote_intervention")
            continue;  // the chair or the moderator is not given the floor by the queue
        std::map<std::string, std::size_t> during;
        std::map<std::string, const FloorTurn*> who;
        for (const auto* turn : turns) {
            auto start = parse_utc(turn->started_at);
            if (!start) continue;
            for (const auto& f : floor) {
                auto from = parse_utc(f.started_at), to = parse_utc(f.ended_at);
                if (from && to && *start >= *from && *start <= *to) {
                    ++during[f.person];
                    who[f.person] = &f;
                    break;
                }
            }
        }
        for (const auto& [person, count] : during) {
            if (linked_people.count(person) || count * 3 < turns.size() * 2) continue;
            out.push_back({key, person, who[person]->account, false});
            linked_people.insert(person);
            break;
        }
    }
    return out;
}

}  // namespace convene::transcripts
