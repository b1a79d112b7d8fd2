// The public programme: only the published timetable, never a cancelled session, in time
// order; filters by day, room, theme, tag, type and words (title, code, description,
// people's names, whatever their case or accents).
#include "core/programme/public_programme.hpp"

#include <gtest/gtest.h>

using namespace convene;
using namespace convene::programme;

namespace {

ProgrammeSession session(std::int64_t id, std::string code, std::string title,
                         std::string type = "workshop", std::string theme = "",
                         std::vector<std::string> tags = {}) {
    ProgrammeSession s;
    s.id = SessionId{id};
    s.code = std::move(code);
    s.title = std::move(title);
    s.session_type = std::move(type);
    s.theme = std::move(theme);
    s.tags = std::move(tags);
    s.duration = 90;
    return s;
}

struct Fixture {
    std::vector<ProgrammeSession> sessions;
    std::map<SessionId, Slot> published;
    std::vector<PlannedRoom> rooms;
    Fixture() {
        VenueRoom hall, small;
        hall.name = "Main Hall";
        small.name = "Room 2";
        rooms = {{RoomId{1}, hall}, {RoomId{2}, small}};
        sessions.push_back(session(1, "WS12", "Children's rights online", "workshop", "Rights",
                                   {"children", "privacy"}));
        sessions.push_back(session(2, "OF3", "Open standards", "open_forum", "Infrastructure"));
        sessions.push_back(
            session(3, "WS7", "Café connectivity", "workshop", "Infrastructure", {"access"}));
        sessions.push_back(session(4, "WS9", "Cancelled one"));
        sessions.push_back(session(5, "WS20", "Not published yet"));
        sessions[1].people.push_back({PersonId{9}, "José Álvarez", "speaker", "", true});
        sessions[2].description = "Community **networks** in rural areas";
        sessions[3].cancelled = true;
        published[SessionId{1}] = {RoomId{1}, "2027-06-24T09:00"};
        published[SessionId{2}] = {RoomId{2}, "2027-06-23T14:00"};
        published[SessionId{3}] = {RoomId{2}, "2027-06-23T09:00"};
        published[SessionId{4}] = {RoomId{1}, "2027-06-23T09:00"};
    }
    std::vector<ListedSession> all() const {
        return published_programme(sessions, published, rooms);
    }
};

std::vector<std::string> codes(const std::vector<ListedSession>& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s.session.code);
    return out;
}

}  // namespace

TEST(PublicProgramme, ListsOnlyPublishedSessionsThatAreNotCancelledInTimeOrder) {
    Fixture f;
    auto all = f.all();
    EXPECT_EQ(codes(all), (std::vector<std::string>{"WS7", "OF3", "WS12"}));
    EXPECT_EQ(all[0].room, "Room 2");
    EXPECT_EQ(all[0].end, "2027-06-23T10:30");
    EXPECT_EQ(all[0].day(), "2027-06-23");
}

TEST(PublicProgramme, FiltersByDayRoomThemeTagAndType) {
    Fixture f;
    auto all = f.all();
    ProgrammeFilter day;
    day.day = "2027-06-23";
    EXPECT_EQ(codes(filtered(all, day)), (std::vector<std::string>{"WS7", "OF3"}));
    ProgrammeFilter room;
    room.room = "Main Hall";
    EXPECT_EQ(codes(filtered(all, room)), (std::vector<std::string>{"WS12"}));
    ProgrammeFilter theme;
    theme.theme = "Infrastructure";
    theme.type = "workshop";
    EXPECT_EQ(codes(filtered(all, theme)), (std::vector<std::string>{"WS7"}));
    ProgrammeFilter tag;
    tag.tag = "children";
    EXPECT_EQ(codes(filtered(all, tag)), (std::vector<std::string>{"WS12"}));
    ProgrammeFilter nothing;
    nothing.day = "2027-06-25";
    EXPECT_TRUE(filtered(all, nothing).empty());
    EXPECT_FALSE(ProgrammeFilter{}.any());
    EXPECT_TRUE(nothing.any());
}

TEST(PublicProgramme, SearchesTitleCodeDescriptionAndPeopleWhateverTheCase) {
    Fixture f;
    auto all = f.all();
    auto search = [&](const std::string& q) {
        ProgrammeFilter filter;
        filter.q = q;
        return codes(filtered(all, filter));
    };
    EXPECT_EQ(search("CHILDREN"), (std::vector<std::string>{"WS12"}));
    EXPECT_EQ(search("ws12"), (std::vector<std::string>{"WS12"}));
    EXPECT_EQ(search("rural networks"), (std::vector<std::string>{"WS7"}));
    EXPECT_EQ(search("josé"), (std::vector<std::string>{"OF3"}));
    EXPECT_EQ(search("JOSÉ ÁLVAREZ"), (std::vector<std::string>{"OF3"}));
    EXPECT_EQ(search("café"), (std::vector<std::string>{"WS7"}));
    EXPECT_TRUE(search("children rural").empty()) << "every word must be found";
    EXPECT_TRUE(search("cancelled").empty());
}

TEST(PublicProgramme, OffersTheChoicesFoundInThePublishedProgramme) {
    Fixture f;
    auto c = programme_choices(f.all());
    EXPECT_EQ(c.days, (std::vector<std::string>{"2027-06-23", "2027-06-24"}));
    EXPECT_EQ(c.rooms, (std::vector<std::string>{"Main Hall", "Room 2"}));
    EXPECT_EQ(c.themes, (std::vector<std::string>{"Infrastructure", "Rights"}));
    EXPECT_EQ(c.tags, (std::vector<std::string>{"access", "children", "privacy"}));
    EXPECT_EQ(c.types, (std::vector<std::string>{"open_forum", "workshop"}));
}

TEST(PublicProgramme, FindsASessionByItsCodeInAnyCase) {
    Fixture f;
    auto all = f.all();
    ASSERT_NE(listed_session(all, "ws12"), nullptr);
    EXPECT_EQ(listed_session(all, "WS12")->session.title, "Children's rights online");
    EXPECT_EQ(listed_session(all, "WS9"), nullptr) << "cancelled";
    EXPECT_EQ(listed_session(all, "WS20"), nullptr) << "not published";
    EXPECT_EQ(listed_session(all, "XX1"), nullptr);
}
