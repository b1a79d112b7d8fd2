#include "core/demo/demo_forum.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/common/text.hpp"
#include "core/demo/demo_dice.hpp"
#include "core/demo/demo_past.hpp"
#include "core/people/country.hpp"

namespace convene {

namespace {

using Dice = DemoDice;

struct NamePool {
    std::string_view group;
    std::vector<std::string_view> women, men, family;
};

const std::vector<NamePool>& name_pools() {
    static const std::vector<NamePool> pools = {
        {"african",
         {"Amina", "Wanjiru", "Nomvula", "Fatoumata", "Adaeze", "Thandiwe", "Akosua", "Halima"},
         {"Kwame", "Tendai", "Moussa", "Chukwuemeka", "Bakari", "Sipho", "Yaw", "Abdoulaye"},
         {"Mensah", "Okafor", "Diallo", "Mwangi", "Ndlovu", "Traore", "Banda", "Haile", "Keita"}},
        {"asia_pacific",
         {"Priya", "Mei", "Siti", "Yuki", "Farah", "Ananya", "Linh", "Sana"},
         {"Arjun", "Wei", "Rizal", "Hiroshi", "Omar", "Tenzin", "Minh", "Bilal"},
         {"Sharma", "Chen", "Rahman", "Tanaka", "Nguyen", "Santos", "Kim", "Hussain", "Perera"}},
        {"eastern_european",
         {"Ana", "Katarzyna", "Irina", "Milena", "Tamar", "Oksana"},
         {"Piotr", "Nikola", "Andrei", "Giorgi", "Tomas", "Dmytro"},
         {"Nowak", "Petrovic", "Ionescu", "Kovacs", "Beridze", "Horvat", "Shevchenko"}},
        {"grulac",
         {"Valentina", "Camila", "Luciana", "Mariana", "Ximena", "Beatriz"},
         {"Mateo", "Joaquin", "Rafael", "Diego", "Andres", "Thiago"},
         {"Gonzalez", "Silva", "Rodriguez", "Pereira", "Ramirez", "Castillo", "Oliveira"}},
        {"weog",
         {"Sophie", "Ingrid", "Claire", "Emma", "Lucia", "Hannah"},
         {"Lukas", "Pierre", "James", "Matteo", "Erik", "Daniel"},
         {"Muller", "Dubois", "Smith", "Rossi", "Larsen", "Brennan", "Janssen", "Moreau"}},
    };
    return pools;
}

const std::vector<std::string_view> theme_names = {
    "Data Governance and Trust",
    "Digital Inclusion",
    "Environment and Sustainability",
    "Human Rights and Freedoms",
    "Security, Safety and Resilience",
    "Advanced Technologies including AI",
    "Universal Access and Meaningful Connectivity",
    "Avoiding Internet Fragmentation",
    "Digital Cooperation",
    "Youth and the Future of the Internet",
};

const std::vector<std::vector<std::string_view>> theme_topics = {
    {"cross-border data flows", "data protection authorities", "open government data",
     "trust in digital identity"},
    {"digital literacy for older people", "accessible design", "multilingual content",
     "gender gaps in connectivity"},
    {"e-waste", "the energy use of data centres", "green ICT procurement", "climate data"},
    {"freedom of expression online", "internet shutdowns", "children's rights online",
     "privacy of journalists"},
    {"cyber hygiene in small businesses", "CERT cooperation", "online harms",
     "resilient critical infrastructure"},
    {"algorithmic accountability", "AI in public services", "generative AI and elections",
     "open source AI models"},
    {"community networks", "rural broadband", "affordable devices", "spectrum for the unconnected"},
    {"technical interoperability", "content blocking", "the DNS root", "standards bodies"},
    {"national and regional IGFs", "multistakeholder models", "the WSIS review",
     "digital public goods"},
    {"youth participation in policy", "online learning", "digital careers", "youth IGFs"},
};

const std::vector<std::string_view> title_frames = {
    "Rethinking {} for the next decade",
    "Lessons from the Global South on {}",
    "{}: who decides?",
    "Building trust through {}",
    "Local voices on {}",
    "From principles to practice: {}",
    "Measuring progress on {}",
    "A multistakeholder roadmap for {}",
};

const std::vector<std::string_view> formats = {
    "panel", "roundtable", "break_out", "debate", "open_discussion", "birds_of_a_feather", "flash"};

std::string make_description(Dice& dice, std::string_view topic, std::string_view theme) {
    static const std::vector<std::string_view> openings = {
        "This session brings together practitioners working on {}.",
        "Across regions, {} raises questions that no single stakeholder can answer alone.",
        "Recent national experience shows how {} shapes everyday use of the Internet.",
    };
    static const std::vector<std::string_view> middles = {
        " Speakers from government, business, civil society and the technical community will "
        "compare approaches and their results.",
        " Participants will work in small groups on concrete cases before reporting back.",
        " The discussion will build on research from developing countries and on the work of "
        "national and regional IGFs.",
    };
    static const std::vector<std::string_view> closings = {
        " Expected outcome: a short list of recommendations for the theme of {}.",
        " Online participants will take the floor through the online moderator, with live "
        "captions throughout. The session contributes to {}.",
    };
    auto fill = [](std::string_view frame, std::string_view value) {
        std::string s(frame);
        auto at = s.find("{}");
        if (at != s.npos) s.replace(at, 2, value);
        return s;
    };
    return fill(dice.pick(openings), topic) + std::string(dice.pick(middles)) +
           fill(dice.pick(closings), theme);
}

std::string make_organisation_name(Dice& dice, const Country& country, std::string_view group) {
    static const std::vector<std::string_view> words = {"Open",  "Digital", "Bridge",  "Horizon",
                                                        "Civic", "Network", "Commons", "Signal"};
    const std::string c = country.name;
    if (group == "government") return "Ministry of Digital Affairs, " + c;
    if (group == "technical_community") return c + " Network Information Centre";
    if (group == "academia") return "Institute for Internet Studies, " + c;
    if (group == "intergovernmental")
        return std::string(dice.pick(words)) + " Intergovernmental Digital Office";
    if (group == "youth") return c + " Youth Internet Network";
    if (group == "private_sector")
        return std::string(dice.pick(words)) + std::string(dice.pick(words)) + " Telecom (" + c +
               ")";
    return std::string(dice.pick(words)) + " Rights Foundation (" + c + ")";
}

}  // namespace

DemoForum generate_demo_forum(std::uint64_t seed, const DemoSize& size) {
    Dice dice(seed);
    DemoForum forum;
    forum.edition = {"IGF demo", "2027", "2027-06-15", "", "Europe/Oslo", "Demo Conference Centre"};
    forum.edition.end_date = "2027-06-" + std::to_string(15 + size.days - 1);

    for (int t = 0; t < size.themes; ++t) {
        auto name = std::string(theme_names[t % theme_names.size()]);
        if (t >= static_cast<int>(theme_names.size())) name += " " + std::to_string(t + 1);
        forum.themes.push_back({name, "Sessions under the theme " + name + "."});
    }
    forum.rooms.push_back({"Main Hall", 1200, true});
    for (int r = 1; r < size.rooms; ++r) {
        int capacity = r <= 2 ? 50 : 80 + 20 * static_cast<int>(dice.below(9));
        forum.rooms.push_back({"Workshop Room " + std::to_string(r), capacity, false});
    }

    // Countries per regional group, so every region is represented.
    std::vector<std::vector<const Country*>> by_group(name_pools().size());
    for (const auto& c : countries())
        for (std::size_t g = 0; g < name_pools().size(); ++g)
            if (c.regional_group == name_pools()[g].group) by_group[g].push_back(&c);

    const auto& groups = stakeholder_groups();
    int org_count = std::max(40, size.proposals * 2);
    std::set<std::string> org_names;
    while (static_cast<int>(forum.organisations.size()) < org_count) {
        auto g = dice.below(by_group.size());
        const Country& country = *dice.pick(by_group[g]);
        auto group = std::string(groups[dice.below(5)].code);  // the five core groups
        if (dice.chance(10)) group = std::string(groups[5 + dice.below(2)].code);
        auto name = make_organisation_name(dice, country, group);
        if (!org_names.insert(name).second) continue;
        forum.organisations.push_back({name, country.code, group});
    }

    // Enough people for one proposal's organisers, speakers, moderators and rapporteur,
    // however few proposals are asked for (each person is on a proposal once).
    int people_count = size.mag_members + std::max(size.proposals * 3, 30);
    std::set<std::string> emails;
    for (int p = 0; p < people_count; ++p) {
        int org = static_cast<int>(dice.below(forum.organisations.size()));
        const auto& o = forum.organisations[org];
        const Country* country = find_country(o.country);
        std::size_t g = 0;
        while (name_pools()[g].group != country->regional_group) ++g;
        const auto& pool = name_pools()[g];
        bool woman = dice.chance(48);
        std::string given(woman ? dice.pick(pool.women) : dice.pick(pool.men));
        std::string family(dice.pick(pool.family));
        PersonDraft d;
        d.name = given + " " + family;
        std::string email = ascii_lower(given) + "." + ascii_lower(family);
        for (int n = 2; !emails.insert(email).second; ++n)
            email = ascii_lower(given) + "." + ascii_lower(family) + std::to_string(n);
        d.email = email + "@example.org";
        d.organisation = o.name;
        d.country = o.country;
        d.stakeholder_group = o.stakeholder_group;
        d.gender = dice.chance(4) ? "" : (woman ? "woman" : "man");
        d.first_time = dice.chance(25);
        forum.people.push_back({d, org});
    }
    for (int m = 0; m < size.mag_members; ++m) forum.mag_members.push_back(m);

    static const std::array<std::string_view, 4> confirmations = {
        "proposed", "invited", "provisionally_confirmed", "confirmed"};
    int first_participant = size.mag_members;
    int participants = people_count - first_participant;
    auto make_proposal = [&](int n) {
        DemoProposal p;
        p.number = n;
        p.theme = static_cast<int>(dice.below(forum.themes.size()));
        const auto& topics = theme_topics[p.theme % theme_topics.size()];
        auto topic = dice.pick(topics);
        std::string title(dice.pick(title_frames));
        title.replace(title.find("{}"), 2, topic);
        title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
        p.title = title;
        p.format = std::string(dice.pick(formats));
        p.duration = (p.format == "flash" || p.format == "birds_of_a_feather")
                         ? 30
                         : (dice.chance(50) ? 60 : 90);
        p.description = make_description(dice, topic, forum.themes[p.theme].name);
        p.policy_questions = {"What should each stakeholder group do about " + std::string(topic) +
                              "?"};
        if (dice.chance(40))
            p.policy_questions.push_back("How can developing countries shape " +
                                         std::string(topic) + "?");
        p.expected_outcomes =
            "A short report with recommendations, shared with the national and regional IGFs.";
        p.online_participation =
            dice.chance(90) ? "Online speakers join through the meeting platform; the online "
                              "moderator takes questions from the chat in turn with the room."
                            : "";
        std::set<int> used;
        auto person = [&] {
            int who;
            do who = first_participant + static_cast<int>(dice.below(participants));
            while (!used.insert(who).second);
            return who;
        };
        int organisers = dice.between(1, 3), speakers = dice.between(3, 6);
        for (int i = 0; i < organisers; ++i)
            p.people.push_back({person(), "organiser", "confirmed"});
        for (int i = 0; i < speakers; ++i)
            p.people.push_back({person(), "speaker",
                                std::string(confirmations[dice.chance(70) ? 3 : dice.below(3)]),
                                dice.chance(75)});
        p.people.push_back({person(), "moderator", "confirmed", true});
        p.people.push_back({person(), "online_moderator", "confirmed", dice.chance(50)});
        p.people.push_back({person(), "rapporteur", "confirmed", dice.chance(80)});
        return p;
    };
    for (int n = 1; n <= size.proposals; ++n) forum.proposals.push_back(make_proposal(n));
    forum.seed = seed;
    forum.evaluated_edition = {"IGF demo 2026",         "2026", "2026-06-16", "", "Europe/Oslo",
                               "Demo Conference Centre"};
    forum.evaluated_edition.end_date = "2026-06-" + std::to_string(16 + size.days - 1);
    for (int n = 1; n <= size.proposals; ++n) forum.evaluated_proposals.push_back(make_proposal(n));
    // Drawn after the other two editions, so their data stays what each seed always gave.
    forum.evaluating_edition = {
        "Demo national IGF 2027", "2027", "2027-03-10", "2027-03-11", "Africa/Nairobi",
        "Demo Innovation Hub"};
    forum.evaluating_members = std::min(size.mag_members, 12);
    for (int n = 1; n <= std::max(size.proposals / 5, 3); ++n)
        forum.evaluating_proposals.push_back(make_proposal(n));
    // Drawn last, for the same reason: a regional IGF whose programme is published.
    forum.programme_edition = {
        "Regional IGF demo 2027", "2027", "2027-04-20", "", "America/Sao_Paulo",
        "Demo Regional Centre"};
    forum.programme_edition.end_date = "2027-04-" + std::to_string(20 + size.days - 1);
    for (int n = 1; n <= std::max(size.proposals / 5, 3); ++n)
        forum.programme_proposals.push_back(make_proposal(n));
    // Drawn last too: the same regional IGF a year earlier, held, with its reports.
    forum.past_edition = {"Regional IGF demo 2026", "2026", "2026-04-21", "", "America/Sao_Paulo",
                          "Demo Regional Centre"};
    forum.past_edition.end_date = "2026-04-" + std::to_string(21 + size.days - 1);
    forum.past_messages_at = "2026-06-15T12:00:00Z";
    for (int n = 1; n <= std::max(size.proposals / 5, 3); ++n)
        forum.past_proposals.push_back(make_proposal(n));
    add_demo_past_sessions(forum, seed + 2026);
    return forum;
}

std::vector<DemoEvaluation> demo_evaluations(std::uint64_t seed,
                                             const std::vector<std::pair<int, int>>& pairs,
                                             const std::vector<int>& themes,
                                             const std::vector<int>& numbers, int members,
                                             const std::vector<std::string>& reasons) {
    static const std::array<std::string_view, 8> praise = {
        "Clear policy questions and a diverse set of speakers.",
        "Timely topic; the interactive format suits it.",
        "Strong link to the theme; the outcomes are concrete.",
        "Good balance of regions and stakeholder groups.",
        "Well prepared; the online participation plan is convincing.",
        "An important perspective from developing countries.",
        "Relevant, though the agenda could leave more time for questions.",
        "A fresh angle on a familiar debate."};
    static const std::array<std::string_view, 6> doubts = {
        "The description is vague about what the session will produce.",
        "Speakers come mostly from one stakeholder group.",
        "Overlaps with several other proposals on the same topic.",
        "The format does not fit the number of speakers.",
        "Policy questions are too broad to be discussed in the time.",
        "Speakers are not confirmed yet."};
    Dice dice(seed);
    std::vector<int> quality(themes.size());  // tenths of a point
    std::vector<bool> divisive(themes.size());
    for (std::size_t p = 0; p < themes.size(); ++p) {
        quality[p] = dice.between(15, 48);
        divisive[p] = dice.chance(7);
    }
    std::vector<int> severity(static_cast<std::size_t>(std::max(members, 1)));
    for (auto& s : severity) s = dice.between(-7, 7);
    std::vector<DemoEvaluation> out;
    for (const auto& [p, m] : pairs) {
        DemoEvaluation e;
        if (divisive[p]) {
            e.score = dice.chance(50) ? 5 : dice.between(1, 2);
        } else {
            int tenths = quality[p] + severity[m] + dice.between(-9, 9);
            e.score = std::clamp((tenths + 5) / 10, 1, 5);
        }
        if (e.score <= 3 && !reasons.empty()) e.reason = std::string(dice.pick(reasons));
        if (dice.chance(60))
            e.comment = std::string(e.score >= 4 ? dice.pick(praise) : dice.pick(doubts));
        if (dice.chance(6)) {
            std::vector<int> same;
            for (std::size_t q = 0; q < themes.size(); ++q)
                if (themes[q] == themes[p] && static_cast<int>(q) != p) same.push_back(numbers[q]);
            if (!same.empty()) e.merge_with = dice.pick(same);
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace convene
