#include "web/transcripts/speaker_actions.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/transcripts/speakers.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

// At most this many labels in one link: a suggestion holds a few.
constexpr std::size_t max_labels_at_once = 50;

std::optional<std::int64_t> typed_id(const std::string& typed) {
    auto t = trim(typed);
    if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(t);
}

std::string role_label(const std::string& role) {
    return role.empty() ? "" : say("transcripts.role." + role);
}

// The keys of the labels asked for, each spoken somewhere, none a role alone, each one the
// actor may link; errors on "labels".
std::vector<std::string> label_keys(Exchange& ex, const std::vector<std::string>& labels,
                                    FieldErrors& errors) {
    std::vector<std::string> keys;
    if (labels.size() > max_labels_at_once) {
        errors.push_back({"labels", say("transcripts.speakers.too_many_labels",
                                        {{"limit", max_labels_at_once}})});
        return keys;
    }
    for (const auto& written : labels) {
        auto text = trim(written);
        auto key = text.size() <= 4 * transcripts::max_label_bytes ? transcripts::label_key(text)
                                                                   : std::string();
        auto found = key.empty() ? std::nullopt : store::speaker_label(ex.db(), key, std::nullopt);
        if (!found) {
            errors.push_back({"labels", say("transcripts.speakers.no_such_label",
                                            {{"label", shortened(text, 100)}})});
            continue;
        }
        if (found->role_only) {
            errors.push_back(
                {"labels", say("transcripts.speakers.role_alone",
                               {{"label", found->label}, {"role", role_label(found->role)}})});
            continue;
        }
        if (!policy::may_link_speaker_label(ex.actor(), {store::editions_of_label(ex.db(), key)}))
            throw http::forbidden(
                say("transcripts.speakers.not_your_label", {{"label", found->label}}));
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
    return keys;
}

// The speaker of one transcript of the edition; errors on "transcript" or "speaker".
std::optional<store::LabelInTranscript> one_speaker(Exchange& ex, const store::Edition& e,
                                                    const std::string& transcript,
                                                    const std::string& speaker,
                                                    FieldErrors& errors) {
    auto t = typed_id(transcript);
    if (!t) {
        errors.push_back({"transcript", say("transcripts.speakers.no_such_transcript")});
        return std::nullopt;
    }
    auto s = typed_id(speaker);
    auto found = s ? store::speaker_in_transcript(ex.db(), TranscriptId{*t}, *s) : std::nullopt;
    if (found && found->edition != e.id) found.reset();
    if (!found) {
        errors.push_back({"speaker", say("transcripts.speakers.no_such_speaker")});
        return std::nullopt;
    }
    if (!policy::may_link_speaker_in_transcript(ex.actor(), found->edition))
        throw http::forbidden();
    return found;
}

bool asks_one_speaker(const std::string& transcript, const std::string& speaker) {
    return !trim(transcript).empty() || !trim(speaker).empty();
}

}  // namespace

std::optional<EditionId> speakers_scope(Exchange& ex, const store::Edition& e,
                                        const std::string& scope) {
    if (scope.empty() || scope == "edition") return e.id;
    if (scope != "all")
        throw http::unprocessable({{"scope", say("transcripts.speakers.unknown_scope")}});
    if (!policy::may_list_speakers_of_every_edition(ex.actor()))
        throw http::forbidden(say("transcripts.speakers.every_edition_refused"));
    return std::nullopt;
}

