#include "core/demo/demo_past.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "core/demo/demo_dice.hpp"
#include "core/people/people.hpp"

namespace convene {

namespace {

std::string fill(std::string_view frame, std::string_view value) {
    std::string s(frame);
    for (auto at = s.find("{}"); at != s.npos; at = s.find("{}", at + value.size()))
        s.replace(at, 2, value);
    return s;
}

// The topic the proposal was drawn on, from its first policy question.
std::string topic_of(const DemoProposal& p) {
    static constexpr std::string_view prefix = "What should each stakeholder group do about ";
    if (!p.policy_questions.empty()) {
        const auto& q = p.policy_questions.front();
        if (q.starts_with(prefix) && q.ends_with("?"))
            return q.substr(prefix.size(), q.size() - prefix.size() - 1);
    }
    return p.title;
}

const std::array<std::string_view, 6> key_message_frames = {
    "Progress on {} needs every stakeholder group at the table, not governments alone.",
    "Local and regional experience of {} should shape the global debate.",
    "Public data and measurable targets are needed to follow progress on {}.",
    "Capacity building for small organisations must come before new rules on {}.",
    "Women and young people must be heard in decisions on {}.",
    "Cooperation across borders on {} works best when it starts from shared principles.",
};

const std::array<std::string_view, 6> presentation_frames = {
    "described how their organisation works on {} and what it learnt from its first two years.",
    "presented research from the region on {}, with figures from three countries.",
    "argued that {} cannot wait for a global agreement and gave national examples.",
    "explained the view of small and medium enterprises on {} and the cost of compliance.",
    "shared a community's experience of {} and asked for simpler procedures.",
    "set out the government's plan on {} and invited comments on its draft.",
};

const std::array<std::string_view, 4> discussion_frames = {
    "Participants in the room and online asked who should pay for the work on {}, and how "
    "smaller countries can take part. Several online participants asked for the slides to be "
    "shared in Spanish and Portuguese.",
    "The discussion turned to the gap between policy and practice on {}. A participant from a "
    "youth network asked how young people could join national consultations.",
    "Questions from the floor focused on accountability: who checks progress on {}, and how "
    "often. The remote moderator relayed four questions from the chat.",
    "Participants disagreed on the pace of change on {}: some asked for binding rules soon, "
    "others for voluntary commitments first.",
};

const std::array<std::string_view, 4> way_forward_frames = {
    "- Share the session's recommendations on {} with the national IGFs of the region.\n"
    "- Hold an intersessional call before the next annual meeting.",
    "- Publish a short guide on {} in the region's languages.\n"
    "- Invite the regulators who could not attend to the next session.",
    "- Set up a mailing list for practitioners working on {}.\n"
    "- Report progress at next year's regional IGF.",
    "- Map existing initiatives on {} and publish the map openly.\n"
    "- Pair organisations from larger and smaller countries.",
};

const std::array<std::string_view, 8> rating_comments = {
    "Very useful, the speakers were concrete.",
    "Good panel, but too little time for questions.",
    "The online participation worked well.",
    "I would have liked more voices from governments.",
    "Clear and practical. Thank you!",
    "Too many slides, not enough discussion.",
    "Excellent moderation.",
    "The captions helped a lot.",
};

// The card's estimate of women present, spread as past IGF reports were.
std::string women_present(DemoDice& dice) {
    auto roll = dice.below(100);
    if (roll < 3) return "none";
    if (roll < 23) return "a_few";
    if (roll < 53) return "about_a_third";
    if (roll < 88) return "about_half";
    return "more_than_half";
}

std::string gender_discussed(DemoDice& dice, const std::string& topic) {
    if (topic.find("gender") != std::string::npos) return "main_topic";
    auto roll = dice.below(100);
    return roll < 45 ? "not_raised" : roll < 88 ? "mentioned" : "main_topic";
}

DemoPastSession past_session(DemoDice& dice, const DemoProposal& p,
                             const std::vector<DemoPerson>& people) {
    DemoPastSession s;
    auto topic = topic_of(p);
    s.short_after_hours = dice.between(1, 10);
    s.full_after_hours = 24 * dice.between(2, 12) + dice.between(0, 23);
    s.draft_first = dice.chance(35);
    std::set<std::size_t> used;
    int messages = dice.between(2, 3);
    while (static_cast<int>(s.key_messages.size()) < messages) {
        auto at = dice.below(key_message_frames.size());
        if (used.insert(at).second) s.key_messages.push_back(fill(key_message_frames[at], topic));
    }
    std::string presentations;
    int speaking = 0;
    for (const auto& r : p.people) {
        if (r.role != "speaker") continue;
        const auto& who = people[static_cast<std::size_t>(r.person)].details;
        if (speaking++) presentations += "\n\n";
        presentations += "**" + who.name + "** (" + who.organisation + ") " +
                         fill(presentation_frames[dice.below(presentation_frames.size())], topic);
    }
    s.fields["key_issues"] = "The session asked what each stakeholder group can do about " + topic +
                             ", and how the region's experience can inform the global debate.";
    s.fields["presentations"] = presentations;
    s.fields["discussions"] = fill(discussion_frames[dice.below(discussion_frames.size())], topic);
    s.fields["way_forward"] =
        fill(way_forward_frames[dice.below(way_forward_frames.size())], topic);
    s.women_present = women_present(dice);
    s.gender_discussed = gender_discussed(dice, topic);
    if (dice.chance(45)) {
        int quality = dice.between(2, 5);
        int count = dice.between(3, 14);
        const auto& groups = stakeholder_groups();
        for (int i = 0; i < count; ++i) {
            DemoRating r;
            r.rating = std::clamp(quality + dice.between(-1, 1), 1, 5);
            if (dice.chance(30)) r.comment = std::string(dice.pick(rating_comments));
            if (dice.chance(60)) r.stakeholder_group = std::string(groups[dice.below(5)].code);
            s.ratings.push_back(std::move(r));
        }
    }
    return s;
}

// The full report's speakers list: everyone of the session, with their role.
std::string speakers_of(const DemoProposal& p, const std::vector<DemoPerson>& people) {
    std::string out;
    for (const auto& r : p.people) {
        const auto& who = people[static_cast<std::size_t>(r.person)].details;
        std::string role = r.role == "online_moderator" ? "online moderator" : r.role;
        out += who.name + ", " + who.organisation + " (" + role + ")\n";
    }
    return out;
}

// How many of this year's proposals each institution organises (by organiser).
struct Proposers {
    std::vector<int> per_organisation;
};

Proposers this_years_proposers(const DemoForum& forum) {
    Proposers out;
    out.per_organisation.assign(forum.organisations.size(), 0);
    for (const auto* list :
         {&forum.proposals, &forum.evaluating_proposals, &forum.programme_proposals})
        for (const auto& p : *list)
            for (const auto& r : p.people)
                if (r.role == "organiser")
                    ++out.per_organisation[static_cast<std::size_t>(
                        forum.people[static_cast<std::size_t>(r.person)].organisation)];
    return out;
}

// Moves the organisers of late and missing reports, and picks the proposal declined.
void arrange_organisers(DemoForum& forum) {
    const auto n = forum.past_proposals.size();
    // The organisers of late and missing reports: people who are not on the MAG and whose
    // institutions propose nothing this year, so screening declines none of this year's
    // proposals for them.
    auto proposers = this_years_proposers(forum);
    std::set<int> mag(forum.mag_members.begin(), forum.mag_members.end());
    std::vector<int> free;
    for (int p = 0; p < static_cast<int>(forum.people.size()); ++p)
        if (!mag.count(p) &&
            proposers.per_organisation[static_cast<std::size_t>(forum.people[p].organisation)] == 0)
            free.push_back(p);
    std::set<int> taken;
    int first_missing = -1;
    for (std::size_t i = 0; i < n; ++i) {
        if (forum.past_sessions[i].outcome == "on_time") continue;
        if (first_missing < 0 && forum.past_sessions[i].outcome == "full_missing")
            first_missing = static_cast<int>(i);
        auto& proposal = forum.past_proposals[i];
        std::set<int> in_proposal;
        for (const auto& r : proposal.people) in_proposal.insert(r.person);
        for (auto& r : proposal.people) {
            if (r.role != "organiser") continue;
            auto candidate = std::find_if(free.begin(), free.end(), [&](int p) {
                return !taken.count(p) && !in_proposal.count(p);
            });
            if (candidate == free.end()) break;
            taken.insert(*candidate);
            in_proposal.insert(*candidate);
            r.person = *candidate;
        }
    }

    // The one declined this year: a proposal after the first few whose first organiser's
    // institution proposes nothing else, organising the first missing report's session.
    if (first_missing < 0) return;
    auto& session = forum.past_proposals[static_cast<std::size_t>(first_missing)];
    for (std::size_t k = std::min<std::size_t>(4, forum.proposals.size());
         k < forum.proposals.size(); ++k) {
        const auto& people = forum.proposals[k].people;
        auto organiser = std::find_if(people.begin(), people.end(),
                                      [](const DemoRole& r) { return r.role == "organiser"; });
        if (organiser == people.end()) continue;
        auto org = forum.people[static_cast<std::size_t>(organiser->person)].organisation;
        if (proposers.per_organisation[static_cast<std::size_t>(org)] != 1) continue;
        bool already =
            std::any_of(session.people.begin(), session.people.end(),
                        [&](const DemoRole& r) { return r.person == organiser->person; });
        if (already) continue;
        for (auto& r : session.people)
            if (r.role == "organiser") {
                r.person = organiser->person;
                break;
            }
        forum.declined_proposal = static_cast<int>(k);
        return;
    }
}

}  // namespace

void add_demo_past_sessions(DemoForum& forum, std::uint64_t seed) {
    DemoDice dice(seed);
    const auto n = forum.past_proposals.size();
    forum.past_sessions.clear();
    forum.declined_proposal = -1;
    for (const auto& p : forum.past_proposals)
        forum.past_sessions.push_back(past_session(dice, p, forum.people));
    if (n == 0) return;

    // A few late, a few missing, one or two with nothing filed: fixed counts per size, on
    // sessions the dice choose (never the first, whose reports are on time and rated).
    std::vector<std::size_t> order;
    for (std::size_t i = 1; i < n; ++i) order.push_back(i);
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[dice.below(i)]);
    auto late = std::max<std::size_t>(1, n / 15), missing = std::max<std::size_t>(1, n / 20),
         none = std::max<std::size_t>(1, n / 30);
    std::size_t next = 0;
    auto mark = [&](std::size_t count, const char* outcome) {
        for (std::size_t k = 0; k < count && next < order.size(); ++k)
            forum.past_sessions[order[next++]].outcome = outcome;
    };
    mark(missing, "full_missing");
    mark(late, "full_late");
    mark(none, "none");
    for (std::size_t i = 0; i < n; ++i) {
        auto& s = forum.past_sessions[i];
        if (s.outcome == "full_late") s.full_after_hours = 24 * dice.between(15, 30);
        if (s.outcome != "none" && i % 7 == 3) {
            s.short_late = true;
            s.short_after_hours = dice.between(14, 40);
        }
    }
    if (forum.past_sessions[0].ratings.empty())
        forum.past_sessions[0].ratings = {{5, "Very useful, the speakers were concrete.", ""},
                                          {4, "", "civil_society"},
                                          {4, "", "government"}};

    arrange_organisers(forum);
    for (std::size_t i = 0; i < n; ++i)
        forum.past_sessions[i].speakers = speakers_of(forum.past_proposals[i], forum.people);
}

}  // namespace convene
