#include "store/transcripts/captions.hpp"

#include <map>

#include "core/transcripts/from_captions.hpp"
#include "store/editions/editions.hpp"
#include "store/live/captions.hpp"
#include "store/live/turns.hpp"
#include "store/transcripts/transcripts.hpp"

namespace convene::store {

namespace {

std::optional<PersonId> person_of_account(db::Connection& c, std::int64_t account) {
    auto r = c.run(R"sql(SELECT id FROM people WHERE account_id = ? ORDER BY id)sql", {account});
    if (r.empty()) return std::nullopt;
    return r.rows.front().id<PersonId>("id");
}

}  // namespace

std::vector<TranscriptId> keep_caption_transcripts(db::Connection& c, const LiveRoom& room,
                                                   const std::string& now) {
    std::map<std::string, std::vector<transcripts::CaptionTurnIn>> by_language;
    for (const auto& t : kept_caption_turns(c, room.id))
        by_language[t.language].push_back({t.speaker, t.text, t.started_at, t.ended_at});
    std::vector<transcripts::FloorTurn> floor;
    for (const auto& t : live_turns(c, room.id))
        floor.push_back({t.turn.speaker.person,
                         t.account ? std::optional(t.account->value()) : std::nullopt,
                         t.turn.speaker.name, t.started_at, t.ended_at});
    transcripts::Header header;
    header.title = room.title;
    header.date = room.opened_at.substr(0, 10);
    if (auto edition = find_edition(c, room.edition)) header.event = edition->name;
    std::vector<TranscriptId> made;
    for (const auto& [language, turns] : by_language) {
        if (auto before = transcript_of_live_room(c, room.id, language))
            delete_transcript(c, *before);
        auto t = transcripts::transcript_of_captions(turns, header);
        std::vector<SpeakerLinkSeed> links;
        for (const auto& l : transcripts::link_to_queue(t, floor))
            links.push_back({l.label_key,
                             l.account ? person_of_account(c, *l.account) : std::nullopt,
                             l.account ? std::optional(AccountId{*l.account}) : std::nullopt,
                             l.person, "queue"});
        NewTranscript n;
        n.place = {room.edition, room.session, room.id};
        n.source = "captions";
        n.language = language;
        n.added_at = now;
        made.push_back(add_transcript(c, n, t, links));
    }
    return made;
}

}  // namespace convene::store