Linked link_speakers(Exchange& ex, const store::Edition& e, const LinkAsked& asked,
                     const std::string& prefix) {
    bool by_label = !asked.labels.empty();
    bool by_speaker = asks_one_speaker(asked.transcript, asked.speaker);
    if (by_label && by_speaker)
        throw http::unprocessable(
            {{"transcript", say("transcripts.speakers.labels_or_one_speaker")}});
    if (!by_label && !by_speaker)
        throw http::unprocessable({{"labels", say("transcripts.speakers.no_label")}});
    FieldErrors errors;
    auto keys = label_keys(ex, asked.labels, errors);
    std::optional<store::LabelInTranscript> speaker;
    if (by_speaker) speaker = one_speaker(ex, e, asked.transcript, asked.speaker, errors);
    // The person: one of the records, or a new one described; checked before anything is
    // written, so a refusal leaves no person behind.
    bool chosen = !trim(asked.person).empty();
    std::optional<store::PersonRecord> person;
    if (chosen && asked.new_person) {
        errors.push_back({"person", say("transcripts.speakers.person_or_new")});
    } else if (chosen) {
        auto id = typed_id(asked.person);
        person = id ? store::person_record(ex.db(), PersonId{*id}) : std::nullopt;
        if (!person)
            errors.push_back({"person", say("transcripts.speakers.no_such_person",
                                            {{"person", shortened(trim(asked.person), 40)}})});
    } else if (!asked.new_person) {
        errors.push_back({"person", say("transcripts.speakers.no_person")});
    } else {
        for (auto error : validate_person(*asked.new_person, false)) {
            error.field = prefix + error.field;
            errors.push_back(std::move(error));
        }
    }
    throw_if_invalid(errors);

    Linked out;
    if (person) {
        out.person = person->id;
        out.person_name = person->name;
    } else {
        out.person = PersonId{store::add_person(ex.db(), *asked.new_person, std::nullopt)};
        out.person_name = asked.new_person->name;
        out.created = true;
    }
    std::optional<AccountId> by;
    if (ex.account()) by = ex.account()->id;
    for (const auto& key : keys) store::link_label(ex.db(), key, out.person, by, ex.now());
    if (speaker) store::link_in_transcript(ex.db(), speaker->speaker, out.person);
    out.keys = keys;
    nlohmann::json detail = {{"person", out.person.value()}, {"created", out.created}};
    if (speaker)
        detail.update({{"transcript", speaker->transcript.value()}, {"label", speaker->label}});
    else
        detail["labels"] = keys;
    ex.audit("speaker.link", "edition " + to_string(e.id), detail);
    return out;
}

std::size_t unlink_speakers(Exchange& ex, const store::Edition& e, const UnlinkAsked& asked) {
    bool by_label = !asked.labels.empty();
    bool by_speaker = asks_one_speaker(asked.transcript, asked.speaker);
    if (by_label && by_speaker)
        throw http::unprocessable(
            {{"transcript", say("transcripts.speakers.labels_or_one_speaker")}});
    if (!by_label && !by_speaker)
        throw http::unprocessable({{"labels", say("transcripts.speakers.no_label")}});
    FieldErrors errors;
    auto keys = label_keys(ex, asked.labels, errors);
    std::optional<store::LabelInTranscript> speaker;
    if (by_speaker) speaker = one_speaker(ex, e, asked.transcript, asked.speaker, errors);
    throw_if_invalid(errors);
    std::size_t undone = 0;
    for (const auto& key : keys) undone += store::unlink_label(ex.db(), key);
    if (speaker && speaker->person) {
        store::link_in_transcript(ex.db(), speaker->speaker, std::nullopt);
        ++undone;
    }
    nlohmann::json detail = {{"undone", undone}};
    if (speaker)
        detail.update({{"transcript", speaker->transcript.value()}, {"label", speaker->label}});
    else
        detail["labels"] = keys;
    ex.audit("speaker.unlink", "edition " + to_string(e.id), detail);
    return undone;
}

nlohmann::json speaker_label_json(const store::SpeakerLabel& l) {
    return {{"label", l.label},
            {"key", l.key},
            {"spellings", l.spellings},
            {"role", l.role.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.role)},
            {"role_only", l.role_only},
            {"transcripts", l.transcripts},
            {"turns", l.turns},
            {"words", l.words},
            {"person", l.person ? nlohmann::json{{"id", l.person->value()}, {"name", l.person_name}}
                                : nlohmann::json(nullptr)},
            {"linked_in_transcripts", l.linked_in_transcripts}};
}

