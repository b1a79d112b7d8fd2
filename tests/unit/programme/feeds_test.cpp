// The programme's feeds: iCalendar escaping, folding and UTF-8, times in UTC across a
// change to summer time, stable UIDs, the frab XML and c3voc JSON, the venue team's sheet.
#include "core/programme/feeds.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "core/common/text.hpp"

using namespace convene;
using namespace convene::programme;

namespace {

PublishedProgramme sample() {
    PublishedProgramme p;
    p.edition = EditionId(3);
    p.name = "Regional IGF demo 2027";
    p.time_zone = "Europe/Oslo";
    p.first_day = "2027-03-27";
    p.last_day = "2027-03-28";
    p.base_url = "https://forum.example.org";
    p.version = "2";
    p.rooms = {{RoomId(1), "Main Hall", 500, {"captioning"}}, {RoomId(2), "Room 2", 40, {}}};
    FeedSession a;
    a.id = SessionId(12);
    a.code = "WS12";
    a.title = "Children's rights, online & offline; <safety>";
    a.type = "workshop";
    a.type_name = "Workshop";
    a.theme = "Human rights";
    a.tags = {"children", "safety"};
    a.description = "Line one\nLine two, with \\ and ;";
    a.room = RoomId(1);
    a.room_name = "Main Hall";
    a.start = "2027-03-27T10:00";
    a.duration = 90;
    a.needs = {"captioning"};
    a.expected = 120;
    a.people = {{PersonId(5), "Ana Silva", "organiser"},
                {PersonId(6), "Jūratė Ōno", "speaker"},
                {PersonId(5), "Ana Silva", "speaker"}};
    a.sequence = 3;
    a.url = "https://forum.example.org/editions/3/programme/sessions/12";
    FeedSession b = a;
    b.id = SessionId(13);
    b.code = "OF3";
    b.title = "Open forum";
    b.room = RoomId(2);
    b.room_name = "Room 2";
    b.start = "2027-03-28T10:00";
    b.sequence = 0;
    b.theme = "";
    b.tags = {};
    FeedSession c = b;
    c.id = SessionId(14);
    c.code = "WS14";
    c.cancelled = true;
    p.sessions = {a, b, c};
    return p;
}

std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find("\r\n", at);
        EXPECT_NE(end, std::string::npos) << "a line without CRLF";
        if (end == std::string::npos) break;
        lines.push_back(text.substr(at, end - at));
        at = end + 2;
    }
    return lines;
}

std::string unfold(const std::string& text) {
    std::string out;
    for (const auto& line : physical_lines(text)) {
        if (!line.empty() && line[0] == ' ')
            out += line.substr(1);
        else
            out += (out.empty() ? "" : "\n") + line;
    }
    return out;
}

}  // namespace

