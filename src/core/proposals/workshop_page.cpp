#include "core/proposals/workshop_page.hpp"

#include <map>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"

namespace convene {

namespace {

enum class Section {
    none,
    ignored,
    theme,
    theme_question,
    description,
    organisers,
    speakers,
    online_moderators,
    women_present,
    gender_discussed,
    reported_by,
    summary,
    conclusions,
    additional
};

const std::vector<std::pair<std::string, Section>>& headings() {
    static const std::vector<std::pair<std::string, Section>> all = {
        {"go to report", Section::ignored},
        {"workshop theme", Section::theme},
        {"theme question", Section::theme_question},
        {"concise description of workshop", Section::description},
        {"description of workshop", Section::description},
        {"organiser(s) name", Section::organisers},
        {"organizer(s) name", Section::organisers},
        {"organisers", Section::organisers},
        {"organizers", Section::organisers},
        {"submitted workshop panelists", Section::speakers},
        {"submitted workshop panellists", Section::speakers},
        {"panelists", Section::speakers},
        {"speakers", Section::speakers},
        {"name of remote moderator(s)", Section::online_moderators},
        {"remote moderator(s)", Section::online_moderators},
        {"online moderator(s)", Section::online_moderators},
        {"gender report card", Section::ignored},
        {"please estimate the overall number of women participants present at the session",
         Section::women_present},
        {"to what extent did the session discuss gender equality and/or women's empowerment?",
         Section::gender_discussed},
        {"reported by", Section::reported_by},
        {"a brief substantive summary and the main issues that were raised", Section::summary},
        {"conclusions and further comments", Section::conclusions},
        {"additional documents", Section::additional},
    };
    return all;
}

std::string normalise_heading(std::string_view line) {
    auto text = ascii_lower(trim(line));
    for (std::string::size_type at; (at = text.find("\xe2\x80\x99")) != std::string::npos;)
        text.replace(at, 3, "'");  // typographic apostrophe
    return text;
}

// The section a line opens, and any text after "Heading:" on the same line.
std::optional<std::pair<Section, std::string>> heading_of(std::string_view line) {
    auto text = normalise_heading(line);
    for (const auto& [label, section] : headings()) {
        if (text.rfind(label, 0) != 0) continue;
        auto rest = trim(std::string_view(text).substr(label.size()));
        if (rest.empty()) return std::make_pair(section, std::string());
        if (rest[0] != ':') continue;
        // Keep the original capitalisation of what follows the colon.
        auto original = trim(line);
        auto colon = original.find(':', label.size() > 0 ? label.size() - 1 : 0);
        return std::make_pair(section, trim(std::string_view(original).substr(colon + 1)));
    }
    return std::nullopt;
}

std::string strip_honorific(std::string name) {
    for (std::string_view title :
         {"Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Prof. ", "Mr ", "Ms ", "Mrs ", "Dr ", "Prof "})
        if (name.rfind(title, 0) == 0) return trim(std::string_view(name).substr(title.size()));
    return name;
}

// "Mr. Peter Major, Chair, ..., Permanent Mission [Confirmed, Government, WEOG]"
ProposalPerson parse_person_line(std::string_view line, const std::string& what,
                                 std::vector<std::string>& unread, bool institution) {
    ProposalPerson p;
    std::string text = trim(line);
    std::string details;
    auto open = text.rfind('[');
    if (open != std::string::npos) {
        auto close = text.find(']', open);
        details = text.substr(open + 1,
                              close == std::string::npos ? std::string::npos : close - open - 1);
        if (close == std::string::npos)
            unread.push_back(say("import.bracket_not_closed",
                                 {{"who", say("import.role." + what)}, {"text", text}}));
        text = trim(std::string_view(text).substr(0, open));
    }
    while (!text.empty() && (text.back() == ',' || text.back() == ' ')) text.pop_back();
    if (institution) {
        p.name = text;
        p.organisation = text;
    } else {
        auto comma = text.find(',');
        p.name = strip_honorific(trim(std::string_view(text).substr(0, comma)));
        if (comma != std::string::npos) {
            p.affiliation = trim(std::string_view(text).substr(comma + 1));
            auto last = p.affiliation.rfind(',');
            p.organisation =
                trim(last == std::string::npos ? std::string_view(p.affiliation)
                                               : std::string_view(p.affiliation).substr(last + 1));
        }
    }
    std::string_view rest = details;
    while (!rest.empty()) {
        auto comma = rest.find(',');
        auto token = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        if (!token.empty() && !apply_person_detail(p, token))
            unread.push_back(
                say("import.unknown_detail",
                    {{"who", say("import.role." + what)}, {"name", p.name}, {"detail", token}}));
    }
    return p;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return trim(out);
}

bool has_any(const std::string& text, std::initializer_list<std::string_view> words) {
    for (auto w : words)
        if (text.find(w) != std::string::npos) return true;
    return false;
}

// Every wording of the card's answers past pages used, most specific first ("more
// women than men" before "women"; "not mentioned" before "mentioned"). A wording none
// of these read is left unread rather than guessed.
std::string women_present_code(const std::string& text) {
    auto t = ascii_lower(text);
    if (has_any(t, {"more than half", "majority", "more women than men", "mostly women",
                    "most of the participants were women", "most participants were women",
                    "over half", "predominantly women", "women outnumbered"}))
        return "more_than_half";
    if (has_any(t, {"no women", "none", "no female", "all men", "only men", "all male",
                    "there were no"}))
        return "none";
    if (has_any(t, {"less than half", "fewer than half", "under half"})) return "";
    if (has_any(t, {"half", "equal number", "as many women as men", "same number of women",
                    "evenly", "50%", "50 %", "balanced"}))
        return "about_half";
    if (has_any(t, {"third", "30%", "30 %"})) return "about_a_third";
    if (has_any(t, {"few", "handful", "very little", "small number", "some women"})) return "a_few";
    return "";
}

std::string gender_discussed_code(const std::string& text) {
    auto t = ascii_lower(text);
    if (has_any(t, {"not raised", "not seen as related", "not discussed", "not mentioned",
                    "was not addressed", "not addressed", "no mention", "did not discuss",
                    "not at all", "not touched"}))
        return "not_raised";
    if (has_any(t, {"main", "primary", "dedicated", "central", "focus", "key topic", "core topic",
                    "at length", "extensively", "in depth"}))
        return "main_topic";
    if (has_any(t, {"mention", "partial", "briefly", "some extent", "touched", "in passing",
                    "raised", "discussed", "addressed"}))
        return "mentioned";
    return "";
}

}  // namespace

bool apply_person_detail(ProposalPerson& p, std::string_view token) {
    auto t = ascii_lower(trim(token));
    static const std::map<std::string, std::pair<int, std::string>> known = {
        {"confirmed", {0, "confirmed"}},
        {"tbc", {0, "tbc"}},
        {"to be confirmed", {0, "tbc"}},
        {"proposed", {0, "proposed"}},
        {"invited", {0, "invited"}},
        {"provisionally confirmed", {0, "provisionally_confirmed"}},
        {"government", {1, "government"}},
        {"civil society", {1, "civil_society"}},
        {"technical community", {1, "technical_community"}},
        {"private sector", {1, "private_sector"}},
        {"business", {1, "private_sector"}},
        {"intergovernmental", {1, "intergovernmental"}},
        {"intergovernmental organisation", {1, "intergovernmental"}},
        {"intergovernmental organization", {1, "intergovernmental"}},
        {"igo", {1, "intergovernmental"}},
        {"academia", {1, "academia"}},
        {"academic", {1, "academia"}},
        {"youth", {1, "youth"}},
        {"weog", {2, "weog"}},
        {"asia pacific", {2, "asia_pacific"}},
        {"asia-pacific", {2, "asia_pacific"}},
        {"asia", {2, "asia_pacific"}},
        {"africa", {2, "african"}},
        {"african", {2, "african"}},
        {"grulac", {2, "grulac"}},
        {"latin america and caribbean", {2, "grulac"}},
        {"eastern europe", {2, "eastern_european"}},
        {"eastern european", {2, "eastern_european"}},
    };
    auto it = known.find(t);
    if (it == known.end()) return false;
    auto& [kind, value] = it->second;
    if (kind == 0) p.confirmation = value;
    if (kind == 1) p.stakeholder_group = value;
    if (kind == 2) p.regional_group = value;
    return true;
}

WorkshopPage parse_workshop_page(std::string_view text) {
    WorkshopPage page;
    std::vector<std::string> lines;
    while (!text.empty()) {
        auto end = text.find('\n');
        std::string line(text.substr(0, end));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    if (!is_valid_utf8(std::string_view(lines.empty() ? "" : lines[0])))
        page.unread.push_back(say("import.not_utf8"));

    std::size_t i = 0;
    while (i < lines.size() && trim(lines[i]).empty()) ++i;
    if (i == lines.size()) {
        page.unread.push_back(say("import.empty"));
        return page;
    }
    std::string first = trim(lines[i++]);
    if (ascii_lower(first).rfind("(no", 0) == 0 && first.find(')') != std::string::npos) {
        auto close = first.find(')');
        auto digits = first.substr(3, close - 3);
        digits.erase(0, digits.find_first_of("0123456789"));
        if (!digits.empty() && digits.size() < 9 &&
            digits.find_first_not_of("0123456789") == std::string::npos)
            page.number = std::stoi(digits);
        else
            page.unread.push_back(
                say("import.number_unread", {{"text", first.substr(0, close + 1)}}));
        page.title = trim(std::string_view(first).substr(close + 1));
    } else {
        page.title = first;
        page.unread.push_back(say("import.no_number"));
    }

    std::map<Section, std::vector<std::string>> content;
    std::vector<Section> seen;
    Section current = Section::none;
    for (; i < lines.size(); ++i) {
        if (auto h = heading_of(lines[i])) {
            current = h->first;
            seen.push_back(current);
            if (!h->second.empty()) content[current].push_back(h->second);
            continue;
        }
        if (current == Section::none && !trim(lines[i]).empty()) {
            page.unread.push_back(
                say("import.text_before_sections", {{"text", trim(lines[i]).substr(0, 60)}}));
            continue;
        }
        content[current].push_back(lines[i]);
    }
    auto has = [&](Section s) { return std::find(seen.begin(), seen.end(), s) != seen.end(); };

    page.theme = joined(content[Section::theme]);
    page.theme_question = joined(content[Section::theme_question]);
    page.description = joined(content[Section::description]);
    if (!has(Section::theme)) page.unread.push_back(say("import.no_theme"));
    if (!has(Section::description)) page.unread.push_back(say("import.no_description"));
    for (const auto& line : content[Section::organisers])
        if (!trim(line).empty())
            page.organisers.push_back(parse_person_line(line, "organiser", page.unread, true));
    if (page.organisers.empty()) page.unread.push_back(say("import.no_organisers"));
    for (const auto& line : content[Section::speakers]) {
        auto t = trim(line);
        if (t.empty()) continue;
        PageSpeaker s;
        auto lower = ascii_lower(t);
        if (lower.rfind("moderator:", 0) == 0) {
            s.role = "moderator";
            t = trim(std::string_view(t).substr(10));
        }
        s.person = parse_person_line(t, s.role, page.unread, false);
        page.speakers.push_back(std::move(s));
    }
    if (page.speakers.empty()) page.unread.push_back(say("import.no_speakers"));
    for (const auto& line : content[Section::online_moderators])
        if (!trim(line).empty())
            page.online_moderators.push_back(
                parse_person_line(line, "online_moderator", page.unread, false));

    bool any_report = has(Section::women_present) || has(Section::gender_discussed) ||
                      has(Section::reported_by) || has(Section::summary) ||
                      has(Section::conclusions);
    if (!any_report) {
        page.unread.push_back(say("import.no_report"));
        return page;
    }
    WorkshopReport r;
    r.women_present_text = joined(content[Section::women_present]);
    r.women_present = women_present_code(r.women_present_text);
    if (!r.women_present_text.empty() && r.women_present.empty())
        page.unread.push_back(say("import.women_present_unread", {{"text", r.women_present_text}}));
    r.gender_discussed_text = joined(content[Section::gender_discussed]);
    r.gender_discussed = gender_discussed_code(r.gender_discussed_text);
    if (!r.gender_discussed_text.empty() && r.gender_discussed.empty())
        page.unread.push_back(
            say("import.gender_discussed_unread", {{"text", r.gender_discussed_text}}));
    r.reported_by = joined(content[Section::reported_by]);
    r.summary = joined(content[Section::summary]);
    r.conclusions = joined(content[Section::conclusions]);
    for (auto [section, name] :
         {std::pair{Section::women_present, "import.lacks.women_present"},
          std::pair{Section::gender_discussed, "import.lacks.gender_discussed"},
          std::pair{Section::reported_by, "import.lacks.reported_by"},
          std::pair{Section::summary, "import.lacks.summary"},
          std::pair{Section::conclusions, "import.lacks.conclusions"}})
        if (!has(section)) page.unread.push_back(say(name));
    if (!seen.empty() && seen.back() != Section::additional && seen.back() != Section::conclusions)
        page.unread.push_back(say("import.truncated"));
    page.report = std::move(r);
    return page;
}

nlohmann::json to_json(const WorkshopPage& page) {
    auto person = [](const ProposalPerson& p) {
        nlohmann::json j = {{"name", p.name}};
        if (!p.organisation.empty()) j["organisation"] = p.organisation;
        if (!p.affiliation.empty()) j["affiliation"] = p.affiliation;
        j["stakeholder_group"] =
            p.stakeholder_group.empty() ? nlohmann::json() : nlohmann::json(p.stakeholder_group);
        j["regional_group"] =
            p.regional_group.empty() ? nlohmann::json() : nlohmann::json(p.regional_group);
        return j;
    };
    nlohmann::json out = {{"number", page.number},
                          {"session_type", "workshop"},
                          {"title", page.title},
                          {"theme", page.theme},
                          {"theme_question", page.theme_question},
                          {"description", page.description},
                          {"organisers", nlohmann::json::array()},
                          {"speakers", nlohmann::json::array()},
                          {"online_moderators", nlohmann::json::array()},
                          {"report", nullptr},
                          {"unread", page.unread}};
    for (const auto& o : page.organisers) {
        auto j = person(o);
        j.erase("regional_group");
        out["organisers"].push_back(j);
    }
    for (const auto& s : page.speakers) {
        auto j = person(s.person);
        j["role"] = s.role;
        j["confirmation"] = s.person.confirmation;
        out["speakers"].push_back(j);
    }
    for (const auto& m : page.online_moderators) out["online_moderators"].push_back(person(m));
    if (page.report) {
        const auto& r = *page.report;
        out["report"] = {
            {"women_present",
             r.women_present.empty() ? nlohmann::json() : nlohmann::json(r.women_present)},
            {"women_present_text", r.women_present_text},
            {"gender_discussed",
             r.gender_discussed.empty() ? nlohmann::json() : nlohmann::json(r.gender_discussed)},
            {"gender_discussed_text", r.gender_discussed_text},
            {"reported_by", r.reported_by},
            {"summary", r.summary},
            {"conclusions", r.conclusions}};
    }
    return out;
}

}  // namespace convene