std::string likeness_code(transcripts::Likeness l) {
    using transcripts::Likeness;
    switch (l) {
        case Likeness::same_name:
            return "same_name";
        case Likeness::middle_name:
            return "middle_name";
        case Likeness::typo:
            return "typo";
        case Likeness::initials:
            return "initials";
        case Likeness::family_name:
            return "family_name";
        case Likeness::given_name:
            return "given_name";
        case Likeness::none:
            break;
    }
    return "none";
}

std::string reason_text(const std::string& label, const transcripts::Reason& r) {
    auto name = transcripts::name_of_label(label);
    auto text = say("transcripts.speakers.reason." + likeness_code(r.likeness),
                    {{"label", label}, {"name", name.written}, {"other", r.resembles}});
    if (!name.role.empty())
        text += " " +
                say("transcripts.speakers.reason.role_left_out", {{"role", role_label(name.role)}});
    return text;
}

nlohmann::json suggestions_json(const std::vector<store::SpeakerLabel>& labels,
                                const std::vector<transcripts::KnownPerson>& people,
                                std::size_t most) {
    std::vector<transcripts::LabelToLink> to_link;
    to_link.reserve(labels.size());
    for (const auto& l : labels)
        to_link.push_back(
            {l.key, l.label, l.person ? std::optional(l.person->value()) : std::nullopt, l.turns});
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : transcripts::suggest_links(to_link, people, most)) {
        nlohmann::json j = {{"labels", nlohmann::json::array()},
                            {"keys", nlohmann::json::array()},
                            {"score", s.score},
                            {"person", nullptr},
                            {"new_person", nullptr},
                            {"reasons", nlohmann::json::array()}};
        for (auto i : s.labels) {
            j["labels"].push_back(labels[i].label);
            j["keys"].push_back(labels[i].key);
        }
        if (s.person)
            j["person"] = {{"id", people[*s.person].id}, {"name", people[*s.person].name}};
        else
            j["new_person"] = {{"name", s.new_name}};
        for (const auto& r : s.reasons)
            j["reasons"].push_back({{"label", labels[r.label].label},
                                    {"likeness", likeness_code(r.likeness)},
                                    {"resembles", r.resembles},
                                    {"score", r.score},
                                    {"text", reason_text(labels[r.label].label, r)}});
        out.push_back(std::move(j));
    }
    return out;
}

std::vector<PersonLike> people_like(const std::string& label,
                                    const std::vector<transcripts::KnownPerson>& people,
                                    std::size_t most) {
    auto name = transcripts::name_of_label(label);
    std::vector<PersonLike> out;
    for (const auto& p : people) {
        auto r = transcripts::resemblance(name, transcripts::name_of_person(p.name));
        if (r.score < transcripts::least_suggested_score) continue;
        out.push_back({p, {0, r.likeness, r.score, p.name, true}});
    }
    std::stable_sort(out.begin(), out.end(), [](const PersonLike& a, const PersonLike& b) {
        return a.reason.score > b.reason.score;
    });
    if (out.size() > most) out.resize(most);
    return out;
}

std::vector<transcripts::KnownPerson> people_found(
    const std::string& typed, const std::vector<transcripts::KnownPerson>& people,
    std::size_t most) {
    auto wanted = transcripts::name_of_person(shortened(typed, 200));
    if (wanted.words.empty()) return {};
    std::vector<std::pair<int, const transcripts::KnownPerson*>> found;
    for (const auto& p : people) {
        auto name = transcripts::name_of_person(p.name);
        bool every = std::all_of(wanted.words.begin(), wanted.words.end(), [&](const auto& w) {
            return std::any_of(name.words.begin(), name.words.end(),
                               [&](const auto& n) { return n.starts_with(w); });
        });
        int score = every ? 100 : transcripts::resemblance(wanted, name).score;
        if (score >= transcripts::least_suggested_score) found.emplace_back(score, &p);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<transcripts::KnownPerson> out;
    for (std::size_t i = 0; i < found.size() && i < most; ++i) out.push_back(*found[i].second);
    return out;
}

}  // namespace convene::web
