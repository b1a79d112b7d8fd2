// The venue's rooms as the Secretariat types them: windows one per line, every problem
// named by its field, the edition's days and the overlaps checked.
#include "core/programme/venue.hpp"

#include <gtest/gtest.h>

#include "core/demo/demo_venue.hpp"

using namespace convene;
using namespace convene::programme;

namespace {

VenueRoom hall() {
    VenueRoom r;
    r.name = " Main Hall ";
    r.capacity = 1200;
    r.features = {"interpretation", "captioning", "captioning"};
    r.languages = {"ar", "en"};
    r.turnover = 20;
    r.windows = {{"2027-06-23T15:00", "2027-06-23T18:00"},
                 {"2027-06-23T09:00", "2027-06-23T12:00"}};
    return r;
}

std::vector<std::string> fields(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
}

}  // namespace

TEST(Venue, WindowsAreTypedOnePerLine) {
    FieldErrors errors;
    auto ws = windows_from_text(
        "2027-06-23 09:00-12:00\n\n2027-06-23 15:00 – 18:00\n"
        "2027-06-24 9:30 to 10:45\nMonday morning\n",
        errors);
    ASSERT_EQ(ws.size(), 3u);
    EXPECT_EQ(ws[0], (OpenWindow{"2027-06-23T09:00", "2027-06-23T12:00"}));
    EXPECT_EQ(ws[2], (OpenWindow{"2027-06-24T09:30", "2027-06-24T10:45"}));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "windows");
    EXPECT_NE(errors[0].message.find("Monday morning"), std::string::npos);
    EXPECT_EQ(windows_text(ws),
              "2027-06-23 09:00-12:00\n2027-06-23 15:00-18:00\n"
              "2027-06-24 09:30-10:45\n");
}

TEST(Venue, ASoundRoomIsTidiedAndItsWindowsSorted) {
    auto r = hall();
    EXPECT_TRUE(check_room(r, "2027-06-22", "2027-06-25").empty());
    EXPECT_EQ(r.name, "Main Hall");
    EXPECT_EQ(r.features, (std::vector<std::string>{"captioning", "interpretation"}));
    EXPECT_EQ(r.windows.front().start, "2027-06-23T09:00");
}

TEST(Venue, EveryProblemIsNamedByItsField) {
    VenueRoom r;
    r.capacity = 0;
    r.turnover = 300;
    r.features = {"interpretation", "jacuzzi"};
    r.languages = {"English"};
    r.windows = {{"2027-06-23T12:00", "2027-06-23T09:00"},  // ends before it starts
                 {"2027-06-30T09:00", "2027-06-30T12:00"},  // after the last day
                 {"2027-02-30T09:00", "2027-02-30T10:00"},  // no such day
                 {"2027-06-24T09:00", "2027-06-24T12:00"},
                 {"2027-06-24T11:00", "2027-06-24T13:00"}};  // overlaps the one before
    auto errors = check_room(r, "2027-06-22", "2027-06-25");
    EXPECT_EQ(fields(errors), (std::vector<std::string>{"name", "capacity", "turnover",
                                                        "features[1]", "languages[0]", "windows[0]",
                                                        "windows[1]", "windows[2]", "windows[4]"}));
    VenueRoom silent = hall();
    silent.languages.clear();
    EXPECT_EQ(fields(check_room(silent, "2027-06-22", "2027-06-25")),
              std::vector<std::string>{"languages"})
        << "interpretation needs its languages";
}

TEST(Venue, AWindowMayEndAtMidnightOfTheLastDay) {
    auto r = hall();
    r.windows = {{"2027-06-25T20:00", "2027-06-26T00:00"}};
    EXPECT_TRUE(check_room(r, "2027-06-22", "2027-06-25").empty());
    r.windows = {{"2027-06-21T23:00", "2027-06-22T01:00"}};
    EXPECT_EQ(fields(check_room(r, "2027-06-22", "2027-06-25")),
              std::vector<std::string>{"windows[0]"});
}

TEST(Venue, EditionDaysAndLocalMinutes) {
    EXPECT_EQ(edition_days("2027-02-27", "2027-03-01"),
              (std::vector<std::string>{"2027-02-27", "2027-02-28", "2027-03-01"}));
    EXPECT_TRUE(edition_days("2027-03-01", "2027-02-27").empty());
    EXPECT_EQ(*local_minutes("1970-01-02T01:30"), 1440 + 90);
    EXPECT_FALSE(local_minutes("2027-13-01T00:00"));
    EXPECT_FALSE(local_minutes("2027-06-23T24:00"));
}

TEST(Venue, TheDemoVenueIsSound) {
    auto rooms = demo_venue(
        {{"Main Hall", 1200, true}, {"Workshop Room 1", 80, false}, {"Workshop Room 2", 60, false}},
        "2027-06-15", "2027-06-18");
    ASSERT_EQ(rooms.size(), 3u);
    EXPECT_EQ(rooms[0].windows.size(), 8u) << "two three-hour windows a day";
    for (auto& r : rooms) EXPECT_TRUE(check_room(r, "2027-06-15", "2027-06-18").empty()) << r.name;
    EXPECT_NE(rooms[1].features, rooms[2].features) << "not every room has captioning";
}

TEST(Venue, APastedFloodOfWindowsOrLanguagesIsRefusedByName) {
    auto r = hall();
    r.windows.assign(max_windows + 1, {"2027-06-23T09:00", "2027-06-23T10:00"});
    r.languages.assign(max_languages + 1, "en");
    r.name = std::string("Hall\x07", 5);
    EXPECT_EQ(fields(check_room(r, "2027-06-22", "2027-06-25")),
              (std::vector<std::string>{"name", "languages", "windows"}));
}
