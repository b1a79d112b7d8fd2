#include "store/demo/demo_messages.hpp"

#include <chrono>
#include <map>

#include "core/common/clock.hpp"
#include "core/messages/messages.hpp"
#include "store/editions/editions.hpp"
#include "store/messages/messages.hpp"

namespace convene::store {

namespace {

struct Sample {
    const char* title;
    const char* body;
};

const Sample converging[] = {
    {"Meaningful access comes before more access",
     "Sessions agreed that connecting people is not enough: access must be affordable, "
     "reliable and useful, with local content in local languages.\n\n"
     "Community networks and public access points were named again and again as the way to "
     "reach rural areas that markets leave behind."},
    {"Trust needs transparency from every stakeholder",
     "Speakers from every stakeholder group asked platforms, governments and standards bodies "
     "to explain their decisions in plain words.\n\n"
     "Several sessions proposed shared reporting formats so that progress can be compared "
     "from year to year."},
};

const Sample diverging[] = {
    {"Who should pay to connect the unconnected",
     "Participants agreed on the goal and differed on the means.\n\n"
     "The positions below were held in the sessions cited; none was shared by every group."},
    {"How fast to regulate new technologies",
     "Sessions agreed that rights must hold online as offline.\n\n"
     "They differed on whether rules should come before or after the technology matures."},
};

std::string at(const std::string& now, int days) {
    auto t = parse_utc(now);
    if (!t) return now;
    return format_utc(*t + std::chrono::hours(24 * days));
}

}  // namespace

DemoMessagesCount add_demo_messages(db::Connection& c, EditionId edition, AccountId drafter,
                                    AccountId secretariat, const std::string& now) {
    DemoMessagesCount out;
    auto sessions = citable_sessions(c, edition);
    if (sessions.empty()) return out;
    std::map<ThemeId, std::vector<SessionId>> by_theme;
    for (const auto& s : sessions)
        if (s.theme) by_theme[*s.theme].push_back(s.id);
    int n = 0;
    for (const auto& theme : list_themes(c, edition)) {
        auto found = by_theme.find(theme.id);
        if (found == by_theme.end() || found->second.size() < 2) continue;
        const auto& cited = found->second;
        auto pick = n++ % 2;
        messages::Draft agree;
        agree.title = converging[pick].title;
        agree.body = converging[pick].body;
        agree.stance = "converging";
        for (std::size_t i = 0; i < cited.size() && i < 3; ++i)
            agree.citations.push_back({cited[i], i == 0 ? "Access must be meaningful." : ""});
        auto first = add_message(c, edition, theme.id, agree, drafter, at(now, -40));
        messages::Draft differ;
        differ.title = diverging[pick].title;
        differ.body = diverging[pick].body;
        differ.stance = "diverging";
        differ.positions = {
            {"Public funds and universal service obligations should carry the cost.",
             {"government", "civil_society"}},
            {"Private investment under light, predictable rules reaches people faster.",
             {"private_sector", "technical_community"}},
            {"Young people asked to be heard before either is chosen.", {"youth"}},
        };
        differ.citations = {{cited[cited.size() - 1], ""}, {cited[cited.size() - 2], ""}};
        auto second = add_message(c, edition, theme.id, differ, drafter, at(now, -40));
        out.messages += 2;
        auto comment =
            add_comment(c, second,
                        {2, "Amina Diallo", "civil_society", "african",
                         "Please name the groups that disagreed with "
                         "both positions, too."},
                        messages::paragraphs(differ.body)[1], 1, std::nullopt, at(now, -25));
        handle_comment(c, comment, "partly", "A third position was added.", drafter, at(now, -20));
        auto thanks =
            add_comment(c, first,
                        {1, "Kenji Sato", "technical_community", "asia_pacific",
                         "Agreed; add spectrum policy."},
                        messages::paragraphs(agree.body)[0], 1, std::nullopt, at(now, -24));
        handle_comment(c, thanks, "accepted", "", drafter, at(now, -20));
        out.comments += 2;
        if (out.comments == 2) {
            auto abuse =
                add_comment(c, first, {2, "x", "youth", "weog", "Spam spam spam"},
                            messages::paragraphs(agree.body)[1], 1, std::nullopt, at(now, -23));
            hide_comment(c, abuse, secretariat, "Advertising", at(now, -22));
            ++out.comments;
        }
    }
    if (out.messages == 0) return out;
    set_comment_period(c, edition, {at(now, -30), at(now, -16)});
    publish_messages(c, edition, secretariat, at(now, -14));
    return out;
}

}  // namespace convene::store