TEST(ProgrammeFeeds, TextIsEscapedAsRfc5545Says) {
    EXPECT_EQ(icalendar_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    EXPECT_EQ(icalendar_text(std::string("bell\x07") + "tab\t"), "belltab\t");
}

TEST(ProgrammeFeeds, LongLinesFoldAt75OctetsWithoutSplittingUtf8) {
    std::string ascii(200, 'x');
    auto folded = icalendar_fold("SUMMARY:" + ascii);
    for (const auto& line : physical_lines(folded)) EXPECT_LE(line.size(), 75u);
    EXPECT_EQ(unfold(folded), "SUMMARY:" + ascii);

    // Two-, three- and four-octet characters at every offset.
    std::string mixed;
    for (int i = 0; i < 40; ++i) mixed += "é漢😀a";
    for (int shift = 0; shift < 4; ++shift) {
        auto line = "DESCRIPTION:" + std::string(static_cast<std::size_t>(shift), 'y') + mixed;
        auto f = icalendar_fold(line);
        for (const auto& physical : physical_lines(f)) {
            EXPECT_LE(physical.size(), 75u);
            EXPECT_TRUE(is_valid_utf8(physical)) << physical;
        }
        EXPECT_EQ(unfold(f), line);
    }
    EXPECT_EQ(icalendar_fold("SHORT:x"), "SHORT:x\r\n");
}

TEST(ProgrammeFeeds, VenueTimesBecomeUtcAcrossTheChangeToSummerTime) {
    // Oslo moves from +01:00 to +02:00 at 02:00 on 28 March 2027.
    EXPECT_EQ(icalendar_utc("Europe/Oslo", "2027-03-27T10:00"), "20270327T090000Z");
    EXPECT_EQ(icalendar_utc("Europe/Oslo", "2027-03-28T10:00"), "20270328T080000Z");
    EXPECT_EQ(icalendar_utc("Europe/Oslo", "2027-03-28T01:30"), "20270328T003000Z");
    // 02:30 does not exist that night: read with the offset before the change.
    EXPECT_EQ(icalendar_utc("Europe/Oslo", "2027-03-28T02:30"), "20270328T013000Z");
    EXPECT_EQ(icalendar_utc("America/Sao_Paulo", "2027-06-23T23:30"), "20270624T023000Z");
    EXPECT_EQ(iso_with_offset("Europe/Oslo", "2027-03-27T10:00"), "2027-03-27T10:00:00+01:00");
    EXPECT_EQ(iso_with_offset("Europe/Oslo", "2027-03-28T10:00"), "2027-03-28T10:00:00+02:00");
    EXPECT_EQ(iso_with_offset("America/St_Johns", "2027-01-10T09:00"), "2027-01-10T09:00:00-03:30");
    EXPECT_EQ(icalendar_utc("Europe/Oslo", "Monday"), std::nullopt);
}

TEST(ProgrammeFeeds, UidsAndGuidsAreStable) {
    auto uid = session_uid(SessionId(12), "forum.example.org");
    EXPECT_EQ(uid, "session-12@forum.example.org");
    EXPECT_EQ(session_uuid(uid), session_uuid("session-12@forum.example.org"));
    EXPECT_NE(session_uuid(uid), session_uuid("session-13@forum.example.org"));
    EXPECT_TRUE(std::regex_match(
        session_uuid(uid),
        std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    EXPECT_EQ(schedule_acronym("Regional IGF demo 2027"), "regional_igf_demo_2027");
    EXPECT_EQ(schedule_acronym("É"), "____");
}

TEST(ProgrammeFeeds, TheCalendarHasAnEventPerSession) {
    auto ics = icalendar(
        {"Regional IGF demo 2027: programme", "forum.example.org", "2026-12-01T01:37:00Z"},
        {sample()});
    EXPECT_EQ(ics.find('\n'), ics.find("\r\n") + 1);
    for (std::size_t at = ics.find('\n'); at != std::string::npos; at = ics.find('\n', at + 1))
        ASSERT_EQ(ics[at - 1], '\r');
    auto text = unfold(ics);
    EXPECT_EQ(text.rfind("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:", 0), 0u);
    EXPECT_NE(text.find("X-WR-CALNAME:Regional IGF demo 2027: programme\n"), std::string::npos);
    EXPECT_NE(text.find("UID:session-12@forum.example.org\nSEQUENCE:3\nDTSTAMP:20261201T013700Z\n"
                        "DTSTART:20270327T090000Z\nDTEND:20270327T103000Z\n"),
              std::string::npos);
    EXPECT_NE(text.find("DTSTART:20270328T080000Z\nDTEND:20270328T093000Z\n"), std::string::npos);
    EXPECT_NE(text.find("SUMMARY:WS12: Children's rights\\, online & offline\\; <safety>\n"),
              std::string::npos);
    EXPECT_NE(text.find("DESCRIPTION:Line one\\nLine two\\, with \\\\ and \\;\\n\\nAna Silva "
                        "(organiser\\, speaker)\\nJūratė Ōno (speaker)\n"),
              std::string::npos);
    EXPECT_NE(text.find("CATEGORIES:Workshop,Human rights,children,safety\n"), std::string::npos);
    EXPECT_NE(text.find("LOCATION:Main Hall\n"), std::string::npos);
    EXPECT_NE(text.find("UID:session-14@forum.example.org\n"), std::string::npos);
    EXPECT_NE(text.find("STATUS:CANCELLED\n"), std::string::npos);
    EXPECT_EQ(text.substr(text.size() - 14), "\nEND:VCALENDAR");
}

TEST(ProgrammeFeeds, TheScheduleXmlHasDaysRoomsAndEvents) {
    auto xml = schedule_xml(sample(), "forum.example.org");
    EXPECT_NE(xml.find("<acronym>regional_igf_demo_2027</acronym>"), std::string::npos);
    EXPECT_NE(xml.find("<days>2</days>"), std::string::npos);
    EXPECT_NE(xml.find("<day index=\"1\" date=\"2027-03-27\" start=\"2027-03-27T00:00:00+01:00\""),
              std::string::npos);
    EXPECT_NE(xml.find("<room name=\"Main Hall\">"), std::string::npos);
    EXPECT_NE(xml.find("<title>Children's rights, online &amp; offline; &lt;safety&gt;</title>"),
              std::string::npos);
    EXPECT_NE(xml.find("<date>2027-03-28T10:00:00+02:00</date>"), std::string::npos);
    EXPECT_NE(xml.find("<duration>01:30</duration>"), std::string::npos);
    EXPECT_NE(xml.find("<person id=\"6\">Jūratė Ōno</person>"), std::string::npos);
    auto first = xml.substr(0, xml.find("</event>"));
    EXPECT_EQ(first.find("<person id=\"5\">"), first.rfind("<person id=\"5\">"))
        << "each person once";
    EXPECT_NE(xml.find("<slug>regional_igf_demo_2027-ws12-children-s-rights-online-offline-safety"),
              std::string::npos);
    EXPECT_EQ(xml.find("WS14"), std::string::npos) << "a cancelled session is left out";
    auto other = sample();
    other.sessions[0].title = "Права детей: Jūratė’s café";
    auto transliterated = schedule_xml(other, "forum.example.org");
    EXPECT_NE(
        transliterated.find("<slug>regional_igf_demo_2027-ws12-prava-detej-jurate-s-cafe</slug>"),
        std::string::npos)
        << transliterated.substr(0, 1500);
}

TEST(ProgrammeFeeds, TheScheduleJsonFollowsC3voc) {
    auto doc = nlohmann::json::parse(schedule_json(sample(), "forum.example.org"));
    const auto& conference = doc["schedule"]["conference"];
    EXPECT_EQ(doc["schedule"]["version"], "2");
    EXPECT_EQ(conference["acronym"], "regional_igf_demo_2027");
    EXPECT_EQ(conference["daysCount"], 2);
    EXPECT_EQ(conference["time_zone_name"], "Europe/Oslo");
    EXPECT_EQ(conference["rooms"].size(), 2u);
    const auto& day = conference["days"][1];
    EXPECT_EQ(day["date"], "2027-03-28");
    ASSERT_EQ(day["rooms"]["Room 2"].size(), 1u) << "WS14 is cancelled";
    const auto& event = day["rooms"]["Room 2"][0];
    EXPECT_EQ(event["id"], 13);
    EXPECT_EQ(event["date"], "2027-03-28T10:00:00+02:00");
    EXPECT_EQ(event["start"], "10:00");
    EXPECT_EQ(event["duration"], "01:30");
    EXPECT_EQ(event["track"], "Workshop");
    EXPECT_EQ(event["guid"], session_uuid("session-13@forum.example.org"));
    ASSERT_EQ(event["persons"].size(), 2u) << "each person once";
    EXPECT_EQ(event["persons"][1]["name"], "Jūratė Ōno");
}

TEST(ProgrammeFeeds, TheVenueSheetHasARowPerSession) {
    auto rows = venue_sheet(sample());
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0][0], "Day");
    EXPECT_EQ(rows[0][8], "Expected attendance");
    EXPECT_EQ(rows[1],
              (std::vector<std::string>{"2027-03-27", "10:00", "11:30", "Main Hall", "WS12",
                                        "Children's rights, online & offline; <safety>", "Workshop",
                                        "Captioning", "120",
                                        "Ana Silva (organiser, speaker); Jūratė Ōno (speaker)"}));
}

TEST(ProgrammeFeeds, OnlyThePublishedTimetableIsFed) {
    EditionProgramme p;
    p.time_zone = "Europe/Oslo";
    p.rooms = {{RoomId(1), {"Main Hall", 500, {}, {}, 15, {}}},
               {RoomId(2), {"Room 2", 40, {}, {}, 15, {}}}};
    ProgrammeSession a, b, c;
    a.id = SessionId(1);
    a.code = "WS1";
    a.session_type = "workshop";
    a.demand = 30;
    b = a;
    b.id = SessionId(2);
    b.code = "WS2";
    b.marks = 7;
    c = a;
    c.id = SessionId(3);
    c.code = "WS3";
    p.sessions = {a, b, c};
    p.placed = {{SessionId(3), {RoomId(1), "2027-06-23T09:00"}}};  // draft only
    p.previous = {{SessionId(1), {RoomId(2), "2027-06-23T11:00"}},
                  {SessionId(2), {RoomId(1), "2027-06-23T09:00"}}};
    auto out = published_programme(p, {{"workshop", "Workshop"}});
    ASSERT_EQ(out.sessions.size(), 2u);
    EXPECT_EQ(out.sessions[0].code, "WS2");
    EXPECT_EQ(out.sessions[0].room_name, "Main Hall");
    EXPECT_EQ(out.sessions[0].expected, 7);
    EXPECT_EQ(out.sessions[1].code, "WS1");
    EXPECT_EQ(out.sessions[1].type_name, "Workshop");
    EXPECT_EQ(out.sessions[1].expected, 30);
}
